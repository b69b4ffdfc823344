/**
 * The import thread (issue 16, item 7): a file is read there as it would be
 * here, a format we do not read is 415, and this event loop keeps turning
 * while a large file is read (compared with reading it here).
 */
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/domain/errors";
import { parseMarkdown } from "@/lib/domain/markdown/import";
import { readSourceFile } from "@/lib/domain/markdown/import/formats";
import { buildDocx, WORD_DOCX } from "@/lib/domain/markdown/import/formats/test-documents";
import { readImportOffThread } from "./read-import";

/** The longest pause of this event loop while `work` runs (a 5 ms timer notes each turn). */
async function longestPause(work: () => Promise<unknown>): Promise<{ pause: number; took: number }> {
  let last = performance.now();
  let pause = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    pause = Math.max(pause, now - last);
    last = now;
  }, 5);
  const started = performance.now();
  await work();
  const took = performance.now() - started;
  pause = Math.max(pause, performance.now() - last);
  clearInterval(timer);
  return { pause, took };
}

describe("readImportOffThread", () => {
  it("reads a Word document as the importer does here", async () => {
    const bytes = buildDocx(WORD_DOCX);
    const read = await readImportOffThread({ fileName: "login.docx", bytes });
    const here = parseMarkdown((await readSourceFile({ fileName: "login.docx", bytes })).text, { fileName: "login.docx" });
    expect(read.format).toBe("docx");
    expect(read.document.title).toBe(here.document.title);
    expect(read.document.timeline).toEqual(here.document.timeline);
  }, 60_000);

  it("refuses a PDF with 415, naming what is accepted", async () => {
    const error = await readImportOffThread({ fileName: "report.pdf", bytes: new TextEncoder().encode("%PDF-1.7\n") }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("UNSUPPORTED_MEDIA_TYPE");
    expect((error as AppError).message).toMatch(/report\.pdf is a PDF.*Word \(\.docx\)/);
  }, 60_000);

  it("keeps this event loop turning while a large file is read (read here, it stops)", async () => {
    const lines = Array.from({ length: 20_000 }, (_, index) => `- 10:${String(index % 60).padStart(2, "0")} - Step ${index} of the rollback finished on host ${index}.`);
    const bytes = new TextEncoder().encode(`# A long rollback\n\nDate: 2024-05-02\n\n## Timeline\n\n${lines.join("\n")}\n`);
    await readImportOffThread({ fileName: "warm.md", bytes: new TextEncoder().encode("# Warm\n\nThe thread starts.") });
    const here = await longestPause(async () => parseMarkdown((await readSourceFile({ fileName: "long.md", bytes })).text, { fileName: "long.md" }));
    const there = await longestPause(() => readImportOffThread({ fileName: "long.md", bytes }));
    // Read here, the loop is stopped for most of the read; on the thread it never waits more than a fraction of it.
    expect(here.pause).toBeGreaterThan(here.took / 2);
    expect(there.pause).toBeLessThan(Math.max(here.pause / 4, 50));
  }, 120_000);
});
