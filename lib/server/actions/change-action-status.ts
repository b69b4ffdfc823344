import "server-only";
import { describeActionStatusChange } from "@/lib/domain/actions";
import { AppError } from "@/lib/domain/errors";
import type { ActionStatus } from "@/lib/domain/postmortem";
import type { PostmortemDocument } from "@/lib/schemas/postmortem";
import { getDb } from "../db";
import { findPostmortem, notFound, requireVisiblePostmortem } from "../postmortems/get-postmortem";
import { recordRevision, signatureOf } from "../postmortems/write-helpers";
import { WRITE_TRANSACTION } from "../write-options";
import { withWriteLock } from "../write-lock";

/** Thrown inside the transaction to roll the version bump back when there is nothing to change. */
class Unchanged extends Error {}

/**
 * Sets the status of the postmortem's corrective action number `index`
 * (0-based, as in its correctiveActions list) — a real save: compare-and-set
 * on the `version` the caller read, version + 1, a revision ("Action 'X'
 * status: open → done") and the search index, in one transaction. Allowed on
 * published postmortems (teams close actions after publication; decision
 * 017), refused on archived ones. A stale version is a CONFLICT carrying the
 * current document, and nothing is written. Setting the status it already
 * has writes nothing and returns the document.
 */
export async function changeActionStatus(options: {
  slug: string;
  index: number;
  status: ActionStatus;
  version: number;
  authorName?: string;
}): Promise<PostmortemDocument> {
  const { slug, index, status, version } = options;
  const { actor } = await requireVisiblePostmortem({ slug, role: "editor" });
  const db = await getDb();
  let outcome: PostmortemDocument | "stale" | "unchanged";
  try {
    outcome = await withWriteLock(() => db.$transaction(async (tx) => {
      // Compare-and-set first: it takes the write lock at once (decision 004).
      const claimed = await tx.postmortem.updateMany({
        where: { slug, version, status: { not: "archived" } },
        data: { version: version + 1 },
      });
      if (claimed.count === 0) return "stale" as const;
      const { id } = await tx.postmortem.findUniqueOrThrow({ where: { slug }, select: { id: true } });
      const action = await tx.correctiveAction.findFirst({ where: { postmortemId: id, position: index } });
      if (!action) {
        throw new AppError("NOT_FOUND", `The postmortem "${slug}" has no corrective action number ${index + 1} (index ${index}).`);
      }
      if (action.status === status) throw new Unchanged();
      await tx.correctiveAction.update({ where: { id: action.id }, data: { status } });
      return recordRevision(tx, id, {
        signature: signatureOf(actor, options.authorName),
        summarize: () => describeActionStatusChange(action.title, action.status as ActionStatus, status),
      });
    }, WRITE_TRANSACTION));
  } catch (error) {
    if (!(error instanceof Unchanged)) throw error;
    outcome = "unchanged"; // Rolled back: nothing was written.
  }
  if (outcome !== "stale" && outcome !== "unchanged") return outcome;
  const current = await findPostmortem({ slug });
  if (!current) throw notFound(slug);
  if (outcome === "unchanged" && current.version === version) return current;
  if (current.status === "archived") {
    throw new AppError("CONFLICT", "This postmortem is archived: restore it (POST /api/postmortems/{slug}/status with \"draft\") to change its actions.", {
      details: { current },
    });
  }
  throw new AppError(
    "CONFLICT",
    `This postmortem was changed by someone else (you sent version ${version}; it is now at version ${current.version}). Nothing was saved.`,
    { details: { current } },
  );
}
