import "server-only";
import { AppError } from "@/lib/domain/errors";
import { parseMarkdown } from "@/lib/domain/markdown/import";
import { readSourceFile, type SourceFormat } from "@/lib/domain/markdown/import/formats";
import { parseInput } from "@/lib/schemas/parse-input";
import { postmortemInputSchema, type PostmortemDraft } from "@/lib/schemas/postmortem";

/** What a file reads as: its format, the document (a draft, not yet given its source) and the import's warnings. */
export type ReadImportFile = { format: SourceFormat; draft: PostmortemDraft; warnings: string[] };

/**
 * Reads one file's bytes as a postmortem (readSourceFile, then parseMarkdown,
 * then the exchange schema): pure computation, no database, so that an
 * archive import can run it on a worker thread while files are written.
 * Throws UnsupportedFormatError or an AppError for a file it cannot read.
 */
export async function readImportFile(options: { name?: string; bytes: Uint8Array }): Promise<ReadImportFile> {
  const { name, bytes } = options;
  const { format, text, warnings: formatWarnings } = await readSourceFile({ fileName: name, bytes });
  if (text.trim() === "") throw new AppError("BAD_REQUEST", name ? `${name} is empty.` : "There is no text in this file to import.");
  const parsed = parseMarkdown(text, { fileName: name });
  const draft = parseInput(postmortemInputSchema, parsed.document, "document read from the file");
  return { format, draft, warnings: [...formatWarnings, ...parsed.warnings] };
}
