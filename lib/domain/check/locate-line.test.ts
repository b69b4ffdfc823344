import { describe, expect, it } from "vitest";
import { createLineLocator, MAX_CANDIDATES, type LocateCounter } from "./locate-line";

const SENTENCE = "Dave forgot to renew the certificate.";
const PHRASE = [0, "Dave forgot".length] as const;

/** `count` lines of the same sentence, each located once: the lines handed out and the work counted. */
function locateEvery(count: number) {
  const counter: LocateCounter = { steps: 0 };
  const locator = createLineLocator(`${SENTENCE}\n`.repeat(count), { counter });
  const lines = Array.from({ length: count }, () => locator.locate(SENTENCE, ...PHRASE));
  return { lines, steps: counter.steps };
}

describe("createLineLocator", () => {
  it("hands each finding of a repeated sentence its own line, in order, past the candidates it scores", () => {
    const count = MAX_CANDIDATES * 3;
    expect(locateEvery(count).lines).toEqual(Array.from({ length: count }, (_, i) => i + 1));
  });

  it("hands out a line again when there are more findings than occurrences", () => {
    const locator = createLineLocator(`${SENTENCE}\n${SENTENCE}\n`);
    expect([1, 2, 3].map(() => locator.locate(SENTENCE, ...PHRASE))).toEqual([1, 2, 1]);
  });

  // Work counted, not timed. Scoring every occurrence for every finding grew with the square of the
  // file (1 MB of one sentence: minutes); 4 times the sentences must cost at most 4 times the work.
  it("does work that grows linearly with the number of repeated findings", () => {
    const [n, n4] = [locateEvery(1_000), locateEvery(4_000)];
    expect(n.steps).toBeGreaterThan(0);
    expect(n4.steps).toBeLessThanOrEqual(4 * n.steps);
  });

  it("looks a phrase up by its rarest word and once, however often it is flagged", () => {
    const counter: LocateCounter = { steps: 0 };
    // "the" everywhere, "renew" once: finding "the renewal" costs the one "renewal", not every "the".
    const source = `${"the cache and the queue and the disk\n".repeat(500)}we missed the renewal\n`;
    const locator = createLineLocator(source, { counter });
    const field = "We missed the renewal.";
    expect(locator.locate(field, field.indexOf("the"), field.length - 1)).toBe(501);
    expect(locator.locate(field, field.indexOf("the"), field.length - 1)).toBe(501);
    expect(counter.steps).toBeLessThan(10);
  });
});
