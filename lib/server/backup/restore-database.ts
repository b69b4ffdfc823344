import "server-only";
import Database from "better-sqlite3";
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { AppError } from "@/lib/domain/errors";
import { closeDb } from "../db";
import { shippedMigrations } from "../health";
import { copyDatabase } from "./backup-database";
import { inspectBackup } from "./inspect-backup";
import { currentDatabaseFile, fileTimestamp, removeSidecars } from "./sqlite-files";

export type RestoreResult = {
  /** The database as it was before, or null when there was none. */
  savedAs: string | null;
  postmortems: number;
  /** Migrations the backup predates; the next start (or CLI command) applies them. */
  pendingMigrations: string[];
};

/**
 * `hindsight restore FILE`: replaces the app's database with a backup, but
 * only one that passes inspectBackup; the current database is first backed
 * up to `<db>.before-restore-<time>`. The backup is copied beside the
 * database, checked there (the bytes that will be used), then renamed over
 * it, so the database is at every moment either the old one or the new one.
 */
export async function restoreDatabase({ from, root = process.cwd(), now = new Date() }: { from: string; root?: string; now?: Date }): Promise<RestoreResult> {
  const source = path.resolve(from);
  if (!existsSync(source)) throw new AppError("NOT_FOUND", `There is no backup at ${from}.`);
  if (statSync(source).isDirectory()) throw new AppError("BAD_REQUEST", `${from} is a folder, not a backup file.`);
  const target = currentDatabaseFile();
  if (source === target) throw new AppError("BAD_REQUEST", `${from} is the database itself: nothing to restore.`);

  const staged = path.join(path.dirname(target), `.${path.basename(target)}.restoring-${process.pid}`);
  try {
    // A fresh clone has no data folder yet: restoring is how it gets its library.
    mkdirSync(path.dirname(target), { recursive: true });
    copyFileSync(source, staged);
    const knownMigrations = shippedMigrations(root);
    const report = inspectBackup({ file: staged, label: from, knownMigrations });

    // This process's own connection must not outlive the file it points at.
    await closeDb();
    let savedAs: string | null = null;
    if (existsSync(target)) {
      savedAs = `${target}.before-restore-${fileTimestamp(now)}`;
      await copyDatabase({ from: target, to: savedAs });
      checkpoint(target);
    }
    removeSidecars(target);
    renameSync(staged, target);
    return { savedAs, postmortems: report.postmortems, pendingMigrations: knownMigrations.filter((name) => !report.migrations.includes(name)) };
  } finally {
    rmSync(staged, { force: true });
    removeSidecars(staged);
  }
}

// Writes the log back into the old file, so that removing its -wal loses nothing even if the rename then fails.
function checkpoint(file: string): void {
  const db = new Database(file, { fileMustExist: true });
  try {
    db.pragma("wal_checkpoint(TRUNCATE)");
  } finally {
    db.close();
  }
}
