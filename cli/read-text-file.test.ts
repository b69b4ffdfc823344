import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/domain/errors";
import { buildDocx, SAVED_BLOG_PAGE, WORD_DOCX } from "@/lib/domain/markdown/import/formats/test-documents";
import { readTextFile } from "./read-text-file";

const dir = mkdtempSync(path.join(os.tmpdir(), "hindsight-read-"));
const file = (name: string, content: string | Uint8Array) => {
  writeFileSync(path.join(dir, name), content);
  return path.join(dir, name);
};

describe("readTextFile (hindsight parse, check)", () => {
  it("reads a Word document and a saved page as Markdown", async () => {
    expect(await readTextFile(file("login.docx", buildDocx(WORD_DOCX)))).toMatch(/^# Login failures during the identity provider migration\n/);
    expect(await readTextFile(file("post.html", SAVED_BLOG_PAGE))).toMatch(/^# Our DNS resolvers failed\n/);
  });

  it("refuses a PDF naming what is accepted, and keeps the empty-file message", async () => {
    const error = await readTextFile(file("report.pdf", "%PDF-1.7\n")).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("UNSUPPORTED_MEDIA_TYPE");
    expect((error as AppError).message).toMatch(/report\.pdf is a PDF: it cannot be imported\. Hindsight reads Markdown/);
    const empty = file("empty.md", " \n");
    await expect(readTextFile(empty)).rejects.toThrow(`${empty} is empty.`);
  });
});
