import "server-only";
import { requireRole } from "../auth/require-access";
import { getDb } from "../db";

/**
 * The content hash each of these file names was last imported with, as a
 * hint for reading ahead (a file whose bytes match is not read again). Only
 * a hint: importSourceFile decides, with the visibility rules. Editors only.
 */
export async function listImportedHashes(options: { fileNames: string[] }): Promise<Map<string, string>> {
  await requireRole("editor");
  const db = await getDb();
  const hashes = new Map<string, string>();
  // SQLite takes a bounded number of parameters per statement.
  for (let start = 0; start < options.fileNames.length; start += 500) {
    const rows = await db.postmortem.findMany({
      where: { sourceFileName: { in: options.fileNames.slice(start, start + 500) } },
      select: { sourceFileName: true, sourceHash: true },
      orderBy: { updatedAt: "asc" },
    });
    for (const row of rows) if (row.sourceFileName && row.sourceHash) hashes.set(row.sourceFileName, row.sourceHash);
  }
  return hashes;
}
