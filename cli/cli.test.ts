/**
 * The `hindsight` command as people run it: `node cli/hindsight.mjs …` in its
 * own process, on a database file it has never seen (it migrates it itself).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runHindsight, type CliRun as Run } from "./testing/run-hindsight";

const root = path.resolve(__dirname, "..");
const fixturePath = path.join(root, "e2e", "fixtures", "full-postmortem.json");
const fixture = JSON.parse(readFileSync(fixturePath, "utf8")) as Record<string, unknown>;

const dir = mkdtempSync(path.join(os.tmpdir(), "hindsight-cli-"));
const databaseUrl = `file:${path.join(dir, "cli.db")}`;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function hindsight(...args: string[]): Promise<Run> {
  return hindsightWith({}, ...args);
}

/** The command with other settings (another database, another working folder). */
function hindsightWith(options: { env?: Record<string, string>; cwd?: string }, ...args: string[]): Promise<Run> {
  return runHindsight(args, { cwd: options.cwd, env: { DATABASE_URL: databaseUrl, ...options.env } });
}

function writeScratch(name: string, text: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}

describe("npx hindsight", () => {
  let created: Run;
  // Everything after the first create only reads (or is refused), so it runs side by side.
  let runs: Record<string, Run>;

  beforeAll(async () => {
    created = await hindsight("create", "e2e/fixtures/full-postmortem.json", "--author", "Amara Okafor");
    const invalid = writeScratch(
      "invalid.json",
      JSON.stringify({ title: "", severity: "SEV9", timeline: [{ at: "13:55 PM", text: "x" }], foo: 1 }),
    );
    const malformed = writeScratch("malformed.json", '{ "title": "Login outage", }');
    const entries = await Promise.all(
      Object.entries({
        get: ["get", "checkout-cache-stampede"],
        list: ["list"],
        duplicate: ["create", fixturePath],
        missing: ["create", path.join(dir, "does-not-exist.json")],
        malformed: ["create", malformed],
        invalid: ["create", invalid],
        unknownCommand: ["frobnicate"],
        foreignFlag: ["get", "some-slug", "--format", "hugo"],
        unknownSlug: ["get", "unknown-slug"],
      }).map(async ([name, args]) => [name, await hindsight(...args)] as const),
    );
    runs = Object.fromEntries(entries);
  }, 90_000);

  it("creates a postmortem from a file, migrating a new database first", () => {
    expect(created.stderr).toMatch(/Preparing the database \(\d+ migration\(s\)\)/);
    expect(created.stdout).toBe(
      'Created "Checkout slowed to a crawl after a cache TTL change" as checkout-cache-stampede (version 1).\n',
    );
    expect(created.code).toBe(0);
  });

  it("gets it back with every field unchanged", () => {
    const { get } = runs;
    expect(get.stderr).toBe("");
    expect(get.code).toBe(0);
    const { version, createdAt, updatedAt, ...content } = JSON.parse(get.stdout);
    expect(version).toBe(1);
    expect(new Date(createdAt).toISOString()).toBe(createdAt);
    expect(updatedAt).toBe(createdAt);
    expect(content).toEqual(fixture);
  });

  it("lists it", () => {
    const { list } = runs;
    expect(list.code).toBe(0);
    const lines = list.stdout.split("\n");
    expect(lines[0]).toMatch(/^SEV\s+STATUS\s+DATE\s+SLUG\s+TITLE$/);
    expect(lines[1]).toMatch(/^SEV2\s+in_review\s+2024-03-13\s+checkout-cache-stampede\s+Checkout slowed to a crawl after a cache TTL change$/);
    expect(list.stdout).toContain("Page 1 of 1 · 1 postmortem\n");
  });

  it("refuses to create the same slug twice", () => {
    const { duplicate } = runs;
    expect(duplicate.code).toBe(1);
    expect(duplicate.stderr).toContain('hindsight: A postmortem with the slug "checkout-cache-stampede" already exists.');
    expect(duplicate.stderr).toContain("  slug: Already in use");
  });

  it("says when the file does not exist", () => {
    const { missing } = runs;
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^hindsight: Cannot read .*does-not-exist\.json: no such file\n$/);
  });

  it("names the JSON problem in a malformed file", () => {
    const { malformed } = runs;
    expect(malformed.code).toBe(1);
    expect(malformed.stderr).toMatch(/malformed\.json is not valid JSON: .+/);
    let parserMessage = "";
    try {
      JSON.parse('{ "title": "Login outage", }');
    } catch (error) {
      parserMessage = (error as Error).message;
    }
    expect(malformed.stderr).toContain(parserMessage);
  });

  it("lists the path of every invalid field", () => {
    const { invalid } = runs;
    expect(invalid.code).toBe(1);
    const lines = invalid.stderr.trimEnd().split("\n");
    expect(lines[0]).toBe("hindsight: The file has 4 invalid fields.");
    expect(lines.slice(1).map((line) => line.split(":")[0]).sort()).toEqual(
      ["  foo", "  severity", "  timeline.0.at", "  title"].sort(),
    );
    expect(invalid.stderr).toContain("  severity: Must be one of: SEV1, SEV2, SEV3, SEV4");
  });

  it("answers an unknown command with usage and exit code 2", () => {
    const { unknownCommand } = runs;
    expect(unknownCommand.code).toBe(2);
    expect(unknownCommand.stderr).toContain('hindsight: unknown command "frobnicate"');
    expect(unknownCommand.stderr).toContain("Usage: npx hindsight <command> [options]");
    expect(unknownCommand.stdout).toBe("");
  });

  it("refuses a flag the command does not take, naming both, with exit code 2", () => {
    const { foreignFlag } = runs;
    expect(foreignFlag.code).toBe(2);
    expect(foreignFlag.stderr).toContain("hindsight: get does not take --format");
    expect(foreignFlag.stdout).toBe("");
  });

  it("says when no postmortem has the slug", () => {
    const { unknownSlug } = runs;
    expect(unknownSlug.code).toBe(1);
    expect(unknownSlug.stderr).toBe('hindsight: No postmortem has the slug "unknown-slug".\n');
    expect(unknownSlug.stdout).toBe("");
  });
});

