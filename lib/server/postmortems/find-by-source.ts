import "server-only";
import type { PostmortemDocument } from "@/lib/schemas/postmortem";
import type { Prisma } from "../generated/prisma/client";
import { getDb } from "../db";
import { requireRole } from "../auth/require-access";
import { accessFactsSelect, canSee } from "../auth/visibility";
import { fullPostmortemInclude, toDocument } from "./mapper";

/**
 * The postmortem imported from the file with this name (its path in the
 * folder or zip it came from), or null. When several were, the most recently
 * updated one; restricted postmortems the actor may not see are passed over.
 */
export async function findPostmortemBySourceFile(options: { fileName: string }): Promise<PostmortemDocument | null> {
  return findLatestVisible({ sourceFileName: options.fileName });
}

/**
 * The postmortem imported from a file with exactly these bytes (the SHA-256,
 * hex, of the file), or null; as findPostmortemBySourceFile.
 */
export async function findPostmortemByContentHash(options: { contentHash: string }): Promise<PostmortemDocument | null> {
  return findLatestVisible({ sourceHash: options.contentHash.toLowerCase() });
}

async function findLatestVisible(where: Prisma.PostmortemWhereInput): Promise<PostmortemDocument | null> {
  const actor = await requireRole("viewer");
  const db = await getDb();
  // Both columns are indexed; the access facts first, so that only the one answer is loaded whole.
  const candidates = await db.postmortem.findMany({
    where,
    select: { id: true, ...accessFactsSelect },
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
  });
  const visible = candidates.find((candidate) => canSee(actor, candidate));
  if (!visible) return null;
  const row = await db.postmortem.findUnique({ where: { id: visible.id }, include: fullPostmortemInclude });
  return row ? toDocument(row) : null;
}
