/**
 * `npx hindsight parse` and `import`, spawned for real: parse needs no
 * database; import creates one postmortem per file and goes on past a bad one.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { strToU8, zipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runHindsight, type CliRun as Run } from "./testing/run-hindsight";

const dir = mkdtempSync(path.join(os.tmpdir(), "hindsight-cli-import-"));
const databaseFile = path.join(dir, "import.db");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function hindsight(args: string[], env: Record<string, string> = { DATABASE_URL: `file:${databaseFile}` }): Promise<Run> {
  return runHindsight(args, { env });
}

function scratch(name: string, text: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}

const WIKI = `# Search results empty after an index rebuild

Date: 2024-02-10

## Timeline (all times UTC)
- 02:00 Nightly rebuild job starts
- 13:55 PM Someone checks the job logs
- 02:52 Previous index restored
`;

describe("npx hindsight parse", () => {
  let parsed: Run;
  let noDatabase: Run;
  beforeAll(async () => {
    const file = scratch("2024-02-10-search.md", WIKI);
    [parsed, noDatabase] = await Promise.all([
      hindsight(["parse", file]),
      // An unusable database setting: parse must not touch it.
      hindsight(["parse", file], { DATABASE_URL: "postgres://nowhere/none" }),
    ]);
  }, 60_000);

  it("prints the document and the warnings as JSON", () => {
    expect(parsed.stderr).toBe("");
    expect(parsed.code).toBe(0);
    const { document, warnings } = JSON.parse(parsed.stdout);
    expect(document).toMatchObject({ title: "Search results empty after an index rebuild", timezone: "UTC", incidentDate: "2024-02-10" });
    expect(document.timeline.map((event: { at: string | null }) => event.at)).toEqual(["2024-02-10T02:00:00Z", null, "2024-02-10T02:52:00Z"]);
    expect(warnings).toEqual(['Line 7: "13:55 PM" is not a valid time: with AM/PM the hour is 1–12; kept as an untimed event']);
  });

  it("needs no database", () => {
    expect(noDatabase.code).toBe(0);
    expect(noDatabase.stdout).toBe(parsed.stdout);
    expect(existsSync(databaseFile)).toBe(false);
  });
});

describe("npx hindsight import", () => {
  let run: Run;
  let usage: Run;
  beforeAll(async () => {
    const wiki = scratch("wiki.md", WIKI);
    const plain = scratch("day.txt", "The Day the Cache Forgot\n\nEverything expired at once.\n\nLessons Learned\n\nAdd jitter.\n");
    [run, usage] = await Promise.all([
      hindsight(["import", wiki, path.join(dir, "missing.md"), plain, scratch("empty.md", " \n")]),
      hindsight(["import"]),
    ]);
  }, 90_000);

  it("creates one postmortem per readable file, with its slug and warning count", () => {
    expect(run.stdout).toContain(`[1/4] created ${path.join(dir, "wiki.md")} → search-results-empty-after-an-index-rebuild (3 events, 0 factors, 0 actions, 1 warning)\n`);
    expect(run.stdout).toMatch(new RegExp(`\\[3/4\\] created ${path.join(dir, "day.txt").replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} → the-day-the-cache-forgot \\(.*0 warnings\\)\n`));
    expect(run.stdout).toContain("Imported 2 of 4 files: 2 created, 0 updated, 0 unchanged, 2 failed (see above).\n");
  });

  it("names each bad file and its problem, and exits 1", () => {
    expect(run.stderr).toContain(`[2/4] ${path.join(dir, "missing.md")}: Cannot read ${path.join(dir, "missing.md")}: no such file\n`);
    expect(run.stderr).toContain(`[4/4] ${path.join(dir, "empty.md")}: empty.md is empty.\n`);
    expect(run.code).toBe(1);
  });

  it("saved what it read", async () => {
    const got = await hindsight(["get", "the-day-the-cache-forgot"]);
    expect(JSON.parse(got.stdout)).toMatchObject({ title: "The Day the Cache Forgot", summary: "Everything expired at once.", lessons: { wentWrong: "Add jitter." } });
  }, 60_000);

  it("asks for at least one file", () => {
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain("hindsight: import needs one or more PATH arguments");
  });
});

describe("npx hindsight import DIR and ARCHIVE.zip (issue 16, item 6)", () => {
  const archiveDb = { DATABASE_URL: `file:${path.join(dir, "archive.db")}` };
  const blog = path.join(dir, "blog");
  const zip = path.join(dir, "blog.zip");
  const DNS = "Resolvers failed after a config push\n\nOn February 12th, 2023 our resolvers failed.\n";
  let dry: Run;
  let first: Run;
  let again: Run;
  let fromZip: Run;
  beforeAll(async () => {
    mkdirSync(path.join(blog, "2024"), { recursive: true });
    writeFileSync(path.join(blog, "2024", "search.md"), WIKI);
    writeFileSync(path.join(blog, "dns.txt"), DNS);
    writeFileSync(path.join(blog, "bad.md"), new Uint8Array([0, 255, 254, 0]));
    writeFileSync(path.join(blog, "photo.jpg"), new Uint8Array([255, 216, 255]));
    writeFileSync(zip, zipSync({ "dns.txt": strToU8(DNS), "2025/other.md": strToU8(WIKI.replace("after an index rebuild", "after a schema change")) }));
    dry = await hindsight(["import", blog, "--dry-run"], archiveDb);
    first = await hindsight(["import", blog], archiveDb);
    [again, fromZip] = [await hindsight(["import", blog, "--json"], archiveDb), await hindsight(["import", zip], archiveDb)];
  }, 120_000);

  it("a dry run reads the folder recursively, says what it would do and changes nothing", () => {
    expect(dry.stdout).toContain(`[1/3] would create ${path.join(blog, "2024", "search.md")} → "Search results empty after an index rebuild" (3 events`);
    expect(dry.stderr).toMatch(/\[2\/3\] .*bad\.md: bad\.md /);
    expect(dry.stdout).toContain("Dry run, nothing changed: 3 files read: 2 would be created, 0 updated, 0 unchanged, 1 failed (see above). 1 other file skipped (1 not a format Hindsight reads (.jpg)).\n");
    expect(dry.code).toBe(1);
    // The real import afterwards still creates both: the dry run wrote nothing.
    expect(first.stdout).toContain("Imported 2 of 3 files: 2 created, 0 updated, 0 unchanged, 1 failed (see above).");
    expect(first.stdout).toContain("→ search-results-empty-after-an-index-rebuild (");
  });

  it("imported again, every file is unchanged; --json prints the report", () => {
    const report = JSON.parse(again.stdout);
    expect(report.totals).toEqual({ files: 3, new: 0, update: 0, unchanged: 2, failed: 1, skipped: 1 });
    expect(report.results.map((result: { name: string; status: string }) => `${result.name} ${result.status}`)).toEqual(["2024/search.md unchanged", "bad.md failed", "dns.txt unchanged"]);
    expect(again.code).toBe(1);
  });

  it("a zip's files are named by their path inside it: the same file is unchanged, a new one created", () => {
    expect(fromZip.stdout).toContain(`[1/2] unchanged ${zip}:dns.txt → resolvers-failed-after-a-config-push (0 warnings)`);
    expect(fromZip.stdout).toContain(`[2/2] created ${zip}:2025/other.md → search-results-empty-after-a-schema-change (`);
    expect(fromZip.code).toBe(0);
  });
});
