import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import type { PostmortemDocument } from "@/lib/schemas/postmortem";
import { exportFileNamer, renderExportFiles, renderMarkdown, zipExportPages } from "./index";
import { documentFrom } from "./test-document";

const first = documentFrom({ title: "db-prod-3 outage", incidentDate: "2024-05-01", status: "published" });
const second = documentFrom({ title: "The database outage", incidentDate: "2024-05-01", status: "published" });
const PUBLIC = { isPublic: true, replacements: [{ from: "db-prod-3", to: "the database" }] };

describe("renderExportFiles", () => {
  it("gives one file per postmortem, named by day and slug", () => {
    expect(renderExportFiles([first, second]).map((file) => file.name)).toEqual(["2024-05-01-db-prod-3-outage.md", "2024-05-01-the-database-outage.md"]);
  });

  it("keeps names unique when public replacements make two slugs alike", () => {
    const files = renderExportFiles([first, second], PUBLIC);
    expect(files.map((file) => file.name)).toEqual(["2024-05-01-the-database-outage.md", "2024-05-01-the-database-outage-2.md"]);
    expect(files[0].markdown).toBe(renderMarkdown(first, PUBLIC));
  });
});

describe("exportFileNamer", () => {
  it("names across calls as renderExportFiles does across the list", () => {
    const nameOf = exportFileNamer(PUBLIC);
    expect([nameOf(first), nameOf(second), nameOf(first)]).toEqual([
      "2024-05-01-the-database-outage.md",
      "2024-05-01-the-database-outage-2.md",
      "2024-05-01-the-database-outage-3.md",
    ]);
  });
});

/** `count` postmortems with distinct titles and some non-ASCII text. */
function library(count: number): PostmortemDocument[] {
  return Array.from({ length: count }, (_, i) =>
    documentFrom({ title: `Incident ${i} in Zürich`, summary: `Queue ${i} – stalled ✓ ${"x".repeat(i % 50)}`, incidentDate: "2024-05-01", status: "published" }),
  );
}

/** The documents in pages of `size`, counting the pages asked for. */
function paged(docs: PostmortemDocument[], size: number) {
  const counter = { pagesRead: 0, docsRead: 0 };
  async function* pages() {
    for (let at = 0; at < docs.length; at += size) {
      counter.pagesRead += 1;
      counter.docsRead += Math.min(size, docs.length - at);
      yield docs.slice(at, at + size);
    }
  }
  return { pages: pages(), counter };
}

async function collect(pieces: AsyncGenerator<Uint8Array, { files: number }>) {
  const chunks: Uint8Array[] = [];
  for (;;) {
    const next = await pieces.next();
    if (next.done) return { chunks, files: next.value.files };
    chunks.push(next.value);
  }
}

const joined = (chunks: Uint8Array[]) => new Uint8Array(Buffer.concat(chunks));

describe("zipExportPages", () => {
  it("zips N documents from pages into N files with the Markdown renderMarkdown writes, named as the single export names them", async () => {
    const docs = library(250);
    const { pages } = paged(docs, 40);
    const { chunks, files } = await collect(zipExportPages(pages, { frontMatter: "hugo" }));
    expect(files).toBe(250);
    const unzipped = unzipSync(joined(chunks));
    expect(Object.keys(unzipped)).toHaveLength(250);
    expect(Object.keys(unzipped)[0]).toBe("2024-05-01-incident-0-in-zurich.md");
    for (const doc of docs) expect(strFromU8(unzipped[`2024-05-01-${doc.slug}.md`])).toBe(renderMarkdown(doc, { frontMatter: "hugo" }));
  });

  it("keeps names unique across pages", async () => {
    const { pages } = paged([first, second, first], 1);
    const { chunks } = await collect(zipExportPages(pages, PUBLIC));
    expect(Object.keys(unzipSync(joined(chunks)))).toEqual([
      "2024-05-01-the-database-outage.md",
      "2024-05-01-the-database-outage-2.md",
      "2024-05-01-the-database-outage-3.md",
    ]);
  });

  it("is a valid empty zip when there is nothing to export", async () => {
    const { chunks, files } = await collect(zipExportPages(paged([], 10).pages));
    expect(files).toBe(0);
    expect(chunks).toHaveLength(1);
    expect(unzipSync(chunks[0])).toEqual({});
  });

  it("reads a page only when the last one is written: the work per piece taken stays one page, whatever the library's size", async () => {
    const docs = library(1_000);
    const { pages, counter } = paged(docs, 50);
    // A piece after every entry: each piece taken shows how far the reading got.
    const pieces = zipExportPages(pages, {}, { chunkBytes: 1 });
    let entries = 0;
    const aheadOfWriting: number[] = [];
    for (;;) {
      const next = await pieces.next();
      if (next.done) break;
      if (entries < docs.length) entries += 1;
      aheadOfWriting.push(counter.docsRead - entries);
      expect(counter.pagesRead).toBe(Math.ceil(entries / 50));
    }
    expect(counter.pagesRead).toBe(20);
    // Never more than the rest of the page being written has been read.
    expect(Math.max(...aheadOfWriting)).toBe(49);
  });

  it("comes out in pieces of at least chunkBytes, the last one aside", async () => {
    const { chunks } = await collect(zipExportPages(paged(library(300), 100).pages, {}, { chunkBytes: 16 * 1024 }));
    expect(chunks.length).toBeGreaterThan(3);
    for (const chunk of chunks.slice(0, -1)) expect(chunk.length).toBeGreaterThanOrEqual(16 * 1024);
    // Each piece has a buffer of its own (it is handed to another thread).
    for (const chunk of chunks) expect(chunk.byteLength).toBe(chunk.buffer.byteLength);
  });

  it("stops with the reading's error, so that the caller can break the download", async () => {
    async function* failing() {
      yield library(3);
      throw new Error("database went away");
    }
    const pieces = zipExportPages(failing(), {}, { chunkBytes: 1 });
    await expect(collect(pieces)).rejects.toThrow("database went away");
  });
});
