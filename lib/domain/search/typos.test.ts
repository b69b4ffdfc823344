import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseQuery } from "./query";
import { closestWords, correctableWordsOf, editDistance, MAX_CORRECTED_WORDS, singleEdits, typosAllowed } from "./typos";

const LIBRARY = ["failover", "failback", "checkout", "check", "checkpoint", "certificate", "infrastructure", "configuration", "cache", "caches", "replica"];

describe("typo tolerance", () => {
  it("allows no typo in short words, one from five letters, two from nine", () => {
    expect([typosAllowed("dns"), typosAllowed("cach"), typosAllowed("cachw"), typosAllowed("failovr"), typosAllowed("infrastucure")]).toEqual([0, 0, 1, 1, 2]);
  });

  it("finds the library's word for a letter left out, added, changed or two swapped", () => {
    expect(closestWords("failovr", LIBRARY)).toEqual(["failover"]);
    expect(closestWords("chekout", LIBRARY)).toEqual(["checkout"]);
    expect(closestWords("checkkout", LIBRARY)).toEqual(["checkout"]);
    expect(closestWords("chackout", LIBRARY)).toEqual(["checkout"]);
    expect(closestWords("cehckout", LIBRARY)).toEqual(["checkout"]);
    expect(closestWords("replcia", LIBRARY)).toEqual(["replica"]);
  });

  it("allows two typos in long words, and prefers the nearest words", () => {
    expect(closestWords("infrastucure", LIBRARY)).toEqual(["infrastructure"]);
    expect(closestWords("certfiicate", LIBRARY)).toEqual(["certificate"]);
    expect(closestWords("failovr", ["failover", "failovers"])).toEqual(["failover"]);
    // Two typos in a seven-letter word are too many.
    expect(closestWords("falovr", LIBRARY)).toEqual([]);
    expect(closestWords("chek", LIBRARY)).toEqual([]);
  });

  it("generates every string one edit away, so that a key lookup finds them", () => {
    const edits = new Set(singleEdits("failovr"));
    for (const near of ["failover", "failvor", "ailovr", "failovx", "failovrs"]) expect(edits.has(near)).toBe(true);
    expect(edits.has("failovr")).toBe(false);
    // About 74 per letter: bounded, whatever the word.
    expect(singleEdits("a".repeat(40)).length).toBeLessThan(75 * 41);
  });

  it("measures the edit distance (optimal string alignment), stopping past the limit", () => {
    expect(editDistance("failovr", "failover", 2)).toBe(1);
    expect(editDistance("cehckout", "checkout", 2)).toBe(1);
    expect(editDistance("kitten", "sitting", 3)).toBe(3);
    expect(editDistance("kitten", "sitting", 1)).toBe(2);
    expect(editDistance("abc", "abcdef", 1)).toBe(2);
  });

  it("agrees with a plain dynamic programme within the limit (any words)", () => {
    const reference = (a: string, b: string) => {
      const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
      for (let i = 1; i <= a.length; i++) {
        for (let j = 1; j <= b.length; j++) {
          d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
          if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
      return d[a.length][b.length];
    };
    const word = fc.string({ unit: fc.constantFrom("a", "b", "c"), maxLength: 8 });
    fc.assert(
      fc.property(word, word, fc.integer({ min: 0, max: 3 }), (a, b, max) => {
        expect(editDistance(a, b, max)).toBe(Math.min(reference(a, b), max + 1));
      }),
      { numRuns: 1000 },
    );
  });

  it("corrects single words that must or may match, not phrases, exclusions or numbers", () => {
    expect(correctableWordsOf(parseQuery('dns failovr "chekout flow" -replcia 50000 chekout'))).toEqual([
      { word: "failovr", isPrefix: false },
      { word: "chekout", isPrefix: true },
    ]);
    expect(correctableWordsOf(parseQuery("chekout chekout"))).toEqual([{ word: "chekout", isPrefix: false }]);
    const many = Array.from({ length: 10 }, (_, i) => `word${"abcdefghij"[i]}x`).join(" ");
    expect(correctableWordsOf(parseQuery(many))).toHaveLength(MAX_CORRECTED_WORDS);
  });
});
