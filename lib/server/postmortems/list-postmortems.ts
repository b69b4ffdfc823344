import "server-only";
import { requireRole } from "../auth/require-access";
import { hiddenPostmortemIds } from "../auth/visibility";
import type { ListQuery, PostmortemSummary } from "@/lib/schemas/postmortem";
import { getDb } from "../db";
import { summaryInclude, toSummary } from "./mapper";

export type PostmortemPage = {
  items: PostmortemSummary[];
  page: number;
  perPage: number;
  total: number;
  totalPages: number;
};

/**
 * One page of postmortems, most recently updated first. Archived ones are
 * left out unless asked for by status.
 */
export async function listPostmortems(query: ListQuery): Promise<PostmortemPage> {
  const actor = await requireRole("viewer");
  const db = await getDb();
  const hidden = await hiddenPostmortemIds(db, actor);
  const where = { ...(query.status ? { status: query.status } : { status: { not: "archived" } }), ...(hidden.length ? { id: { notIn: hidden } } : {}) };
  const [rows, total] = await Promise.all([
    db.postmortem.findMany({
      where,
      include: summaryInclude,
      orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
      skip: (query.page - 1) * query.perPage,
      take: query.perPage,
    }),
    db.postmortem.count({ where }),
  ]);
  return {
    items: rows.map(toSummary),
    page: query.page,
    perPage: query.perPage,
    total,
    totalPages: Math.max(1, Math.ceil(total / query.perPage)),
  };
}
