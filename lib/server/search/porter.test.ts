/** The JavaScript Porter stemmer against SQLite's own (the index's tokenizer), on many made-up words. */
import Database from "better-sqlite3";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { porterStem } from "@/lib/domain/search/porter";
import { foldWord } from "@/lib/domain/search/words";

const SUFFIXES = ["", "s", "es", "ies", "sses", "ed", "eed", "ing", "ational", "tional", "enci", "anci", "izer", "logi", "bli", "alli", "entli", "eli", "ousli", "ization", "ation", "ator", "alism", "iveness", "fulness", "ousness", "aliti", "iviti", "biliti", "ical", "ness", "icate", "iciti", "ful", "ative", "alize", "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ion", "sion", "tion", "ou", "ism", "ate", "iti", "ous", "ive", "ize", "e", "ll", "y", "ly", "at", "bl", "iz", "ying"];
const word = fc
  .tuple(fc.stringMatching(/^[a-z]{1,8}$/), fc.constantFrom(...SUFFIXES), fc.constantFrom(...SUFFIXES))
  .map(([stem, a, b]) => stem + a + b);

describe("porterStem", () => {
  it("gives the stems SQLite's FTS5 porter tokenizer stores", () => {
    const db = new Database(":memory:");
    db.exec(`CREATE VIRTUAL TABLE t USING fts5(x, tokenize = 'porter unicode61 remove_diacritics 2');
             CREATE VIRTUAL TABLE v USING fts5vocab(t, 'instance');`);
    const words = [...new Set([...fc.sample(word, 20_000), "configuration", "deployment", "deployed", "caching", "parsers", "naïveté"])];
    const insert = db.prepare("INSERT INTO t (rowid, x) VALUES (?, ?)");
    db.transaction(() => words.forEach((w, i) => insert.run(i + 1, w)))();
    const stems = db.prepare("SELECT doc, term FROM v").all() as { doc: number; term: string }[];
    const mismatches = stems.filter((row) => porterStem(foldWord(words[row.doc - 1])) !== row.term);
    expect(mismatches.slice(0, 5)).toEqual([]);
    expect(stems.length).toBe(words.length);
    db.close();
  });
});
