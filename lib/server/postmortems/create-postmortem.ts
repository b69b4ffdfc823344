import "server-only";
import { AppError } from "@/lib/domain/errors";
import { slugCandidate, slugify } from "@/lib/domain/slug";
import type { PostmortemDocument, PostmortemDraft } from "@/lib/schemas/postmortem";
import { getDb } from "../db";
import { WRITE_TRANSACTION } from "../write-options";
import { toScalarColumns } from "./mapper";
import { isUniqueViolation, recordRevision, replaceChildren, UNKNOWN_AUTHOR } from "./write-helpers";

const MAX_SLUG_ATTEMPTS = 50;

/**
 * Creates a postmortem and its first revision in one transaction. A slug given
 * by the caller must be free (CONFLICT otherwise); a slug derived from the
 * title gets a numeric suffix until it is unique.
 */
export async function createPostmortem(options: {
  draft: PostmortemDraft;
  authorName?: string;
}): Promise<PostmortemDocument> {
  const { draft } = options;
  const db = await getDb();
  const base = draft.slug ?? slugify(draft.title);
  for (let attempt = 1; attempt <= MAX_SLUG_ATTEMPTS; attempt++) {
    const slug = draft.slug ? draft.slug : slugCandidate(base, attempt);
    try {
      return await db.$transaction(async (tx) => {
        // The insert is the transaction's first statement, so the write lock
        // is taken (or waited for) up front rather than upgraded later.
        const created = await tx.postmortem.create({
          data: { slug, version: 1, ...toScalarColumns(draft) },
        });
        await replaceChildren(tx, created.id, draft);
        return recordRevision(tx, created.id, {
          authorName: options.authorName ?? UNKNOWN_AUTHOR,
          summarize: () => "Created",
        });
      }, WRITE_TRANSACTION);
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      if (draft.slug) {
        throw new AppError("CONFLICT", `A postmortem with the slug "${slug}" already exists.`, {
          fields: { slug: ["Already in use: choose another slug or leave it out to derive one"] },
        });
      }
    }
  }
  throw new AppError("CONFLICT", `Could not find a free slug for "${base}".`);
}
