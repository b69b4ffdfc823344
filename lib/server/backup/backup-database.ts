import "server-only";
import Database from "better-sqlite3";
import { existsSync, renameSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { AppError } from "@/lib/domain/errors";
import { getConfig } from "../config";
import { currentDatabaseFile, removeSidecars } from "./sqlite-files";

export type BackupResult = { file: string; bytes: number; postmortems: number };

/**
 * Copies a SQLite database into `to` with SQLite's online backup API: a
 * consistent copy while servers keep reading and writing (WAL). The copy is
 * written beside `to` and renamed into place, so `to` is never half written.
 */
export async function copyDatabase({ from, to }: { from: string; to: string }): Promise<void> {
  const source = new Database(from, { fileMustExist: true, timeout: getConfig().HINDSIGHT_BUSY_TIMEOUT_MS });
  const partial = `${to}.partial-${process.pid}`;
  try {
    await source.backup(partial, {
      // After the first step, copy everything left in one step: a write from
      // another connection between steps restarts the copy, so small steps
      // under steady writes could restart for ever. In WAL one long read
      // blocks no writer.
      progress: () => 0x7fffffff,
    });
    asSingleFile(partial);
    renameSync(partial, to);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  } finally {
    source.close();
    removeSidecars(partial);
  }
}

/** `hindsight backup FILE`: the app's database into FILE (refused if FILE exists, unless `force`), with its size and postmortem count. */
export async function backupDatabase({ to, force = false }: { to: string; force?: boolean }): Promise<BackupResult> {
  const from = currentDatabaseFile();
  const target = path.resolve(to);
  if (!existsSync(from)) throw new AppError("NOT_FOUND", `There is no database to back up at ${from}.`);
  if (target === from) throw new AppError("BAD_REQUEST", "The backup cannot be the database itself: choose another file.");
  if (existsSync(target) && statSync(target).isDirectory()) throw new AppError("BAD_REQUEST", `${to} is a folder: give a file name for the backup.`);
  if (existsSync(target) && !force) throw new AppError("CONFLICT", `${to} already exists: choose another name, or add --force to replace it.`);
  if (!existsSync(path.dirname(target))) throw new AppError("BAD_REQUEST", `Cannot write ${to}: the folder ${path.dirname(target)} does not exist.`);
  await copyDatabase({ from, to: target });
  return { file: target, bytes: statSync(target).size, postmortems: countPostmortems(target) };
}

// The copy keeps the source's WAL mode, and a WAL file opened read-only
// (by restore's check, or anyone's) leaves -wal and -shm files beside it. A
// backup is one file: rollback journal mode. The app turns WAL back on when it opens it.
function asSingleFile(file: string): void {
  const db = new Database(file, { fileMustExist: true });
  try {
    db.pragma("journal_mode = DELETE");
  } finally {
    db.close();
  }
}

/** Postmortems in a database file (archived ones included), read without changing it. */
export function countPostmortems(file: string): number {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM "Postmortem"').get() as { n: number }).n;
  } finally {
    db.close();
  }
}
