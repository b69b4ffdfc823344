import "server-only";
import { AppError, UNAVAILABLE_DIGEST_PREFIX } from "@/lib/domain/errors";

/**
 * The one place that recognises what went wrong with the SQLite file itself
 * (locked, full, read-only, damaged, never migrated) and words it for people.
 * Prisma and the better-sqlite3 adapter report these several ways (a Prisma
 * code such as P2021, the adapter's kind such as TableDoesNotExist, SQLite's
 * own code or message), so each problem lists every form it arrives in.
 */
const PROBLEMS: { reason: string; pattern: RegExp; message: string }[] = [
  {
    reason: "busy",
    pattern: /SQLITE_BUSY|SQLITE_LOCKED|database is locked|database table is locked|SocketTimeout|\bP1008\b|\bP2034\b/,
    message: "The database is busy with another write and did not free up in time. Nothing was saved; try again in a moment.",
  },
  {
    reason: "full",
    pattern: /SQLITE_FULL|database or disk is full/,
    message: "The database's disk is full. Nothing was saved; free some space on the server and try again.",
  },
  {
    reason: "read-only",
    pattern: /SQLITE_READONLY|readonly database/,
    message: "The database file is read-only, so nothing can be saved. Check the file's permissions on the server.",
  },
  {
    reason: "damaged",
    pattern: /SQLITE_CORRUPT|SQLITE_NOTADB|database disk image is malformed|file is not a database/,
    message: "The database file is damaged or is not a Hindsight database. Check DATABASE_URL, or restore the file from a backup.",
  },
  {
    reason: "not-migrated",
    pattern: /no such table|no such column|has no column named|TableDoesNotExist|ColumnNotFound|\bP2021\b|\bP2022\b/,
    message: "The database is not migrated: run `npm run db:migrate` on the server (npm start does it), then reload.",
  },
  {
    reason: "cannot-open",
    pattern: /SQLITE_CANTOPEN|unable to open database file/,
    message: "The database file cannot be opened. Check DATABASE_URL and that its folder exists and is writable.",
  },
];

/** Every code, kind and message in an error, its causes and Prisma's meta, as one string to match. */
function describe(error: unknown, depth = 0): string {
  if (depth > 4 || error === null || typeof error !== "object") return typeof error === "string" ? error : "";
  const { code, kind, originalCode, originalMessage, message, cause, meta } = error as Record<string, unknown>;
  const own = [code, kind, originalCode, originalMessage, message].filter((part) => typeof part === "string").join(" ");
  return [own, describe(cause, depth + 1), meta ? JSON.stringify(meta) : ""].join(" ");
}

/**
 * The AppError (UNAVAILABLE, HTTP 503) for a database problem, or undefined
 * when `error` is something else. The error carries a digest so that a page
 * that fails on it can say what happened instead of "something went wrong".
 */
export function databaseProblem(error: unknown): AppError | undefined {
  if (error instanceof AppError) return undefined;
  const text = describe(error);
  const problem = PROBLEMS.find((candidate) => candidate.pattern.test(text));
  if (!problem) return undefined;
  const appError = new AppError("UNAVAILABLE", problem.message, { details: { reason: problem.reason } });
  Object.assign(appError, { digest: `${UNAVAILABLE_DIGEST_PREFIX}${problem.message}`, cause: error });
  return appError;
}

/** Rethrows a database problem as its AppError, anything else as it is. */
export function rethrowDatabaseProblem(error: unknown): never {
  throw databaseProblem(error) ?? error;
}
