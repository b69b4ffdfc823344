import "server-only";
import { requireRole } from "../auth/require-access";
import { hiddenPostmortemIds } from "../auth/visibility";
import type { PostmortemDocument } from "@/lib/schemas/postmortem";
import { getDb } from "../db";
import { fullPostmortemInclude, toDocument } from "./mapper";

/** Every published postmortem as a full document, oldest incident first (for bulk export). */
export async function listPublishedPostmortems(): Promise<PostmortemDocument[]> {
  const actor = await requireRole("viewer");
  const db = await getDb();
  const hidden = await hiddenPostmortemIds(db, actor);
  const rows = await db.postmortem.findMany({
    where: { status: "published", ...(hidden.length ? { id: { notIn: hidden } } : {}) },
    include: fullPostmortemInclude,
    orderBy: [{ incidentDate: "asc" }, { createdAt: "asc" }, { id: "asc" }],
  });
  return rows.map(toDocument);
}
