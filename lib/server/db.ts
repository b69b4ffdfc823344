import "server-only";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { PrismaClient } from "./generated/prisma/client";
import { getConfig } from "./config";
import { rethrowDatabaseProblem } from "./database-errors";

export type Db = PrismaClient;

/** The SQLite file behind a `file:` URL, resolved against the working directory. */
export function databaseFile(url: string): string {
  return path.resolve(url.replace(/^file:/, "").replace(/\?.*$/, ""));
}

/** Opens a Prisma client on a SQLite file with the pragmas Hindsight relies on. */
export async function openDb(url: string, busyTimeoutMs: number): Promise<Db> {
  const file = databaseFile(url);
  mkdirSync(path.dirname(file), { recursive: true });
  const adapter = new PrismaBetterSQLite3({ url: `file:${file}`, timeout: busyTimeoutMs });
  const db = withDatabaseProblems(new PrismaClient({ adapter }));
  try {
    // WAL lets readers and one writer work at once; NORMAL sync is safe in WAL
    // (no corruption on crash); the busy timeout makes writers queue, not fail.
    await db.$queryRawUnsafe("PRAGMA journal_mode = WAL");
    await db.$executeRawUnsafe("PRAGMA synchronous = NORMAL");
    await db.$executeRawUnsafe(`PRAGMA busy_timeout = ${Math.trunc(busyTimeoutMs)}`);
    await db.$executeRawUnsafe("PRAGMA foreign_keys = ON");
  } catch (error) {
    await db.$disconnect();
    rethrowDatabaseProblem(error);
  }
  return db;
}

/**
 * Every query, in or out of a transaction, turns a problem with the file
 * (locked, full, not migrated…) into its AppError (database-errors.ts), so
 * API routes answer 503 with the reason and pages can show it. The extension
 * changes no types, hence the cast back to PrismaClient.
 */
function withDatabaseProblems(client: PrismaClient): Db {
  return client.$extends({
    query: {
      async $allOperations({ args, query }) {
        try {
          return await query(args);
        } catch (error) {
          rethrowDatabaseProblem(error);
        }
      },
    },
  }) as unknown as Db;
}

const globalForDb = globalThis as unknown as { hindsightDb?: Promise<Db> };

/** The process-wide client, opened once (and kept across hot reloads in dev). */
export function getDb(): Promise<Db> {
  if (!globalForDb.hindsightDb) {
    const config = getConfig();
    globalForDb.hindsightDb = openDb(config.DATABASE_URL, config.HINDSIGHT_BUSY_TIMEOUT_MS);
    globalForDb.hindsightDb.catch(() => {
      globalForDb.hindsightDb = undefined;
    });
  }
  return globalForDb.hindsightDb;
}

/** Closes the process-wide client (the next getDb opens a new one), e.g. before a migration runs. */
export async function closeDb(): Promise<void> {
  const pending = globalForDb.hindsightDb;
  globalForDb.hindsightDb = undefined;
  if (pending) await (await pending).$disconnect();
}
