import "server-only";
import { getDb } from "../db";
import { fullPostmortemInclude, toDocument } from "../postmortems/mapper";
import { reindexPostmortem } from "./reindex-postmortem";

/**
 * Writes every postmortem's search document again, from its stored rows, and
 * asks FTS5 to merge its index. For after an upgrade (the migration indexes
 * existing postmortems with less care: no completion words, Markdown kept)
 * or to repair an index. Batches of 100 postmortems per transaction.
 */
export async function rebuildSearchIndex(options: { onProgress?: (done: number, total: number) => void } = {}): Promise<{ indexed: number }> {
  const db = await getDb();
  const total = await db.postmortem.count();
  let indexed = 0;
  let afterId = 0;
  for (;;) {
    const rows = await db.postmortem.findMany({ where: { id: { gt: afterId } }, orderBy: { id: "asc" }, take: 100, include: fullPostmortemInclude });
    if (rows.length === 0) break;
    await db.$transaction(async (tx) => {
      for (const row of rows) await reindexPostmortem(tx, row.id, toDocument(row));
    });
    indexed += rows.length;
    afterId = rows[rows.length - 1].id;
    options.onProgress?.(indexed, total);
  }
  await db.$executeRawUnsafe(`INSERT INTO "SearchIndex" ("SearchIndex") VALUES ('optimize')`);
  return { indexed };
}
