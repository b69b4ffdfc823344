import "server-only";
import { requireRole } from "../auth/require-access";
import { getDb } from "../db";
import { WRITE_TRANSACTION } from "../write-options";
import { fullPostmortemInclude, toDocument } from "../postmortems/mapper";
import { reindexPostmortem } from "./reindex-postmortem";
import { withWriteLock } from "../write-lock";

/**
 * Writes every postmortem's search document again, from its stored rows, and
 * asks FTS5 to merge its index. For after an upgrade (the migration indexes
 * existing postmortems with less care: no completion words, Markdown kept)
 * or to repair an index. Batches of 100 postmortems per transaction.
 */
export async function rebuildSearchIndex(options: { onProgress?: (done: number, total: number) => void } = {}): Promise<{ indexed: number }> {
  await requireRole("admin");
  const db = await getDb();
  const total = await db.postmortem.count();
  let indexed = 0;
  let afterId = 0;
  for (;;) {
    const batch = await withWriteLock(() => db.$transaction(async (tx) => {
      // Take the write lock before reading the rows (an UPDATE that changes
      // nothing): read outside it, a save committed by another server in
      // between would have its new text overwritten with the old one.
      await tx.$executeRawUnsafe(`UPDATE "SearchState" SET "deletions" = "deletions" WHERE "id" = 1`);
      const rows = await tx.postmortem.findMany({ where: { id: { gt: afterId } }, orderBy: { id: "asc" }, take: 100, include: fullPostmortemInclude });
      for (const row of rows) await reindexPostmortem(tx, row.id, toDocument(row));
      return { count: rows.length, lastId: rows.at(-1)?.id ?? afterId };
    }, WRITE_TRANSACTION));
    if (batch.count === 0) break;
    indexed += batch.count;
    afterId = batch.lastId;
    options.onProgress?.(indexed, total);
  }
  await db.$executeRawUnsafe(`INSERT INTO "SearchIndex" ("SearchIndex") VALUES ('optimize')`);
  return { indexed };
}
