/**
 * Every `hindsight` command in a pipeline (`… --json | jq`): the whole output
 * arrives, even when the reader is slow and the command fails, and the exit
 * code is the command's. A pipe takes only 64 KB at once; what is left waits
 * in the process, so a command that exits without waiting loses it (issue 16,
 * item 10: `check --json` on 60 files cut at 64 KB with exit code 1).
 *
 * Commands whose output can pass 1 MB are made to (check, parse, render, get,
 * export, import); the others are bounded (a page of at most 100 rows, one
 * line of result) and are run through the same slow pipe for their exit code.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runHindsight, type CliRun as Run, type RunOptions } from "./testing/run-hindsight";

const MB = 1024 * 1024;
const dir = mkdtempSync(path.join(os.tmpdir(), "hindsight-cli-pipe-"));
const databaseUrl = `file:${path.join(dir, "pipe.db")}`;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function hindsight(args: string[], options: RunOptions = {}): Promise<Run> {
  return runHindsight(args, { readSlowly: true, ...options, env: { DATABASE_URL: databaseUrl, ...options.env } });
}

function scratch(name: string, content: string): string {
  const file = path.join(dir, name);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, content);
  return file;
}

/** A post with blaming language in several rules: about 5 KB of `check --json` findings. */
function blamingPost(n: number): string {
  return `# Outage ${n}: the database fell over

## Summary
Bob forgot to check the config and caused the outage. He should have known better.
Someone was careless and failed to run the tests. The on-call engineer ignored the alert.

## Timeline
- 2024-03-01 10:00 - Deploy started
- 2024-03-01 10:05 - Errors rose
- 2024-03-01 10:30 - Rolled back

## Actions
- Add a check
`;
}

/** Prose of about `size` characters in paragraphs, with a marker at its end to find it whole in the output. */
function prose(size: number, marker: string): string {
  const paragraph = "The cache cluster answered slowly while the nightly job rebuilt the index, and the retries piled up. ";
  const paragraphs = Array.from({ length: Math.ceil(size / (paragraph.length * 4)) }, () => paragraph.repeat(4).trim());
  return `${paragraphs.join("\n\n")}\n\n${marker}`;
}

const fixture = JSON.parse(readFileSync(path.join(__dirname, "..", "e2e", "fixtures", "full-postmortem.json"), "utf8")) as Record<string, unknown>;
const SECTIONS = 8; // 8 × 150,000 characters: 1.2 MB, each under the 200,000 a text field may hold.
const bigDocument = {
  ...fixture,
  slug: "big-piped-postmortem",
  sections: Array.from({ length: SECTIONS }, (_, i) => ({ title: `Notes ${i + 1}`, body: prose(150_000, `End of notes ${i + 1}.`), internal: false })),
};
const bigPost = `# A long postmortem read through a pipe\n\n${Array.from({ length: SECTIONS }, (_, i) => `## Notes ${i + 1}\n\n${prose(150_000, `End of notes ${i + 1}.`)}`).join("\n\n")}\n`;

const CHECKED_FILES = 280;
const IMPORTED_FILES = 300;

