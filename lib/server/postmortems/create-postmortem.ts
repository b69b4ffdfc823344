import "server-only";
import { AppError } from "@/lib/domain/errors";
import { randomUUID } from "node:crypto";
import { slugify } from "@/lib/domain/slug";
import type { PostmortemDocument, PostmortemDraft } from "@/lib/schemas/postmortem";
import { getDb } from "../db";
import { WRITE_TRANSACTION } from "../write-options";
import { firstFreeSlug } from "./free-slug";
import { toScalarColumns } from "./mapper";
import { isUniqueViolation, recordRevision, replaceChildren, signatureOf } from "./write-helpers";
import { requireRole } from "../auth/require-access";
import { withWriteLock } from "../write-lock";
import { recordAudit } from "../auth/audit";
import { describeAccess } from "./save-postmortem";

/**
 * Creates a postmortem and its first revision in one transaction. A slug given
 * by the caller must be free (CONFLICT otherwise); a slug derived from the
 * title gets the first free numeric suffix (`-2`, `-3`…).
 */
export async function createPostmortem(options: {
  draft: PostmortemDraft;
  /** Only the operator's writes may be signed with a name of their choosing. */
  authorName?: string;
  /** The client's address, for the audit log (a restricted postmortem's creation is recorded). */
  ip?: string | null;
}): Promise<PostmortemDocument> {
  const actor = await requireRole("editor");
  // A postmortem starts as a draft: status changes go through changeStatus and its checks.
  // Only the operator (CLI, samples, seeding) brings postmortems in with their status.
  const draft = actor.kind === "operator" ? options.draft : { ...options.draft, status: "draft" as const };
  const createdById = actor.kind === "user" ? actor.userId : null;
  // Who may see it: its creator is always one of the members of a restricted postmortem.
  const restricted = options.draft.restricted ?? false;
  const members = [...(options.draft.members ?? [])];
  if (restricted && actor.kind === "user" && !members.includes(actor.email.toLowerCase())) members.unshift(actor.email.toLowerCase());
  const db = await getDb();
  try {
    const document = await withWriteLock(() => db.$transaction(async (tx) => {
      // The insert is the transaction's first statement, so SQLite's write
      // lock is taken (or waited for) up front, never upgraded from a read
      // later. A derived slug starts as a placeholder no one else can hold and
      // is chosen once the lock makes the choice safe from other writers.
      const created = await tx.postmortem.create({
        data: { slug: draft.slug ?? `creating-${randomUUID()}`, version: 1, ...toScalarColumns(draft), status: draft.status, restricted, createdById },
      });
      if (!draft.slug) {
        await tx.postmortem.update({ where: { id: created.id }, data: { slug: await firstFreeSlug(tx, slugify(draft.title)) } });
      }
      await replaceChildren(tx, created.id, { ...draft, members }, { isNew: true });
      return recordRevision(tx, created.id, {
        signature: signatureOf(actor, options.authorName),
        summarize: () => "Created",
      });
    }, WRITE_TRANSACTION));
    if (restricted) {
      await recordAudit({ kind: "access-changed", actor, subject: document.slug, detail: describeAccess(document), ip: options.ip });
    }
    return document;
  } catch (error) {
    if (draft.slug && isUniqueViolation(error)) {
      throw new AppError("CONFLICT", `A postmortem with the slug "${draft.slug}" already exists.`, {
        fields: { slug: ["Already in use: choose another slug or leave it out to derive one"] },
      });
    }
    throw error;
  }
}
