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
import { recordAudit } from "../auth/audit";
import { seesEverything, type KnownActor } from "../auth/require-access";
import type { Prisma } from "../generated/prisma/client";

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
  /** The client's address, for the audit log (changes of who may see it are recorded). */
  ip?: string | null;
}): Promise<PostmortemDocument> {
  const { slug, version, draft } = options;
  // The status is not the save's to change (it keeps the current one): changeStatus has the rules.
  const { actor } = await requireVisiblePostmortem({ slug, role: "editor" });
  const db = await getDb();
  const newSlug = draft.slug ?? slug;
  let outcome: PostmortemDocument | "stale";
  let accessChanged = false;
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
      // The members are still the ones of `version` here: replaceChildren comes after.
      const access = await settleAccess(tx, id, actor, draft);
      accessChanged = access.changed;
      await replaceChildren(tx, id, { ...draft, members: access.members });
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
  if (outcome !== "stale") {
    if (accessChanged) await recordAudit({ kind: "access-changed", actor, subject: outcome.slug, detail: describeAccess(outcome), ip: options.ip });
    return outcome;
  }
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

/**
 * Who may see the postmortem after this save, written in the transaction
 * (its restricted flag; the members are returned for replaceChildren).
 * A draft that leaves `restricted` or `members` out keeps them. Changing
 * them takes anyone who may edit an open postmortem, and an admin, the
 * creator or a member for a restricted one: FORBIDDEN otherwise, and nothing is
 * saved. A restricted postmortem's creator stays a member, and so does a
 * person who is not an admin and saves it (they would lose it mid-edit).
 */
async function settleAccess(
  tx: Prisma.TransactionClient,
  id: number,
  actor: KnownActor,
  draft: PostmortemDraft,
): Promise<{ members: string[]; changed: boolean }> {
  const before = await tx.postmortem.findUniqueOrThrow({
    where: { id },
    select: { restricted: true, createdById: true, members: { select: { email: true }, orderBy: { position: "asc" } } },
  });
  const membersBefore = before.members.map((member) => member.email.toLowerCase());
  const restricted = draft.restricted ?? before.restricted;
  const members = [...new Set((draft.members ?? membersBefore).map((email) => email.toLowerCase()))];
  if (restricted) {
    const keep: string[] = [];
    if (before.createdById) {
      const creator = await tx.user.findUnique({ where: { id: before.createdById }, select: { email: true } });
      if (creator) keep.push(creator.email.toLowerCase());
    }
    if (actor.kind === "user" && !seesEverything(actor) && actor.userId !== before.createdById) keep.push(actor.email.toLowerCase());
    for (const email of keep) if (!members.includes(email)) members.push(email);
  }
  const changed = restricted !== before.restricted || members.join("\n") !== membersBefore.join("\n");
  if (!changed) return { members, changed };
  // An open postmortem may be restricted by any editor (they can see it); a restricted one only by those who may see it.
  const entitled =
    !before.restricted ||
    seesEverything(actor) ||
    (actor.kind === "user" && (actor.userId === before.createdById || membersBefore.includes(actor.email.toLowerCase())));
  if (!entitled) {
    throw new AppError("FORBIDDEN", "Only an admin, the postmortem's creator or one of its members can change who may see it.", {
      fields: { [draft.restricted !== undefined && draft.restricted !== before.restricted ? "restricted" : "members"]: ["Only an admin, the creator or a member can change this"] },
    });
  }
  if (restricted !== before.restricted) await tx.postmortem.update({ where: { id }, data: { restricted } });
  return { members, changed };
}

/** An audit entry's words for who may see a postmortem. */
export function describeAccess(document: Pick<PostmortemDocument, "restricted" | "members">): string {
  if (!document.restricted) return "Open to everyone";
  const members = document.members ?? [];
  return `Restricted to ${members.length ? members.join(", ") : "admins"}`.slice(0, 1000);
}
