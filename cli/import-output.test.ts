import { describe, expect, it } from "vitest";
import type { ArchiveImportReport, ImportedItem } from "@/lib/server/import-archive/import-sources";
import { describeImport, describeTotals, progressLine } from "./import-output";

const item = (change: Partial<ImportedItem>): ImportedItem => ({
  name: "posts/a.md",
  label: "blog/posts/a.md",
  status: "new",
  saved: true,
  slug: "cache-stampede",
  title: "Cache stampede",
  counts: { events: 3, factors: 1, actions: 2 },
  warnings: ["one"],
  ms: 12,
  ...change,
});

const report = (totals: Partial<ArchiveImportReport["totals"]>, dryRun = false): ArchiveImportReport => ({
  dryRun,
  results: [],
  skipped: [
    { name: "a.png", reason: "not a format Hindsight reads (.png)" },
    { name: "b.png", reason: "not a format Hindsight reads (.png)" },
    { name: ".git", reason: "hidden" },
  ],
  totals: { files: 10, new: 6, update: 1, unchanged: 2, failed: 1, skipped: 3, ...totals },
});

describe("hindsight import's words", () => {
  it("one line per file: what was done, the slug, the counts and warnings; a failure with its reason", () => {
    expect(describeImport(item({}), 3, 40, false)).toBe("[3/40] created blog/posts/a.md → cache-stampede (3 events, 1 factor, 2 actions, 1 warning)\n");
    expect(describeImport(item({ slug: undefined, saved: false }), 3, 40, true)).toBe('[3/40] would create blog/posts/a.md → "Cache stampede" (3 events, 1 factor, 2 actions, 1 warning)\n');
    expect(describeImport(item({ status: "unchanged", warnings: [] }), 1, 1, false)).toBe("[1/1] unchanged blog/posts/a.md → cache-stampede (0 warnings)\n");
    expect(describeImport(item({ status: "failed", error: "a.md is empty." }), 2, 2, false)).toBe("[2/2] blog/posts/a.md: a.md is empty.\n");
  });

  it("a summary of what came of the files, and of the files left out by reason", () => {
    expect(describeTotals(report({}))).toBe(
      "Imported 9 of 10 files: 6 created, 1 updated, 2 unchanged, 1 failed (see above). 3 other files skipped (2 not a format Hindsight reads (.png), 1 hidden).\n",
    );
    expect(describeTotals({ ...report({ failed: 0, skipped: 0 }, true), skipped: [] })).toBe("Dry run, nothing changed: 10 files read: 6 would be created, 1 updated, 2 unchanged.\n");
  });

  it("the terminal's progress line: done of total, a bar, the file's name cut to the width", () => {
    expect(progressLine(5, 10, "posts/a.md", 80)).toBe("Importing 5/10 [##########----------] posts/a.md");
    const line = progressLine(1, 1000, `posts/${"x".repeat(200)}.md`, 60);
    expect(line.length).toBeLessThanOrEqual(59);
    expect(line).toMatch(/^Importing 1\/1000 \[-{20}\] …x+\.md$/);
  });
});
