import "server-only";
import Database from "better-sqlite3";
import { getConfig } from "./config";
import { databaseFile } from "./db";

export type RawConnection = Database.Database;

/**
 * A plain better-sqlite3 connection to the app's database, for bulk work only
 * (seeding thousands of postmortems): Prisma's raw queries cost about three
 * times SQLite's own time for multi-megabyte parameters. Everything else goes
 * through Prisma (getDb). Same pragmas as getDb.
 */
export function openRawConnection(): RawConnection {
  const config = getConfig();
  const connection = new Database(databaseFile(config.DATABASE_URL), { timeout: config.HINDSIGHT_BUSY_TIMEOUT_MS });
  connection.pragma("journal_mode = WAL");
  connection.pragma("synchronous = NORMAL");
  connection.pragma("foreign_keys = ON");
  return connection;
}
