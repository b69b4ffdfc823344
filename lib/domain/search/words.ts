/**
 * Words as the search index sees them. The index's tokenizer is SQLite's
 * `unicode61 remove_diacritics 2` (letters and digits form tokens; case and
 * accents are folded), wrapped in `porter` for stemming. This module mirrors
 * the unicode61 part so that queries and the word list agree with the index.
 */

// Letters, digits and private-use characters form tokens; everything else separates them.
const WORD = /[\p{L}\p{N}\p{Co}]+/gu;
const DIACRITICS = /\p{M}+/gu;
const ASCII = /^[\u0000-\u007f]*$/;
const ASCII_WORD = /[a-z0-9]+/g;
const ALL_DIGITS = /^\d+$/;

/** Lowercase with accents removed ("Düsseldorf" → "dusseldorf"), as unicode61 remove_diacritics 2 folds it. */
export function foldWord(word: string): string {
  return word.normalize("NFKD").replace(DIACRITICS, "").toLowerCase();
}

/** The folded words of a text, in order (duplicates kept). */
export function wordsOf(text: string): string[] {
  // ASCII needs no folding beyond lowercase: the fast path for most text.
  if (ASCII.test(text)) return text.toLowerCase().match(ASCII_WORD) ?? [];
  return text.normalize("NFKD").replace(DIACRITICS, "").toLowerCase().match(WORD) ?? [];
}

/** Longest word kept in the word list: longer "words" are hashes, ids and base64 noise nobody types. */
export const MAX_LISTED_WORD = 40;

const isListed = (word: string) => word.length >= 2 && word.length <= MAX_LISTED_WORD && !ALL_DIGITS.test(word);

/** The distinct words of some texts worth offering as completions (2–40 characters, not all digits). */
export function distinctWords(texts: string[]): string[] {
  const seen = new Set<string>();
  for (const text of texts) {
    for (const word of wordsOf(text)) {
      if (isListed(word)) seen.add(word);
    }
  }
  return [...seen];
}

/** The words of some texts worth offering as completions that `known` does not have yet (each once). */
export function unknownWords(texts: string[], known: ReadonlySet<string>): string[] {
  const found = new Set<string>();
  for (const text of texts) {
    for (const word of wordsOf(text)) {
      if (!known.has(word) && !found.has(word) && isListed(word)) found.add(word);
    }
  }
  return [...found];
}
