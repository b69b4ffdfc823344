import { describe, expect, it } from "vitest";
import { compareRevisions, diffText, MAX_COMPARISONS, type DiffCounter } from "./compare";

const base = {
  title: "Checkout outage",
  summary: "The cache expired at once.",
  severity: "SEV2",
  status: "draft",
  timezone: "UTC",
  incidentDate: null,
  services: ["checkout"],
  tags: [],
  authors: [],
  impact: "",
  impactFigures: { usersAffected: 10, errorRate: null, durationMinutes: null, requestsFailed: null, revenueLost: null },
  timeline: [],
  rootCause: { trigger: "", narrative: "", whys: [] },
  contributingFactors: [],
  correctiveActions: [],
  lessons: { wentWell: "", wentWrong: "", lucky: "" },
  sections: [],
};

describe("compareRevisions", () => {
  it("finds nothing between identical versions", () => {
    expect(compareRevisions(base, structuredClone(base))).toEqual([]);
  });

  it("names each changed field and marks the words that changed", () => {
    const after = { ...base, summary: "The whole cache expired at once.", severity: "SEV1" };
    const changes = compareRevisions(base, after);
    expect(changes.map((c) => c.label)).toEqual(["Summary", "Severity"]);
    const summary = changes[0].parts;
    expect(summary.filter((p) => p.change === "added").map((p) => p.value.trim())).toContain("whole");
    expect(summary.filter((p) => p.change === "removed")).toEqual([]);
    expect(summary.map((p) => (p.change === "removed" ? "" : p.value)).join("")).toBe("The whole cache expired at once.");
  });

  it("shows a one-word change as old → new, in the form's words", () => {
    const changes = compareRevisions(base, { ...base, status: "in_review" });
    expect(changes).toEqual([
      {
        field: "status",
        label: "Status",
        parts: [
          { value: "Draft", change: "removed" },
          { value: " → ", change: "same" },
          { value: "In review", change: "added" },
        ],
        isReplaced: false,
      },
    ]);
  });

  it("diffs lists and nested objects through their text form", () => {
    const after = { ...base, services: ["checkout", "payments"], impactFigures: { ...base.impactFigures, usersAffected: 12 } };
    const changes = compareRevisions(base, after);
    expect(changes.map((c) => c.field)).toEqual(["services", "impactFigures"]);
    expect(changes[0].parts.some((p) => p.change === "added" && p.value.includes("payments"))).toBe(true);
    expect(changes[1].parts.find((p) => p.change === "removed")?.value).toContain("10");
  });
});

// Made-up words from a seeded generator (mulberry32): texts that share little but spaces, as a rewrite does.
function wordsOf(count: number, seed: number): string[] {
  let state = seed;
  const random = () => {
    let t = (state = (state + 0x6d2b79f5) | 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return Array.from({ length: count }, () => Array.from({ length: 3 + Math.floor(random() * 6) }, () => String.fromCharCode(97 + Math.floor(random() * 26))).join(""));
}

describe("diffText's budget", () => {
  const textOf = (chars: number, seed: number) => wordsOf(chars / 5, seed).join(" ").slice(0, chars);

  it("still diffs a few words changed in a 200,000-character field", () => {
    const old = textOf(200_000, 1);
    const now = `${old.slice(0, 90_000)} a few new words ${old.slice(90_000, 150_000)}${old.slice(150_020)}`;
    const [change] = compareRevisions({ ...base, summary: old }, { ...base, summary: now });
    expect(change.isReplaced).toBe(false);
    expect(change.parts.filter((p) => p.change === "added").map((p) => p.value).join("")).toContain("a few new words");
    expect(change.parts.filter((p) => p.change !== "removed").map((p) => p.value).join("")).toBe(now);
    expect(change.parts.filter((p) => p.change !== "added").map((p) => p.value).join("")).toBe(old);
  });

  it("shows a rewritten 200,000-character field as replaced, without running the diff at all", () => {
    const [old, now] = [textOf(200_000, 1), textOf(200_000, 2)];
    const counter: DiffCounter = { comparisons: 0 };
    const changes = compareRevisions({ ...base, summary: old }, { ...base, summary: now }, { counter });
    expect(changes).toEqual([
      {
        field: "summary",
        label: "Summary",
        parts: [
          { value: old, change: "removed" },
          { value: now, change: "added" },
        ],
        isReplaced: true,
      },
    ]);
    expect(counter.comparisons).toBe(0);
  });

  // Work counted, not timed: swapping every tenth word with the next keeps the words (so only the diff
  // can tell how much changed) while the edits grow with the text. Unbounded, Myers's work grows with
  // words × edits, 16 times for 4 times the text; on a budget it must grow no faster than the text.
  it("does no more than linear work as an edited text grows", () => {
    const work = (count: number) => {
      const words = wordsOf(count, 3);
      const swapped = words.map((word, i) => (i % 10 === 0 ? (words[i + 1] ?? word) : i % 10 === 1 ? words[i - 1] : word));
      const counter: DiffCounter = { comparisons: 0 };
      const result = diffText({ old: words.join(" "), now: swapped.join(" "), counter });
      return { ...counter, tokens: 2 * words.length, isReplaced: result.isReplaced };
    };
    const small = work(500);
    expect(small.isReplaced).toBe(false); // 100 edits: within budget, a real word diff
    const [n, n4] = [work(10_000), work(40_000)];
    expect(n.comparisons).toBeGreaterThan(0);
    expect(n4.comparisons).toBeLessThanOrEqual(4 * n.comparisons);
    for (const { comparisons, tokens } of [small, n, n4]) expect(comparisons).toBeLessThanOrEqual(MAX_COMPARISONS + 4 * 2 * tokens);
    expect(n4.isReplaced).toBe(true);
  });

  // "a a a …" with one other word every count / 100 words: on every diagonal Myers walks long runs of a's,
  // so the edits stay few (200) while the comparisons grow with words × edits, until the budget stops them.
  it("stops at its comparison budget on text of one repeated word", () => {
    const work = (count: number) => {
      const text = (odd: string, offset: number) => Array.from({ length: count }, (_, i) => ((i + offset) % (count / 100) === 0 ? odd : "a")).join(" ");
      const counter: DiffCounter = { comparisons: 0 };
      const result = diffText({ old: text("c", 0), now: text("b", count / 200), counter });
      return { ...counter, isReplaced: result.isReplaced, budget: MAX_COMPARISONS + 4 * 4 * count };
    };
    expect(work(2_000).isReplaced).toBe(false);
    const [n, n4] = [work(20_000), work(80_000)];
    for (const { comparisons, isReplaced, budget } of [n, n4]) {
      expect(isReplaced).toBe(true);
      expect(comparisons).toBeGreaterThan(MAX_COMPARISONS);
      expect(comparisons).toBeLessThanOrEqual(budget);
    }
    expect(n4.comparisons).toBeLessThanOrEqual(4 * n.comparisons);
  });
});

