import "server-only";
import { AppError } from "@/lib/domain/errors";
import { describeChanges } from "@/lib/domain/revision-summary";
import type { PostmortemDocument, PostmortemDraft } from "@/lib/schemas/postmortem";
import { getDb } from "../db";
import { WRITE_TRANSACTION } from "../write-options";
import { findPostmortem, notFound } from "./get-postmortem";
import { toScalarColumns } from "./mapper";
import { isUniqueViolation, recordRevision, replaceChildren, signatureOf } from "./write-helpers";
import { requireVisiblePostmortem } from "./get-postmortem";
import { withWriteLock } from "../write-lock";

/**
 * Replaces a postmortem with `draft` if it is still at `version` (the version
 * the caller read). A stale version is a CONFLICT carrying the current
 * document, and nothing is written; so is a save of a published postmortem
 * (read-only until reopened). Every save records a revision.
 */
export async function savePostmortem(options: {
  slug: string;
  version: number;
  draft: PostmortemDraft;
  /** Only the operator's writes may be signed with a name of their choosing. */
  authorName?: string;
  /** What the revision list says about this save; by default, the fields it changed. */
  summary?: string;
}): Promise<PostmortemDocument> {
  const { slug, version, draft } = options;
  // The status is not the save's to change (it keeps the current one): changeStatus has the rules.
  const { actor } = await requireVisiblePostmortem({ slug, role: "editor" });
  const db = await getDb();
  const newSlug = draft.slug ?? slug;
  let outcome: PostmortemDocument | "stale";
  try {
    outcome = await withWriteLock(() => db.$transaction(async (tx) => {
      // Compare-and-set as the first statement: it takes the write lock at once
      // and makes exactly one of two concurrent saves of a version win.
      const claimed = await tx.postmortem.updateMany({
        // Published postmortems are read-only until reopened (see changeStatus).
        where: { slug, version, status: { not: "published" } },
        data: { slug: newSlug, version: version + 1, ...toScalarColumns(draft) },
      });
      if (claimed.count === 0) return "stale" as const;
      const { id } = await tx.postmortem.findUniqueOrThrow({ where: { slug: newSlug }, select: { id: true } });
      const previous = await tx.revision.findFirst({ where: { postmortemId: id, version }, select: { snapshot: true } });
      await replaceChildren(tx, id, draft);
      return recordRevision(tx, id, {
        signature: signatureOf(actor, options.authorName),
        summarize: (saved) => options.summary ?? (previous ? describeChanges(JSON.parse(previous.snapshot), saved) : "Saved"),
      });
    }, WRITE_TRANSACTION));
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError("CONFLICT", `A postmortem with the slug "${newSlug}" already exists.`, {
        fields: { slug: ["Already in use: choose another slug"] },
      });
    }
    throw error;
  }
  if (outcome !== "stale") return outcome;
  const current = await findPostmortem({ slug });
  if (!current) throw notFound(slug);
  if (current.status === "published" && current.version === version) {
    throw new AppError(
      "CONFLICT",
      "This postmortem is published and read-only. Reopen it (POST /api/postmortems/{slug}/status with a reason) to edit it.",
      { details: { current } },
    );
  }
  throw new AppError(
    "CONFLICT",
    `This postmortem was changed by someone else (you sent version ${version}; it is now at version ${current.version}). Nothing was saved.`,
    { details: { current } },
  );
}
