/** Small helpers that build the language rules' regular expressions from word lists. */

/** Escapes a literal for use inside a regular expression. */
export function escapeRegExp(literal: string): string {
  return literal.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * An alternation of words or phrases; a space inside a phrase matches any
 * run of whitespace, an apostrophe matches ' or ’. Written as a prefix tree
 * ("de(?:ployed|leted)"), longer continuations first, so that long lists stay
 * small and fail fast, and "turned off" wins over "turned".
 */
export function anyOf(words: readonly string[]): string {
  type Node = { children: Map<string, Node>; isEnd: boolean };
  const root: Node = { children: new Map(), isEnd: false };
  for (const word of new Set(words)) {
    let node = root;
    for (const char of word) {
      let child = node.children.get(char);
      if (!child) node.children.set(char, (child = { children: new Map(), isEnd: false }));
      node = child;
    }
    node.isEnd = true;
  }
  const atom = (char: string) => (char === " " ? String.raw`\s+` : char === "'" ? "['’]" : escapeRegExp(char));
  const emit = (node: Node): string => {
    const branches = [...node.children].map(([char, child]) => atom(char) + emit(child));
    if (branches.length === 0) return "";
    const body = branches.length === 1 ? branches[0] : `(?:${branches.join("|")})`;
    if (!node.isEnd) return body;
    return branches.length === 1 ? `(?:${body})?` : `${body}?`;
  };
  return `(?:${emit(root)})`;
}

/** A case-insensitive, global pattern from source parts. */
export function words(...parts: string[]): RegExp {
  return new RegExp(parts.join(""), "gi");
}

/** A case-sensitive, global, Unicode pattern: for rules that rely on capital letters (names). */
export function casedWords(...parts: string[]): RegExp {
  return new RegExp(parts.join(""), "gu");
}
