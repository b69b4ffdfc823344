/** Many postmortems at once: one Markdown file each, for a blog's posts folder or a zip. */
import { Zip, ZipDeflate, strToU8 } from "fflate";
import type { PostmortemDocument } from "@/lib/schemas/postmortem";
import type { ExportOptions } from "./options";
import { exportFileName, renderMarkdown } from "./render";

export type ExportFile = { name: string; markdown: string };

/**
 * Names export files one postmortem at a time, `YYYY-MM-DD-slug.md` or an
 * imported post's own name. Slugs are unique, but imported file names and
 * public replacements can make two alike: the later one gets
 * `-2`, `-3`… The namer remembers the names it gave (a few bytes each).
 */
export function exportFileNamer(options: Partial<ExportOptions> = {}): (doc: PostmortemDocument) => string {
  const taken = new Set<string>();
  return (doc) => {
    const [, base, extension] = exportFileName(doc, options).match(/^(.*?)(\.[^.]*)?$/)!;
    let name = `${base}${extension ?? ""}`;
    // Compared without case: two names that differ only by it are one file on macOS and Windows.
    for (let attempt = 2; taken.has(name.toLowerCase()); attempt++) name = `${base}-${attempt}${extension ?? ""}`;
    taken.add(name.toLowerCase());
    return name;
  };
}

/** One file per postmortem, named by exportFileNamer. */
export function renderExportFiles(docs: PostmortemDocument[], options: Partial<ExportOptions> = {}): ExportFile[] {
  const nameOf = exportFileNamer(options);
  return docs.map((doc) => ({ name: nameOf(doc), markdown: renderMarkdown(doc, options) }));
}

/** What the zip is made of, and how it comes out. */
export type ZipExportOptions = {
  /** The archive comes out in pieces of at least this many bytes (the last one may be smaller). */
  chunkBytes?: number;
};

/**
 * The zip of every postmortem in `pages` (one Markdown file each, UTF-8,
 * named by exportFileNamer), written entry by entry as the pieces are taken:
 * the next page is asked for only when the last one is written, so a reader
 * that stops taking pieces stops the reading too, and memory holds one page,
 * one entry and one piece whatever the number of postmortems (plus the
 * names, which the zip's closing directory lists). The generator's return
 * value is the number of files.
 */
export async function* zipExportPages(
  pages: AsyncIterable<PostmortemDocument[]>,
  options: Partial<ExportOptions> = {},
  { chunkBytes = 64 * 1024 }: ZipExportOptions = {},
): AsyncGenerator<Uint8Array, { files: number }> {
  const nameOf = exportFileNamer(options);
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  let failure: Error | null = null;
  // fflate calls back synchronously, within push() and end().
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else {
      pending.push(chunk);
      pendingBytes += chunk.length;
    }
  });
  const take = () => {
    const piece = concat(pending, pendingBytes);
    pending = [];
    pendingBytes = 0;
    return piece;
  };
  let files = 0;
  for await (const page of pages) {
    for (const doc of page) {
      const entry = new ZipDeflate(nameOf(doc), { level: 6 });
      zip.add(entry);
      entry.push(strToU8(renderMarkdown(doc, options)), true);
      files += 1;
      if (failure) throw failure;
      if (pendingBytes >= chunkBytes) yield take();
    }
  }
  zip.end();
  if (failure) throw failure;
  yield take();
  return { files };
}

/** The chunks as one array of their own (so that it can be handed to another thread). */
function concat(chunks: Uint8Array[], length: number): Uint8Array {
  const joined = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    joined.set(chunk, at);
    at += chunk.length;
  }
  return joined;
}
