import "server-only";
import { getConfig, isNextServer } from "../config";
import { databaseFile, type Db } from "../db";
import { log } from "../log";
import { runSearch, type SearchAnswer, type SearchJob } from "./run-search";
import { startSearchPool, type SearchPool } from "./search-pool";
import { openSearchReader, type SearchReader } from "./search-reader";

/**
 * Search threads per server process unless HINDSIGHT_SEARCH_THREADS says
 * otherwise: `npm start` runs one process per core (decision 019), so one
 * thread each is one per core; two each only made them compete for the same
 * cores (docs/search.md, decision 023).
 */
export const DEFAULT_SEARCH_THREADS = 1;

/**
 * How many search threads this process runs: HINDSIGHT_SEARCH_THREADS when
 * set (0: search on the caller's thread; validated with the other settings),
 * otherwise one in the server and none elsewhere (the CLI searches once and
 * exits; tests choose).
 */
export function searchThreadCount(): number {
  return getConfig().HINDSIGHT_SEARCH_THREADS ?? (isNextServer() ? DEFAULT_SEARCH_THREADS : 0);
}

// One reader per Prisma client, on globalThis like the client itself (db.ts): closeDb() and a new getDb() mean a new file may be there.
const state = globalThis as unknown as {
  hindsightSearchReaders?: WeakMap<Db, SearchReader>;
  hindsightSearchPool?: { db: Db; pool: SearchPool | null };
};
const readers = (state.hindsightSearchReaders ??= new WeakMap<Db, SearchReader>());

/** This thread's read-only connection to the database `db` is open on (for searches without threads, and related incidents). */
export function searchReaderFor(db: Db): SearchReader {
  let reader = readers.get(db);
  if (!reader) {
    const config = getConfig();
    reader = openSearchReader(databaseFile(config.DATABASE_URL), { busyTimeoutMs: config.HINDSIGHT_BUSY_TIMEOUT_MS });
    readers.set(db, reader);
  }
  return reader;
}

/** The pool for `db`'s file, started on first use; null when this process searches without threads. */
function poolFor(db: Db): SearchPool | null {
  const current = state.hindsightSearchPool;
  if (current?.db === db) return current.pool;
  void current?.pool?.close();
  const threads = searchThreadCount();
  const config = getConfig();
  const entry: { db: Db; pool: SearchPool | null } = { db, pool: null };
  if (threads > 0) {
    entry.pool = startSearchPool({
      file: databaseFile(config.DATABASE_URL),
      threads,
      busyTimeoutMs: config.HINDSIGHT_BUSY_TIMEOUT_MS,
      onBroken: (error) => {
        log.error("Search threads cannot start here; searching on the request's thread instead", { error });
        if (state.hindsightSearchPool === entry) entry.pool = null;
      },
    });
  }
  state.hindsightSearchPool = entry;
  return entry.pool;
}

/**
 * Runs a search where it belongs: on a search thread when this process has
 * them (the server), so that the event loop answers other requests
 * meanwhile; otherwise here. Both run the same code (run-search.ts) on a
 * read-only connection, and both are given the ids the asker may not see.
 */
export async function runSearchJob(db: Db, job: SearchJob): Promise<SearchAnswer> {
  const pool = poolFor(db);
  if (!pool) return runSearch(searchReaderFor(db), job);
  try {
    return await pool.search(job);
  } catch (error) {
    // The pool gave up on its threads while this search waited: search here rather than fail.
    if (state.hindsightSearchPool?.db === db && state.hindsightSearchPool.pool === null) return runSearch(searchReaderFor(db), job);
    throw error;
  }
}

/** How many search threads this process runs now (0: searches run on the caller's thread, or none has run yet). */
export function runningSearchThreads(): number {
  return state.hindsightSearchPool?.pool?.threads ?? 0;
}

/** Stops this process's search threads (tests; the next search starts them again). */
export async function stopSearchThreads(): Promise<void> {
  const current = state.hindsightSearchPool;
  state.hindsightSearchPool = undefined;
  await current?.pool?.close();
}
