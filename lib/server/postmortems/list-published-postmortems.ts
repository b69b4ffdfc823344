import "server-only";
import type { PostmortemDocument } from "@/lib/schemas/postmortem";
import { getDb } from "../db";
import { fullPostmortemInclude, toDocument } from "./mapper";

/** Every published postmortem as a full document, oldest incident first (for bulk export). */
export async function listPublishedPostmortems(): Promise<PostmortemDocument[]> {
  const db = await getDb();
  const rows = await db.postmortem.findMany({
    where: { status: "published" },
    include: fullPostmortemInclude,
    orderBy: [{ incidentDate: "asc" }, { createdAt: "asc" }, { id: "asc" }],
  });
  return rows.map(toDocument);
}
