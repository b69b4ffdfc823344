/**
 * Typo tolerance: a word the library does not have ("failovr", "chekout")
 * also matches the library's words within a small edit distance
 * ("failover", "checkout"). Distance counts one deleted, inserted or changed
 * letter, or two neighbours swapped (optimal string alignment). Short words
 * get none (too many neighbours: "dns" is one letter from "dos"), most words
 * one, long words two.
 */
import type { ParsedQuery } from "./query";

/** Words from this length may have one typo. */
export const MIN_ONE_TYPO = 5;
/** Words from this length may have two. */
export const MIN_TWO_TYPOS = 9;
/** At most this many words of one query are corrected (each costs a lookup or two). */
export const MAX_CORRECTED_WORDS = 4;
/** At most this many library words stand in for one typed word. */
export const MAX_CORRECTIONS = 8;

/** Letters a typo may have replaced or added: the index's ASCII letters and digits (other letters are still deleted or swapped). */
const ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

/** How many typos a word of this length may have. */
export function typosAllowed(word: string): 0 | 1 | 2 {
  const length = [...word].length;
  return length >= MIN_TWO_TYPOS ? 2 : length >= MIN_ONE_TYPO ? 1 : 0;
}

/** A word that may have a typo: what was typed, and whether it is the half-typed last word. */
export type TypedWord = { word: string; isPrefix: boolean };

/**
 * The words of a query that may be typos: single-word terms that must or may
 * match (not phrases, which ask for exact words, nor exclusions), long enough
 * to have a typo and not a number, each once, at most MAX_CORRECTED_WORDS.
 */
export function correctableWordsOf(query: ParsedQuery): TypedWord[] {
  // A word typed twice, once finished ("failovr failovr"), is finished.
  const isPrefixOnly = new Map<string, boolean>();
  for (const term of query.clauses.flat()) {
    const [word] = term.words;
    if (term.words.length !== 1 || typosAllowed(word) === 0 || /^\d+$/.test(word)) continue;
    isPrefixOnly.set(word, (isPrefixOnly.get(word) ?? true) && term.isPrefix);
  }
  return [...isPrefixOnly].slice(0, MAX_CORRECTED_WORDS).map(([word, isPrefix]) => ({ word, isPrefix }));
}

/**
 * Every string one edit away from a word (deletions, swaps of neighbours,
 * changes and insertions of a letter or digit): about 74 per letter, looked
 * up in the word list by its primary key.
 */
export function singleEdits(word: string): string[] {
  const letters = [...word];
  const edits = new Set<string>();
  const join = (parts: string[]) => parts.join("");
  for (let i = 0; i <= letters.length; i++) {
    const before = letters.slice(0, i);
    const after = letters.slice(i);
    if (after.length > 0) edits.add(join([...before, ...after.slice(1)]));
    if (after.length > 1) edits.add(join([...before, after[1], after[0], ...after.slice(2)]));
    for (const letter of ALPHABET) {
      if (after.length > 0 && letter !== after[0]) edits.add(join([...before, letter, ...after.slice(1)]));
      edits.add(join([...before, letter, ...after]));
    }
  }
  edits.delete(word);
  edits.delete("");
  return [...edits];
}

/**
 * The edit distance between two words (optimal string alignment: deletions,
 * insertions, changes, swaps of neighbours), or `max + 1` as soon as it is
 * known to exceed `max`. Time grows with the length of the words times `max`.
 */
export function editDistance(a: string, b: string, max: number): number {
  const s = [...a];
  const t = [...b];
  if (Math.abs(s.length - t.length) > max) return max + 1;
  const over = max + 1;
  // Three rows of the table: before last, last, current; cells outside the band are "too far".
  let twoBack: number[] = [];
  let previous = Array.from({ length: t.length + 1 }, (_, j) => (j <= max ? j : over));
  for (let i = 1; i <= s.length; i++) {
    const current = new Array<number>(t.length + 1).fill(over);
    current[0] = i <= max ? i : over;
    const from = Math.max(1, i - max);
    const to = Math.min(t.length, i + max);
    let rowMin = current[0];
    for (let j = from; j <= to; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) value = Math.min(value, twoBack[j - 2] + 1);
      current[j] = Math.min(value, over);
      rowMin = Math.min(rowMin, current[j]);
    }
    if (rowMin > max) return over;
    twoBack = previous;
    previous = current;
  }
  return Math.min(previous[t.length], over);
}

/**
 * The library's words that stand in for a typed word: those at the smallest
 * distance within what its length allows, nearest first (then shorter, then
 * alphabetical), at most MAX_CORRECTIONS.
 */
export function closestWords(word: string, candidates: Iterable<string>): string[] {
  const max = typosAllowed(word);
  if (max === 0) return [];
  const near: { word: string; distance: number }[] = [];
  for (const candidate of candidates) {
    if (candidate === word) continue;
    const distance = editDistance(word, candidate, max);
    if (distance <= max) near.push({ word: candidate, distance });
  }
  if (near.length === 0) return [];
  const best = Math.min(...near.map((n) => n.distance));
  return near
    .filter((n) => n.distance === best)
    .map((n) => n.word)
    .sort((a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0))
    .slice(0, MAX_CORRECTIONS);
}
