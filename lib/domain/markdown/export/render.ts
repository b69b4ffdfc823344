import type { PostmortemDocument } from "@/lib/schemas/postmortem";
import { postDay } from "./dates";
import { renderFrontMatter } from "./front-matter";
import { resolveExportOptions, type ExportOptions } from "./options";
import { toPublicDocument } from "./public-variant";
import { renderTitleBlock } from "./sections";
import { TEMPLATES } from "./templates";

/** A postmortem as a Markdown blog post (layout: docs/markdown-layout.md). */
export function renderMarkdown(doc: PostmortemDocument, options: Partial<ExportOptions> = {}): string {
  const resolved = resolveExportOptions(options);
  const shown = toPublicDocument(doc, resolved);
  const titleBlock = resolved.frontMatter === "none" ? renderTitleBlock(shown) : [];
  const body = [...titleBlock, ...TEMPLATES[resolved.template](shown, resolved)].filter((block) => block !== "").join("\n\n");
  const frontMatter = renderFrontMatter(shown, resolved.frontMatter, body, hindsightUrl(doc, resolved), resolved.isPublic);
  return [frontMatter, body].filter(Boolean).join("\n\n") + "\n";
}

/**
 * The exported file's name: an imported post's own file name (so that it goes
 * back where it came from, under the URL it had), else "YYYY-MM-DD-slug.md"
 * (the public variant's slug and file name have the replacements applied).
 */
export function exportFileName(doc: PostmortemDocument, options: Partial<ExportOptions> = {}): string {
  const shown = toPublicDocument(doc, resolveExportOptions(options));
  return (shown.source?.fileName && sourceFileName(shown.source.fileName)) || `${postDay(shown)}-${shown.slug}.md`;
}

/**
 * The Markdown file name an imported file goes back to: its last path part,
 * a Markdown one as it was, any other (`.txt`, `.html`, `.docx`) as `.md`;
 * a Hugo page bundle's `index.md` is named for its folder. Null when nothing
 * usable is left.
 */
export function sourceFileName(fileName: string): string | null {
  const parts = fileName.split(/[\\/]/).filter((part) => part !== "" && part !== "." && part !== "..");
  let base = parts.pop() ?? "";
  if (/^_?index\.(md|markdown)$/i.test(base) && parts.length) base = `${parts.pop()}.md`;
  // Nothing a file system or a zip reader would take for a path or a device.
  base = base.replace(/[\u0000-\u001f\u007f<>:"|?*]/g, "").trim();
  if (!base || /^\.+$/.test(base)) return null;
  return /\.(md|markdown|mdown|mkd)$/i.test(base) ? base : `${base.replace(/\.[^.]+$/, "")}.md`;
}

/** The postmortem's page in Hindsight, for internal exports only: the public post must not point into an internal tool. */
function hindsightUrl(doc: PostmortemDocument, options: ExportOptions): string | undefined {
  if (options.isPublic || !options.hindsightOrigin) return undefined;
  return new URL(`/postmortems/${encodeURIComponent(doc.slug)}`, options.hindsightOrigin).href;
}
