/** `npx hindsight seed --synthetic N` and `npx hindsight search`, run as people run them, on a database of their own. */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runHindsight, type CliRun as Run } from "./testing/run-hindsight";

const dir = mkdtempSync(path.join(os.tmpdir(), "hindsight-search-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function hindsight(...args: string[]): Promise<Run> {
  return runHindsight(args, { env: { DATABASE_URL: `file:${path.join(dir, "cli.db")}` } });
}

describe("npx hindsight seed and search", () => {
  let seeded: Run;
  beforeAll(async () => {
    // More than one batch, so that the worker thread builds them.
    seeded = await hindsight("seed", "--synthetic", "700");
  }, 120_000);

  it("seeds synthetic postmortems with progress", () => {
    expect(seeded.code, seeded.stderr).toBe(0);
    expect(seeded.stdout).toMatch(/^Added 700 synthetic postmortems in [\d.]+ s\.\n$/);
    expect(seeded.stderr).toContain("Seeding 700 of 700 (100 %");
  });

  it("searches with highlights, facet counts and filters", async () => {
    const run = await hindsight("search", "token parser", "--severity", "SEV1,SEV2", "--per-page", "2");
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^\d+ postmortems? match "token parser" \([\d.]+ ms\)/);
    expect(run.stdout).toContain("[token parser]");
    expect(run.stdout).toMatch(/severity: SEV1 \d+ · SEV2 \d+/);
    expect(run.stdout).toMatch(/Page 1 of \d+/);
    const lines = run.stdout.split("\n").filter((line) => /^SEV\d/.test(line));
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(line).toMatch(/^SEV[12] /);
  });

  it("prints JSON with --json, and answers odd queries calmly", async () => {
    const json = await hindsight("search", '"unclosed AND (', "--json", "--sort", "sideways");
    expect(json.code, json.stderr).toBe(0);
    const body = JSON.parse(json.stdout);
    expect(body.request.sort).toBe("relevance");
    expect(body.total).toBeGreaterThanOrEqual(0);
    expect(body.facets).toHaveProperty("severity");
  });

  it("refuses a seed without a count", async () => {
    const run = await hindsight("seed", "--synthetic", "many");
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("seed needs --synthetic N");
  });
});
