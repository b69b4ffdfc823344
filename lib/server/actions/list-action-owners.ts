import "server-only";
import { requireRole } from "../auth/require-access";
import { hiddenPostmortemIds } from "../auth/visibility";
import { getDb } from "../db";
import { NOT_HIDDEN } from "./tracker-filters";

/** Most owners the filter offers; past this the list would be no use as a select anyway. */
export const MAX_OWNERS = 1000;

/** Every named owner of an action in a postmortem that is not archived (nor hidden from the reader), alphabetically. */
export async function listActionOwners(): Promise<string[]> {
  const actor = await requireRole("viewer");
  const db = await getDb();
  const hidden = await hiddenPostmortemIds(db, actor);
  const rows = await db.$queryRawUnsafe<{ owner: string }[]>(
    `SELECT DISTINCT a.owner AS owner FROM CorrectiveAction a
     WHERE a.postmortemId NOT IN (SELECT id FROM Postmortem WHERE status = 'archived') AND a.owner IS NOT NULL AND trim(a.owner) != ''${hidden.length ? ` AND ${NOT_HIDDEN}` : ""}
     ORDER BY a.owner COLLATE NOCASE LIMIT ?`,
    ...(hidden.length ? [JSON.stringify(hidden)] : []),
    MAX_OWNERS,
  );
  return rows.map((row) => row.owner);
}