describe("npx hindsight render / export", () => {
  const exportDb = `file:${path.join(dir, "export.db")}`;
  const posts = path.join(dir, "blog", "_posts");
  const published = () =>
    writeScratch("published.json", JSON.stringify({ ...fixture, slug: "published-one", status: "published" }));
  let runs: Record<string, Run>;
  let reruns: Record<string, Run>;

  beforeAll(async () => {
    const withDb = { env: { DATABASE_URL: exportDb } };
    const noDatabase = { env: { DATABASE_URL: "postgres://not-a-database-the-command-may-touch" }, cwd: os.tmpdir() };
    // One after the other: the first one migrates the new database.
    const ready = hindsightWith(withDb, "create", fixturePath).then(() => hindsightWith(withDb, "create", published()));
    runs = Object.fromEntries(
      await Promise.all(
        Object.entries({
          render: hindsightWith(noDatabase, "render", fixturePath, "--format", "none", "--template", "sre", "--timeline", "table"),
          badOption: hindsightWith(noDatabase, "render", fixturePath, "--format", "word", "--template", "long"),
          allWithoutOut: hindsightWith(withDb, "export", "--all"),
          exported: ready.then(() => hindsightWith(withDb, "export", "--all", "--out", posts, "--public", "--replace", "cache=store")),
        }).map(async ([name, run]) => [name, await run] as const),
      ),
    );
    reruns = Object.fromEntries(
      await Promise.all(
        Object.entries({
          same: hindsightWith(withDb, "export", "--all", "--out", posts, "--public", "--replace", "cache=store"),
          single: hindsightWith(withDb, "export", "checkout-cache-stampede"),
          unknownSlug: hindsightWith(withDb, "export", "no-such-postmortem"),
        }).map(async ([name, run]) => [name, await run] as const),
      ),
    );
  }, 90_000);

  it("renders a JSON file as Markdown without a database, from any folder", () => {
    const { render } = runs;
    expect(render.stderr).toBe("");
    expect(render.code).toBe(0);
    expect(render.stdout.startsWith("# Checkout slowed to a crawl after a cache TTL change\n\n- **Date:** 2024-03-13\n")).toBe(true);
    expect(render.stdout).toContain("## Summary\n");
    expect(render.stdout).toContain("| Time | Kind | Event |\n|---|---|---|\n| Wed, 13 Mar 2024 23:40 | Trigger |");
  });

  it("answers bad option values and a missing --out with the usage and exit code 2", () => {
    const { badOption, allWithoutOut } = runs;
    expect(badOption.code).toBe(2);
    expect(badOption.stderr).toContain("hindsight: --format: Must be one of: jekyll, hugo, none; --template: Must be one of: blog, sre, short\n");
    expect(badOption.stdout).toBe("");
    expect(allWithoutOut.code).toBe(2);
    expect(allWithoutOut.stderr).toContain("hindsight: export --all needs --out DIR");
  });

  it("writes one file per published postmortem into a new folder, public and with the replacements", () => {
    const { exported } = runs;
    expect(exported.code).toBe(0);
    const name = "2024-03-13-published-one.md";
    expect(exported.stdout).toBe(`new       ${path.join(posts, name)}\n1 file: 1 new, 0 updated, 0 unchanged.\n`);
    expect(readdirSync(posts)).toEqual([name]);
    const markdown = readFileSync(path.join(posts, name), "utf8");
    expect(markdown.startsWith("---\nlayout: post\ntitle: Checkout slowed to a crawl after a store TTL change\n")).toBe(true);
    expect(markdown).not.toMatch(/owner:|Jonas Weber|tracker\.example\.com|Internal notes|cache/);
  });

  it("updates the same files in place when run again", () => {
    const { same } = reruns;
    expect(same.code).toBe(0);
    expect(same.stdout).toBe(`unchanged ${path.join(posts, "2024-03-13-published-one.md")}\n1 file: 0 new, 0 updated, 1 unchanged.\n`);
    expect(readdirSync(posts)).toEqual(["2024-03-13-published-one.md"]);
  });

  it("prints one postmortem by slug, whatever its status, and says when the slug is unknown", () => {
    const { single, unknownSlug } = reruns;
    expect(single.code).toBe(0);
    expect(single.stdout.startsWith("---\nlayout: post\ntitle: Checkout slowed to a crawl after a cache TTL change\n")).toBe(true);
    expect(single.stdout).toContain("owner: Jonas Weber");
    expect(unknownSlug.code).toBe(1);
    expect(unknownSlug.stderr).toBe('hindsight: No postmortem has the slug "no-such-postmortem".\n');
  });
});
