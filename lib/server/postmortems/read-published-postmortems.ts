import "server-only";
import type { PostmortemDocument } from "@/lib/schemas/postmortem";
import { requireRole } from "../auth/require-access";
import { canSee, hiddenPostmortemIds } from "../auth/visibility";
import { getDb } from "../db";
import { fullPostmortemInclude, toDocument } from "./mapper";

export const PUBLISHED_PAGE_SIZE = 100;

/**
 * Every published postmortem the actor may see, as full documents, a page at
 * a time (for the bulk exports: the zip and `hindsight export --all`). Who is
 * asking is checked when this is called, before any page is read: 401/403
 * then, never half-way. Pages are read as they are asked for, in id order
 * (keyset: each page is one indexed query of at most `pageSize` postmortems
 * with their child rows, however large the library), so a postmortem
 * published meanwhile may still come; one restricted meanwhile is left out.
 */
export async function readPublishedPostmortems(options: { pageSize?: number } = {}): Promise<AsyncIterable<PostmortemDocument[]>> {
  const actor = await requireRole("viewer");
  const db = await getDb();
  const hidden = await hiddenPostmortemIds(db, actor);
  const pageSize = options.pageSize ?? PUBLISHED_PAGE_SIZE;

  async function* pages(): AsyncGenerator<PostmortemDocument[]> {
    let after = 0;
    for (;;) {
      const rows = await db.postmortem.findMany({
        where: { status: "published", id: { gt: after, ...(hidden.length ? { notIn: hidden } : {}) } },
        include: fullPostmortemInclude,
        orderBy: { id: "asc" },
        take: pageSize,
      });
      if (rows.length === 0) return;
      after = rows[rows.length - 1].id;
      yield rows.filter((row) => canSee(actor, row)).map(toDocument);
      if (rows.length < pageSize) return;
    }
  }
  return pages();
}
