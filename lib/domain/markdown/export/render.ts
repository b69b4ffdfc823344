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
  const frontMatter = renderFrontMatter(shown, resolved.frontMatter, body, hindsightUrl(doc, resolved));
  return [frontMatter, body].filter(Boolean).join("\n\n") + "\n";
}

/** The exported file's name, "YYYY-MM-DD-slug.md" (the public variant's slug has the replacements applied). */
export function exportFileName(doc: PostmortemDocument, options: Partial<ExportOptions> = {}): string {
  const shown = toPublicDocument(doc, resolveExportOptions(options));
  return `${postDay(shown)}-${shown.slug}.md`;
}

/** The postmortem's page in Hindsight, for internal exports only: the public post must not point into an internal tool. */
function hindsightUrl(doc: PostmortemDocument, options: ExportOptions): string | undefined {
  if (options.isPublic || !options.hindsightOrigin) return undefined;
  return new URL(`/postmortems/${encodeURIComponent(doc.slug)}`, options.hindsightOrigin).href;
}
