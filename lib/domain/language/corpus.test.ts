import { describe, expect, it } from "vitest";
import { LANGUAGE_CORPUS } from "./corpus";
import { scoreCorpus } from "./score";

describe("labelled corpus", () => {
  it("is large, balanced and without duplicates", () => {
    const blaming = LANGUAGE_CORPUS.filter((s) => s.isBlaming).length;
    expect(LANGUAGE_CORPUS.length).toBeGreaterThanOrEqual(120);
    expect(blaming / LANGUAGE_CORPUS.length).toBeGreaterThan(0.4);
    expect(blaming / LANGUAGE_CORPUS.length).toBeLessThan(0.6);
    expect(new Set(LANGUAGE_CORPUS.map((s) => s.text)).size).toBe(LANGUAGE_CORPUS.length);
  });

  it("is flagged with precision and recall of at least 0.9 (npm run bench:language prints the misses)", () => {
    const score = scoreCorpus(LANGUAGE_CORPUS);
    expect(score.precision).toBeGreaterThanOrEqual(0.9);
    expect(score.recall).toBeGreaterThanOrEqual(0.9);
  });
});
