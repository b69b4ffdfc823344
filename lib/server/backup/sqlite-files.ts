import "server-only";
import { rmSync } from "node:fs";
import { getConfig } from "../config";
import { databaseFile } from "../db";

/** The SQLite file the app uses (DATABASE_URL). */
export function currentDatabaseFile(): string {
  return databaseFile(getConfig().DATABASE_URL);
}

/** Removes a database's write-ahead log and shared-memory index: beside another file they would be read as its own. */
export function removeSidecars(file: string): void {
  for (const suffix of ["-wal", "-shm", "-journal"]) rmSync(`${file}${suffix}`, { force: true });
}

/** A time for file names: sortable, no colons (2026-11-23T23-15-02Z). */
export function fileTimestamp(now: Date): string {
  return now.toISOString().replace(/\.\d+Z$/, "Z").replace(/:/g, "-");
}
