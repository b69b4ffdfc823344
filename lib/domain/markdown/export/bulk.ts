/** Many postmortems at once: one Markdown file each, for a blog's posts folder or a zip. */
import { strToU8, zipSync } from "fflate";
import type { PostmortemDocument } from "@/lib/schemas/postmortem";
import type { ExportOptions } from "./options";
import { exportFileName, renderMarkdown } from "./render";

export type ExportFile = { name: string; markdown: string };

/**
 * One file per postmortem, named `YYYY-MM-DD-slug.md`. Slugs are unique, but
 * public replacements can make two alike: the later one gets `-2`, `-3`…
 */
export function renderExportFiles(docs: PostmortemDocument[], options: Partial<ExportOptions> = {}): ExportFile[] {
  const taken = new Set<string>();
  return docs.map((doc) => {
    const base = exportFileName(doc, options).replace(/\.md$/, "");
    let name = `${base}.md`;
    for (let attempt = 2; taken.has(name); attempt++) name = `${base}-${attempt}.md`;
    taken.add(name);
    return { name, markdown: renderMarkdown(doc, options) };
  });
}

/** The files as a zip archive (UTF-8 names and contents). */
export function zipExportFiles(files: ExportFile[]): Uint8Array {
  return zipSync(Object.fromEntries(files.map((file) => [file.name, strToU8(file.markdown)])));
}
