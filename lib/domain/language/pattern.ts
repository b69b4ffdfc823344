/** Small helpers that build the language rules' regular expressions from word lists. */

/** Escapes a literal for use inside a regular expression. */
export function escapeRegExp(literal: string): string {
  return literal.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * An alternation of words or phrases; a space inside a phrase matches any
 * run of whitespace, an apostrophe matches ' or ’. Longest first, so that
 * "turned off" wins over "turned".
 */
export function anyOf(words: readonly string[]): string {
  const sorted = [...new Set(words)].sort((a, b) => b.length - a.length);
  return `(?:${sorted.map((word) => escapeRegExp(word).replace(/ /g, "\\s+").replace(/'/g, "['’]")).join("|")})`;
}

/** A case-insensitive, global pattern from source parts. */
export function words(...parts: string[]): RegExp {
  return new RegExp(parts.join(""), "gi");
}

/** A case-sensitive, global, Unicode pattern: for rules that rely on capital letters (names). */
export function casedWords(...parts: string[]): RegExp {
  return new RegExp(parts.join(""), "gu");
}
