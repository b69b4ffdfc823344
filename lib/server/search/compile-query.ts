import "server-only";
import { porterStem } from "@/lib/domain/search/porter";
import { matchExpressions, parseQuery, prefixWordsOf } from "@/lib/domain/search/query";
import { closestWords, correctableWordsOf, singleEdits, typosAllowed, type TypedWord } from "@/lib/domain/search/typos";
import type { SearchReader } from "./search-reader";

/** How many words a half-typed word may stand for, besides the stems that start with it. */
const MAX_COMPLETIONS = 16;
/** Completions are looked up from this length on; shorter prefixes are whole stems' beginnings anyway. */
const MIN_COMPLETED_PREFIX = 4;
/** Words read from the word list to look for two typos in one long word: those sharing its first two letters. */
const MAX_SCANNED_WORDS = 20_000;
/** The end of a range of strings that start with a prefix. */
const AFTER = "\u{10FFFF}";

/**
 * The FTS5 expressions for what someone typed, with half-typed words
 * completed from the library's words and words the library does not have
 * widened to the library's words they may be typos of.
 */
export function compileQuery(reader: SearchReader, q: string) {
  const parsed = parseQuery(q);
  const { completions, startingWords } = findCompletions(reader, prefixWordsOf(parsed));
  const corrections = findCorrections(reader, correctableWordsOf(parsed), startingWords);
  return matchExpressions(parsed, completions, corrections);
}

/**
 * Whole words that start with each half-typed word but whose stems do not
 * ("configura" → "configuration", stem "configur"): the FTS5 prefix query
 * alone, over stems, would miss them. Also says which prefixes start any word.
 */
function findCompletions(reader: SearchReader, prefixes: string[]): { completions: Map<string, string[]>; startingWords: Set<string> } {
  const completions = new Map<string, string[]>();
  const startingWords = new Set<string>();
  for (const prefix of prefixes) {
    if (prefix.length < MIN_COMPLETED_PREFIX) continue;
    const row = reader.get<{ words: string | null }>(
      `SELECT json_group_array("word") AS "words" FROM (SELECT "word" FROM "SearchWord" WHERE "word" >= ? AND "word" < ? LIMIT 500)`,
      prefix,
      `${prefix}${AFTER}`,
    );
    const stem = porterStem(prefix);
    const found = JSON.parse(row?.words ?? "[]") as string[];
    if (found.length) startingWords.add(prefix);
    const words = found
      .filter((word) => !porterStem(word).startsWith(stem))
      .sort((a, b) => a.length - b.length || (a < b ? -1 : 1))
      .slice(0, MAX_COMPLETIONS);
    if (words.length) completions.set(prefix, words);
  }
  return { completions, startingWords };
}

/**
 * The library's words that each typed word the library does not have may be
 * a typo of ("failovr" → "failover"). A word is known when its stem is a
 * term of the index (a half-typed one: when a term or a word starts with
 * it); known words are never corrected. For the others, every string one
 * edit away is looked up in the word list by its key (about 74 per letter,
 * one statement); a long word with no such neighbour is compared with the
 * listed words that share its first two letters, for two edits. Each step
 * is bounded: at most four words, a few thousand key lookups, one capped
 * range of the word list.
 */
function findCorrections(reader: SearchReader, typed: TypedWord[], startingWords: ReadonlySet<string>): Map<string, string[]> {
  const corrections = new Map<string, string[]>();
  // Which stems (or, half-typed, stem beginnings) are terms of the index: one statement, a range of terms per word.
  const asked = typed
    .filter(({ word, isPrefix }) => !(isPrefix && startingWords.has(word)))
    .map(({ word, isPrefix }) => {
      const stem = porterStem(word);
      return { word, from: stem, to: isPrefix ? `${stem}${AFTER}` : stem };
    });
  if (asked.length === 0) return corrections;
  const known = reader.get<{ words: string | null }>(
    `SELECT json_group_array("value" ->> '$.word') AS "words" FROM json_each(?)
     WHERE EXISTS (SELECT 1 FROM "SearchTerm" WHERE "term" >= "value" ->> '$.from' AND "term" <= "value" ->> '$.to')`,
    JSON.stringify(asked),
  );
  const knownWords = new Set(JSON.parse(known?.words ?? "[]") as string[]);
  const unknown = asked.map(({ word }) => word).filter((word) => !knownWords.has(word));
  if (unknown.length === 0) return corrections;

  const row = reader.get<{ words: string | null }>(
    `SELECT json_group_array("word") AS "words" FROM "SearchWord" WHERE "word" IN (SELECT "value" FROM json_each(?))`,
    JSON.stringify([...new Set(unknown.flatMap(singleEdits))]),
  );
  const oneAway = JSON.parse(row?.words ?? "[]") as string[];
  for (const word of unknown) {
    let words = closestWords(word, oneAway);
    if (words.length === 0 && typosAllowed(word) === 2) words = closestWords(word, wordsSharingStart(reader, word));
    if (words.length) corrections.set(word, words);
  }
  return corrections;
}

/** Listed words that start with the same two letters as `word` and are at most two letters longer or shorter. */
function wordsSharingStart(reader: SearchReader, word: string): string[] {
  const start = [...word].slice(0, 2).join("");
  const length = [...word].length;
  const row = reader.get<{ words: string | null }>(
    `SELECT json_group_array("word") AS "words" FROM (SELECT "word" FROM "SearchWord" WHERE "word" >= ? AND "word" < ? LIMIT ${MAX_SCANNED_WORDS})
     WHERE length("word") BETWEEN ? AND ?`,
    start,
    `${start}${AFTER}`,
    length - 2,
    length + 2,
  );
  return JSON.parse(row?.words ?? "[]") as string[];
}
