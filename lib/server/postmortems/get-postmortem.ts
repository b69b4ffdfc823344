import "server-only";
import { AppError } from "@/lib/domain/errors";
import type { PostmortemDocument } from "@/lib/schemas/postmortem";
import { getDb } from "../db";
import { fullPostmortemInclude, toDocument } from "./mapper";

/** The postmortem with this slug, or null. */
export async function findPostmortem(options: { slug: string }): Promise<PostmortemDocument | null> {
  const db = await getDb();
  const row = await db.postmortem.findUnique({ where: { slug: options.slug }, include: fullPostmortemInclude });
  return row ? toDocument(row) : null;
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