describe("npx hindsight … | a slow reader", () => {
  const runs: Record<string, Run> = {};

  beforeAll(async () => {
    const checked = Array.from({ length: CHECKED_FILES }, (_, i) => scratch(`check/post-${i + 1}.md`, blamingPost(i + 1)));
    const bigJson = scratch("big.json", JSON.stringify(bigDocument));
    const bigMd = scratch("big.md", bigPost);
    // A folder as deep as a path may be (15 folders of 250 characters): import prints each file's path, so 300 files
    // write over 1 MB. The empty file fails.
    const deep = path.join(dir, "archive", ...Array.from({ length: 15 }, (_, i) => `${String(i).padStart(2, "0")}-${"d".repeat(247)}`));
    for (let i = 1; i <= IMPORTED_FILES; i++) {
      scratch(path.relative(dir, path.join(deep, `post-${i}.md`)), `# Imported post ${i}\n\n## Summary\n\nPost ${i} of the archive.\n`);
    }
    scratch(path.relative(dir, path.join(deep, "empty.md")), "");

    const noDatabase = { env: { DATABASE_URL: "postgres://not-a-database-the-command-may-touch" } };
    const sideBySide = async (commands: Record<string, [string[], RunOptions?]>) =>
      Object.fromEntries(await Promise.all(Object.entries(commands).map(async ([name, [args, options]]) => [name, await hindsight(args, options)] as const)));
    const withoutDatabase = sideBySide({
      checkJson: [["check", "--json", ...checked], noDatabase],
      checkText: [["check", ...checked], noDatabase],
      checkIntoHead: [["check", "--json", ...checked], { ...noDatabase, closeStdoutAfter: 1 }],
      parse: [["parse", bigMd], noDatabase],
      render: [["render", bigJson], noDatabase],
      usage: [[], noDatabase],
    });
    // The commands that write, one after the other (the first migrates the new database), then the rest side by side.
    const withDatabase = (async () => {
      const writes: Record<string, string[]> = {
        create: ["create", bigJson],
        import: ["import", path.join(dir, "archive")],
        seed: ["seed", "--synthetic", "100"],
        userAdd: ["user", "add", "pipe@example.com", "--name", "Pipe Reader", "--role", "editor"],
        tokenCreate: ["token", "create", "pipe@example.com", "--name", "ci"],
      };
      const written: Record<string, Run> = {};
      for (const [name, args] of Object.entries(writes)) written[name] = await hindsight(args);
      const others = await sideBySide({
        get: [["get", "big-piped-postmortem"]],
        export: [["export", "big-piped-postmortem"]],
        duplicate: [["create", bigJson]],
        list: [["list", "--json", "--per-page", "100"]],
        search: [["search", "--json", "--per-page", "100"]],
        reindex: [["reindex"]],
        backup: [["backup", path.join(dir, "backup.db")]],
        restoreNotABackup: [["restore", bigJson]],
        userList: [["user", "list", "--json"]],
        tokenList: [["token", "list", "--json"]],
        unknownPerson: [["user", "set-role", "nobody@example.com", "viewer"]],
      });
      return { ...written, ...others };
    })();
    Object.assign(runs, ...(await Promise.all([withoutDatabase, withDatabase])));
  }, 420_000);

  it("check --json: over 1 MB of JSON that parses, every file in it, exit code 1", () => {
    const { checkJson } = runs;
    expect(checkJson.stdout.length).toBeGreaterThan(MB);
    const report = JSON.parse(checkJson.stdout) as { file: string; findings: { kind: string }[] }[];
    expect(report).toHaveLength(CHECKED_FILES);
    expect(report.every((entry) => entry.findings.some((finding) => finding.kind === "language"))).toBe(true);
    expect(checkJson.code).toBe(1);
  });

  it("check: the whole human report down to its total line, exit code 1", () => {
    const { checkText } = runs;
    expect(checkText.stdout.length).toBeGreaterThan(MB);
    expect(checkText.stdout).toMatch(new RegExp(`\nChecked ${CHECKED_FILES} files: \\d+ language findings in ${CHECKED_FILES} files, \\d+ completeness gaps?\\.\n$`));
    expect(checkText.stdout.match(/^\S+post-\d+\.md — /gm)).toHaveLength(CHECKED_FILES);
    expect(checkText.code).toBe(1);
  });

  it("a reader that stops early (| head) ends the command quietly, with its own exit code", () => {
    const { checkIntoHead } = runs;
    expect(checkIntoHead.stderr).toBe("");
    expect(checkIntoHead.code).toBe(1);
  });

  it("parse and render: over 1 MB, whole", () => {
    const { parse, render } = runs;
    expect(parse.stdout.length).toBeGreaterThan(MB);
    const parsed = JSON.parse(parse.stdout) as { document: { sections: { body: string }[] } };
    expect(parsed.document.sections.map((section) => section.body).join("\n")).toContain(`End of notes ${SECTIONS}.`);
    expect(parse.code).toBe(0);
    expect(render.stdout.length).toBeGreaterThan(MB);
    expect(render.stdout).toContain(`End of notes ${SECTIONS}.\n`);
    expect(render.code).toBe(0);
  });

  it("no command: the usage on stdout, exit code 2", () => {
    const { usage } = runs;
    expect(usage.stdout).toMatch(/^Usage: npx hindsight <command> \[options\]\n[\s\S]*The exchange JSON format is described in docs\/format\.md\.\n$/);
    expect(usage.code).toBe(2);
  });

  it("create, get and export: a postmortem of over 1 MB comes back whole", () => {
    const { create, get, export: exported, duplicate } = runs;
    expect(create.code).toBe(0);
    expect(get.stdout.length).toBeGreaterThan(MB);
    const document = JSON.parse(get.stdout) as { sections: { body: string }[] };
    expect(document.sections.map((section) => section.body)).toEqual(bigDocument.sections.map((section) => section.body));
    expect(get.code).toBe(0);
    expect(exported.stdout.length).toBeGreaterThan(MB);
    expect(exported.stdout).toContain(`End of notes ${SECTIONS}.`);
    expect(exported.code).toBe(0);
    expect(duplicate.stderr).toContain("already exists");
    expect(duplicate.code).toBe(1);
  });

  it("import: over 1 MB of progress lines, one per file, and exit code 1 for the file that fails", () => {
    const { import: imported } = runs;
    expect(imported.stdout.length).toBeGreaterThan(MB);
    const lines = imported.stdout.trimEnd().split("\n");
    expect(lines.filter((line) => /^\[\d+\/\d+\] .*post-\d+\.md → /.test(line))).toHaveLength(IMPORTED_FILES);
    expect(lines.at(-1)).toMatch(new RegExp(`^Imported ${IMPORTED_FILES} of ${IMPORTED_FILES + 1} files\\b`));
    expect(imported.stderr).toContain("empty.md");
    expect(imported.code).toBe(1);
  });

  it("the bounded commands: seed, list, search, reindex, backup, restore, user, token, each whole with its exit code", () => {
    const { seed, list, search, reindex, backup, restoreNotABackup, userAdd, tokenCreate, userList, tokenList, unknownPerson } = runs;
    expect(seed.stdout).toMatch(/^Added 100 synthetic postmortems in [\d.]+ s\.\n$/);
    expect(seed.code).toBe(0);
    // Archived postmortems are left out of the list: a whole page holds min(100, total) rows.
    const page = JSON.parse(list.stdout) as { items: unknown[]; total: number };
    expect(page.items).toHaveLength(Math.min(100, page.total));
    expect(list.code).toBe(0);
    const found = JSON.parse(search.stdout) as { results: unknown[]; total: number };
    expect(found.results).toHaveLength(Math.min(100, found.total));
    expect(search.code).toBe(0);
    expect(reindex.stdout).toMatch(/^Indexed [\d,]+ postmortems in [\d.]+ s\.\n$/);
    expect(reindex.code).toBe(0);
    expect(backup.stdout).toMatch(/^Backed up \d+ postmortems to .*backup\.db \([\d.]+ [KM]B\)\.\n$/);
    expect(backup.code).toBe(0);
    expect(restoreNotABackup.stdout).toBe("");
    expect(restoreNotABackup.stderr).toMatch(/^hindsight: /);
    expect(restoreNotABackup.code).toBe(1);
    expect(userAdd.stdout).toMatch(/\/invite\/\S+\n$/);
    expect(userAdd.code).toBe(0);
    expect(tokenCreate.stdout).toMatch(/\nhsp_\S+\n$/);
    expect(tokenCreate.code).toBe(0);
    expect(JSON.parse(userList.stdout)).toHaveLength(1);
    expect(userList.code).toBe(0);
    expect(JSON.parse(tokenList.stdout)).toHaveLength(1);
    expect(tokenList.code).toBe(0);
    expect(unknownPerson.stderr).toMatch(/^hindsight: .*nobody@example\.com/);
    expect(unknownPerson.code).toBe(1);
  });
});
