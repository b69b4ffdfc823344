/**
 * `npx hindsight check`, spawned for real and without a database: findings
 * with the lines of the file, --json in its documented shape, exit codes a
 * blog's CI can rely on, and bad files reported while the others are checked.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { runHindsight, type CliRun as Run } from "./testing/run-hindsight";

const root = path.resolve(__dirname, "..");
const dir = mkdtempSync(path.join(os.tmpdir(), "hindsight-cli-check-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// An unusable database setting: check must never touch one.
function hindsight(args: string[], input?: string): Promise<Run> {
  return runHindsight(args, { input, env: { DATABASE_URL: "postgres://nowhere/none", FORCE_COLOR: "1" } });
}

function scratch(name: string, content: string | Buffer): string {
  const file = path.join(dir, name);
  writeFileSync(file, content);
  return file;
}

const reportSchema = z.array(
  z.strictObject({
    file: z.string(),
    error: z.string().optional(),
    findings: z.array(
      z.strictObject({
        kind: z.enum(["language", "completeness"]),
        rule: z.string().min(1),
        message: z.string().min(1),
        suggestion: z.string().min(1),
        excerpt: z.string().min(1).nullable(),
        line: z.number().int().positive().nullable(),
        omitted: z.number().int().positive().optional(),
      }),
    ),
  }),
);

const BLAMING = `---
title: "Checkout errors after a config push"
---

## Summary

Checkout failed for 40 minutes.

## Timeline (UTC)

- 2024-02-10 14:02 The config change reached production
- 14:05 Alerts fired for checkout errors
- 14:42 The change was rolled back

## What went wrong

Dave deployed the broken config without a review.

Nobody paged the database team, and we forgot the runbook.
`;

const CLEAN = `# Cache stampede on the catalogue

The catalogue cache expired everywhere at once because every key had the same lifetime.

## Lessons learned

Spread expiry times with jitter.
`;

describe("npx hindsight check", () => {
  let files: Record<string, string>;
  let human: Run;
  let json: Run;
  let clean: Run;
  let usage: Run;
  let stdin: Run;
  beforeAll(async () => {
    mkdirSync(path.join(dir, "posts"));
    files = {
      blaming: scratch("2024-02-10-checkout.md", BLAMING),
      clean: scratch("clean.md", CLEAN),
      missing: path.join(dir, "missing.md"),
      empty: scratch("empty.md", "  \n\n"),
      folder: path.join(dir, "posts"),
      binary: scratch("logo.md", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x1a, 0x0a])),
      large: scratch("huge.md", "word ".repeat(1_100_000)),
    };
    const all = Object.values(files);
    [human, json, clean, usage, stdin] = await Promise.all([
      hindsight(["check", ...all]),
      hindsight(["check", "--json", ...all]),
      hindsight(["check", files.clean]),
      hindsight(["check"]),
      hindsight(["check", "-"], "# Renewal\n\nSarah forgot the renewal.\n"),
    ]);
  }, 90_000);

  it("passes a blameless post with exit 0, listing only completeness gaps", () => {
    expect(clean.stderr).toBe("");
    expect(clean.code).toBe(0);
    expect(clean.stdout).toContain(`${files.clean} — 0 language findings,`);
    expect(clean.stdout).toContain(`${files.clean}  impact-quantified  The impact is not quantified`);
    expect(clean.stdout).toMatch(/\nChecked 1 file: no language findings, \d+ completeness gaps\.\n$/);
  });

  it("prints blaming phrases with their lines in the file, language before completeness", () => {
    const lines = human.stdout.split("\n");
    const blaming = lines.filter((line) => line.startsWith(files.blaming));
    expect(blaming[0]).toBe(`${files.blaming} — 2 language findings, ${blaming.length - 3} completeness gaps`);
    expect(blaming[1]).toMatch(new RegExp(`^${files.blaming}:17  named-person  Naming a person .+ — .+  "Dave deployed the broken"$`));
    expect(blaming[2]).toMatch(new RegExp(`^${files.blaming}:19  forgot  .+ — .+  "forgot"$`));
    expect(blaming.slice(3).every((line) => line.startsWith(`${files.blaming}  `))).toBe(true);
  });

  it("reports each bad file in its place, checks the others, and exits 1", () => {
    expect(human.code).toBe(1);
    expect(human.stdout).toContain(`${files.missing} — could not be checked: Cannot read ${files.missing}: no such file\n`);
    expect(human.stdout).toContain(`${files.empty} — could not be checked: ${files.empty} is empty.\n`);
    expect(human.stdout).toContain(`${files.folder} — could not be checked: Cannot read ${files.folder}: it is a folder\n`);
    expect(human.stdout).toContain(`${files.binary} — could not be checked: logo.md is a PNG image: it cannot be imported. Hindsight reads Markdown (.md), plain text (.txt), HTML`);
    expect(human.stdout).toContain(`${files.large} — could not be checked: ${files.large} is larger than 5 MB.\n`);
    expect(human.stdout).toMatch(/\nChecked 2 files: 2 language findings in 1 file, \d+ completeness gaps; 5 files could not be read\.\n$/);
  });

  it("never colours output that is not a terminal", () => {
    expect(human.stdout).not.toContain("\u001b[");
  });

  it("prints --json as [{ file, findings }] with the same findings and lines", () => {
    expect(json.code).toBe(1);
    const report = reportSchema.parse(JSON.parse(json.stdout));
    expect(report.map((entry) => entry.file)).toEqual(Object.values(files));
    const [blaming, cleanEntry, missing] = report;
    expect(blaming.error).toBeUndefined();
    expect(blaming.findings.filter((finding) => finding.kind === "language")).toEqual([
      expect.objectContaining({ rule: "named-person", excerpt: "Dave deployed the broken", line: 17 }),
      expect.objectContaining({ rule: "forgot", excerpt: "forgot", line: 19 }),
    ]);
    expect(blaming.findings.find((finding) => finding.kind === "completeness")).toMatchObject({ line: null, excerpt: null });
    expect(cleanEntry.findings.every((finding) => finding.kind === "completeness")).toBe(true);
    expect(missing).toEqual({ file: files.missing, error: `Cannot read ${files.missing}: no such file`, findings: [] });
    // Machines read stdout; people still see what could not be read.
    expect(json.stderr).toContain(`hindsight: Cannot read ${files.missing}: no such file\n`);
  });

  it('reads stdin for "-"', () => {
    expect(stdin.code).toBe(1);
    expect(stdin.stdout).toContain('<stdin>:3  named-person  ');
  });

  it("asks for at least one file (exit 2)", () => {
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain("hindsight: check needs one or more FILE arguments");
  });
});

const examples = path.resolve(root, "..", "shared", "examples");

describe.runIf(existsSync(examples))("npx hindsight check on ../shared/examples", () => {
  it("checks every example without crashing and prints valid JSON", async () => {
    const names = readdirSync(examples).filter((name) => !name.startsWith("."));
    const run = await hindsight(["check", "--json", ...names.map((name) => path.join(examples, name))]);
    expect(run.stderr).toBe("");
    expect([0, 1]).toContain(run.code);
    const report = reportSchema.parse(JSON.parse(run.stdout));
    expect(report).toHaveLength(names.length);
    for (const entry of report) expect(entry.error, entry.file).toBeUndefined();
  }, 60_000);
});

if (!existsSync(examples)) console.log(`Skipped checking the examples: ${examples} is absent.`);
