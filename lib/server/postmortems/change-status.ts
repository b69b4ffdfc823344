import "server-only";
import { requireRole } from "../auth/require-access";
import { recordAudit } from "../auth/audit";
import { AppError } from "@/lib/domain/errors";
import type { Status } from "@/lib/domain/postmortem";
import { checkTransition } from "@/lib/domain/workflow";
import type { PostmortemDocument } from "@/lib/schemas/postmortem";
import { getDb } from "../db";
import { WRITE_TRANSACTION } from "../write-options";
import { recordRevision, signatureOf } from "./write-helpers";
import { getPostmortem, requireVisiblePostmortem } from "./get-postmortem";
import { withWriteLock } from "../write-lock";

/**
 * Moves a postmortem along the workflow (draft → in review → published →
 * archived; reopening needs a reason). The change, its author and its reason
 * are recorded as a revision.
 */
export async function changeStatus(options: {
  slug: string;
  status: Status;
  reason?: string;
  authorName?: string;
}): Promise<PostmortemDocument> {
  // Archiving (and bringing back from the archive) is an admin's call; the other moves an editor's.
  const { actor, status } = await requireVisiblePostmortem({ slug: options.slug, role: "editor" });
  const currentStatus = status as Status;
  if (options.status === "archived" || currentStatus === "archived") await requireRole("admin");
  const check = checkTransition(currentStatus, options.status, options.reason);
  if (!check.ok) throw new AppError("INVALID", check.message, { fields: { status: [check.message] } });
  const db = await getDb();
  const result = await withWriteLock(() => db.$transaction(async (tx) => {
    // Compare-and-set on the status we checked, so two clicks cannot both apply.
    const claimed = await tx.postmortem.updateMany({
      where: { slug: options.slug, status: currentStatus },
      data: { status: options.status, version: { increment: 1 } },
    });
    if (claimed.count === 0) return null;
    const { id } = await tx.postmortem.findUniqueOrThrow({ where: { slug: options.slug }, select: { id: true } });
    return recordRevision(tx, id, { signature: signatureOf(actor, options.authorName), summarize: () => check.summary });
  }, WRITE_TRANSACTION));
  if (result) {
    await recordAudit({ kind: options.status === "archived" ? "archived" : "status-changed", actor, subject: options.slug, detail: [check.summary, options.reason?.trim()].filter(Boolean).join(": ") });
  }
  if (!result) {
    throw new AppError("CONFLICT", "The status was changed by someone else in the meantime. Reload and try again.", {
      details: { current: await getPostmortem({ slug: options.slug }) },
    });
  }
  return result;
}
