import "server-only";
import { isAppError } from "@/lib/domain/errors";
import { parseMarkdown } from "@/lib/domain/markdown/import";
import { postmortemInputSchema, type PostmortemDocument, type PostmortemDraft } from "@/lib/schemas/postmortem";
import { createPostmortem } from "./create-postmortem";

/**
 * Reads a Markdown or plain-text postmortem and creates it. A slug written in
 * the file (an exported postmortem's front matter) that is already taken is
 * dropped, with a warning, and one is derived from the title instead.
 */
export async function importPostmortem(options: {
  text: string;
  fileName?: string;
  authorName?: string;
}): Promise<{ document: PostmortemDocument; warnings: string[] }> {
  const { document, warnings } = parseMarkdown(options.text, { fileName: options.fileName });
  // An import starts as a draft whatever its front matter says: publishing has its own checks (changeStatus).
  const draft = { ...postmortemInputSchema.parse(document), status: "draft" as const };
  return createImportedPostmortem({ draft, warnings, authorName: options.authorName });
}

/**
 * Creates a postmortem read from a file (`importPostmortem`, archive imports):
 * a slug from the file that is taken gives way to one derived from the title,
 * with a warning added to the import's own.
 */
export async function createImportedPostmortem(options: {
  draft: PostmortemDraft;
  warnings: string[];
  authorName?: string;
}): Promise<{ document: PostmortemDocument; warnings: string[] }> {
  const { draft, warnings } = options;
  try {
    return { document: await createPostmortem({ draft, authorName: options.authorName }), warnings };
  } catch (error) {
    if (!draft.slug || !isAppError(error) || error.code !== "CONFLICT") throw error;
    const created = await createPostmortem({ draft: { ...draft, slug: undefined }, authorName: options.authorName });
    return { document: created, warnings: [...warnings, `The slug "${draft.slug}" is taken: saved as "${created.slug}"`] };
  }
}
