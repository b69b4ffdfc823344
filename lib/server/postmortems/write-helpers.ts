import "server-only";
import type { Prisma } from "../generated/prisma/client";
import type { PostmortemDocument, PostmortemDraft } from "@/lib/schemas/postmortem";
import { reindexPostmortem } from "../search/reindex-postmortem";
import { fullPostmortemInclude, toChildRows, toDocument } from "./mapper";
import { actorName } from "../auth/actor";
import type { KnownActor } from "../auth/require-access";

type Tx = Prisma.TransactionClient;

/**
 * Replaces every child list of a postmortem with the draft's, in the draft's
 * order; the members only when the draft has them (a draft built in code
 * leaves them alone). A postmortem just created (`isNew`) has no rows to
 * delete. Empty lists cost no statement: every statement Prisma sends is
 * compiled first, a few milliseconds each (bulk imports, issue 16).
 */
export async function replaceChildren(tx: Tx, postmortemId: number, draft: PostmortemDraft, options: { isNew?: boolean } = {}): Promise<void> {
  const rows = toChildRows(draft, postmortemId);
  const where = { postmortemId };
  // Sequential on purpose: an interactive transaction holds one connection.
  if (!options.isNew) {
    await tx.postmortemService.deleteMany({ where });
    await tx.postmortemTag.deleteMany({ where });
    await tx.postmortemAuthor.deleteMany({ where });
    await tx.timelineEvent.deleteMany({ where });
    await tx.why.deleteMany({ where });
    await tx.contributingFactor.deleteMany({ where });
    await tx.correctiveAction.deleteMany({ where });
    await tx.section.deleteMany({ where });
  }

  if (rows.services.length) await tx.postmortemService.createMany({ data: rows.services });
  if (rows.tags.length) await tx.postmortemTag.createMany({ data: rows.tags });
  if (rows.authors.length) await tx.postmortemAuthor.createMany({ data: rows.authors });
  if (rows.timeline.length) await tx.timelineEvent.createMany({ data: rows.timeline });
  if (rows.whys.length) await tx.why.createMany({ data: rows.whys });
  if (rows.contributingFactors.length) await tx.contributingFactor.createMany({ data: rows.contributingFactors });
  if (rows.correctiveActions.length) await tx.correctiveAction.createMany({ data: rows.correctiveActions });
  if (rows.sections.length) await tx.section.createMany({ data: rows.sections });
  if (rows.members) {
    if (!options.isNew) await tx.postmortemMember.deleteMany({ where });
    if (rows.members.length) await tx.postmortemMember.createMany({ data: rows.members });
  }
}

/**
 * Reads the postmortem back, stores it as the revision for its current
 * version, and brings the search index up to date — every write ends here.
 */
export async function recordRevision(
  tx: Tx,
  postmortemId: number,
  options: { signature: Signature; summarize: (saved: PostmortemDocument) => string },
): Promise<PostmortemDocument> {
  const row = await tx.postmortem.findUniqueOrThrow({ where: { id: postmortemId }, include: fullPostmortemInclude });
  const document = toDocument(row);
  await tx.revision.create({
    data: {
      postmortemId,
      version: document.version,
      authorName: options.signature.authorName,
      authorId: options.signature.authorId,
      summary: options.summarize(document),
      snapshot: JSON.stringify(document),
    },
  });
  await reindexPostmortem(tx, postmortemId, document);
  return document;
}

/** True for Prisma's unique-constraint violation (P2002). */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}

/** Who a revision is signed by. */
export type Signature = { authorName: string; authorId: string | null };

/**
 * The signature of a write: the signed-in person (decision 021). Only the
 * operator (the CLI, seeding) may sign with another name, such as "Hindsight samples".
 */
export function signatureOf(actor: KnownActor, operatorName?: string): Signature {
  if (actor.kind === "user") return { authorName: actor.name, authorId: actor.userId };
  return { authorName: operatorName?.trim() || actorName(actor), authorId: null };
}
