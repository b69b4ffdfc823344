import "server-only";
import { requireRole } from "../auth/require-access";
import { getDb } from "../db";

/** Most owners the filter offers; past this the list would be no use as a select anyway. */
export const MAX_OWNERS = 1000;

/** Every named owner of an action in a postmortem that is not archived, alphabetically. */
export async function listActionOwners(): Promise<string[]> {
  await requireRole("viewer");
  const db = await getDb();
  const rows = await db.$queryRawUnsafe<{ owner: string }[]>(
    `SELECT DISTINCT a.owner AS owner FROM CorrectiveAction a
     WHERE a.postmortemId NOT IN (SELECT id FROM Postmortem WHERE status = 'archived') AND a.owner IS NOT NULL AND trim(a.owner) != ''
     ORDER BY a.owner COLLATE NOCASE LIMIT ?`,
    MAX_OWNERS,
  );
  return rows.map((row) => row.owner);
}
