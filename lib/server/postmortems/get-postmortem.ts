import "server-only";
import { cache } from "react";
import { AppError } from "@/lib/domain/errors";
import type { PostmortemDocument } from "@/lib/schemas/postmortem";
import { getDb } from "../db";
import { requireRole } from "../auth/require-access";
import { accessFactsSelect, canSee } from "../auth/visibility";
import { fullPostmortemInclude, toDocument } from "./mapper";

/** The postmortem with this slug, or null (also when it is restricted and the actor is not a member). */
export async function findPostmortem(options: { slug: string }): Promise<PostmortemDocument | null> {
  const actor = await requireRole("viewer");
  const db = await getDb();
  const row = await db.postmortem.findUnique({ where: { slug: options.slug }, include: fullPostmortemInclude });
  return row && canSee(actor, row) ? toDocument(row) : null;
}

/**
 * findPostmortem once per page render: a page's generateMetadata and the page
 * itself both ask (the 5,000-event page loaded it twice). React's cache lasts
 * one server render. Pages only: a write reads the current state afresh.
 */
export const findPostmortemForPage = cache((slug: string) => findPostmortem({ slug }));

/**
 * Checks that the actor has `role` and may see the postmortem with this
 * slug: NOT_FOUND when it does not exist or is hidden from them (a
 * restricted postmortem's existence is not revealed), FORBIDDEN when the
 * role is too small. Writes start here.
 */
export async function requireVisiblePostmortem(options: { slug: string; role: "viewer" | "editor" | "admin" }) {
  const actor = await requireRole("viewer");
  const db = await getDb();
  const row = await db.postmortem.findUnique({ where: { slug: options.slug }, select: { id: true, status: true, ...accessFactsSelect } });
  if (!row || !canSee(actor, row)) throw notFound(options.slug);
  await requireRole(options.role);
  return { actor, id: row.id, status: row.status };
}

/** The postmortem with this slug; NOT_FOUND when there is none. */
export async function getPostmortem(options: { slug: string }): Promise<PostmortemDocument> {
  const document = await findPostmortem(options);
  if (!document) throw notFound(options.slug);
  return document;
}

export function notFound(slug: string): AppError {
  return new AppError("NOT_FOUND", `No postmortem has the slug "${slug}".`);
}
