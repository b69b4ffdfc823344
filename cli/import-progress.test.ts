/**
 * `hindsight import`'s progress line (issue 16, item 6): drawn on stderr only
 * when it is a terminal, redrawn in place and cleared before each file's
 * line; never in a pipe or a log.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import { afterAll, describe, expect, it } from "vitest";
import { giveTestFileFreshDatabase } from "@/lib/server/testing/fresh-database";

giveTestFileFreshDatabase();
const { runImport } = await import("./import-commands");

const dir = mkdtempSync(path.join(os.tmpdir(), "hindsight-cli-progress-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
for (const name of ["a", "b", "c"]) writeFileSync(path.join(dir, `${name}.md`), `# Outage ${name} of the progress test\n\nIt broke.\n`);

function stream(isTTY: boolean) {
  let text = "";
  const sink = new Writable({ write: (chunk, _encoding, done) => ((text += String(chunk)), done()) });
  return Object.assign(sink, { isTTY, columns: 100, text: () => text });
}

describe("hindsight import's progress line", () => {
  it("on a terminal: files done of total, redrawn in place, cleared before each file's line and gone at the end", async () => {
    const out = stream(false);
    const err = stream(true);
    expect(await runImport({ values: { "dry-run": true }, positionals: [dir], out, err })).toBe(0);
    expect(err.text()).toContain("Importing 1/3 [");
    expect(err.text()).toContain("\r\u001b[KImporting 2/3 [");
    expect(err.text()).not.toContain("Importing 3/3");
    expect(err.text().endsWith("\r\u001b[K")).toBe(true);
    expect(out.text()).toContain("[3/3] would create");
  });

  it("in a pipe: no progress line at all", async () => {
    const err = stream(false);
    await runImport({ values: { "dry-run": true }, positionals: [dir], out: stream(false), err });
    expect(err.text()).toBe("");
  });
});
