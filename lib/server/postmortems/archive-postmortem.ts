import "server-only";
import { recordAudit } from "../auth/audit";
import type { PostmortemDocument } from "@/lib/schemas/postmortem";
import { getDb } from "../db";
import { WRITE_TRANSACTION } from "../write-options";
import { notFound } from "./get-postmortem";
import { recordRevision, signatureOf } from "./write-helpers";
import { requireVisiblePostmortem } from "./get-postmortem";
import { withWriteLock } from "../write-lock";

/** Archives a postmortem (nothing is destroyed) and records the change as a revision. */
export async function archivePostmortem(options: { slug: string; authorName?: string }): Promise<PostmortemDocument> {
  // Archiving takes a postmortem out of the library: an admin's call (decision 021).
  const { actor } = await requireVisiblePostmortem({ slug: options.slug, role: "admin" });
  const db = await getDb();
  const result = await withWriteLock(() => db.$transaction(async (tx) => {
    const claimed = await tx.postmortem.updateMany({
      where: { slug: options.slug },
      data: { status: "archived", version: { increment: 1 } },
    });
    if (claimed.count === 0) return null;
    const { id } = await tx.postmortem.findUniqueOrThrow({ where: { slug: options.slug }, select: { id: true } });
    return recordRevision(tx, id, { signature: signatureOf(actor, options.authorName), summarize: () => "Archived" });
  }, WRITE_TRANSACTION));
  if (!result) throw notFound(options.slug);
  await recordAudit({ kind: "archived", actor, subject: options.slug });
  return result;
}
