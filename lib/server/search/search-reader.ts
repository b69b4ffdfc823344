import "server-only";
import Database from "better-sqlite3";
import { rethrowDatabaseProblem } from "../database-errors";

/**
 * A read-only SQLite connection that searches read through: plain
 * better-sqlite3, synchronous, without Prisma (whose raw queries add about
 * 0.5 ms each and carried a common word's tens of thousands of ids as one
 * JSON text through its adapter). The same code runs on a search thread
 * (search-pool.ts) and, without threads, on the caller's (the CLI, tests).
 * It is opened read-only: nothing done through it can change the library.
 */
export type SearchReader = {
  /** The rows of a statement (prepared once per SQL text). */
  all<T>(sql: string, ...params: unknown[]): T[];
  /** The first row, or undefined. */
  get<T>(sql: string, ...params: unknown[]): T | undefined;
  /** Runs `work` in one read transaction: every statement in it sees the same state of the library. */
  read<T>(work: () => T): T;
  close(): void;
};

/** Statements kept prepared; SQL texts vary with the number of ids and filters, so the cache is bounded. */
const MAX_STATEMENTS = 200;

/** Opens `file` read-only (it must exist). Problems with the file come out as the AppErrors of database-errors.ts. */
export function openSearchReader(file: string, options: { busyTimeoutMs?: number } = {}): SearchReader {
  let connection: Database.Database;
  try {
    connection = new Database(file, { readonly: true, fileMustExist: true, timeout: options.busyTimeoutMs ?? 5_000 });
  } catch (error) {
    rethrowDatabaseProblem(error);
  }
  const statements = new Map<string, Database.Statement>();
  const prepare = (sql: string) => {
    let statement = statements.get(sql);
    if (!statement) {
      if (statements.size >= MAX_STATEMENTS) statements.clear();
      statement = connection.prepare(sql);
      statements.set(sql, statement);
    }
    return statement;
  };
  const guard = <T>(run: () => T): T => {
    try {
      return run();
    } catch (error) {
      rethrowDatabaseProblem(error);
    }
  };
  const inTransaction = connection.transaction((work: () => unknown) => work());
  return {
    all: <T>(sql: string, ...params: unknown[]) => guard(() => prepare(sql).all(...params) as T[]),
    get: <T>(sql: string, ...params: unknown[]) => guard(() => prepare(sql).get(...params) as T | undefined),
    read: <T>(work: () => T) => (connection.inTransaction ? work() : (guard(() => inTransaction(work)) as T)),
    close: () => connection.close(),
  };
}
