// A search thread of the pool (search-pool.ts starts them; Next's bundler
// builds this file as a worker entry). better-sqlite3 is synchronous: a
// common word's search holds a thread for tens of milliseconds, and here that
// thread is not the one answering the server's other requests. Each thread
// has its own read-only connection and its own facet cache.
import { parentPort, workerData } from "node:worker_threads";
import { getFacetCache, INDEX_MARK_COLUMNS, readMark } from "./facet-cache";
import { runSearch } from "./run-search";
import { toSearchFailure, type SearchMessage, type SearchReply, type SearchThreadData } from "./search-protocol";
import { openSearchReader, type SearchReader } from "./search-reader";

const data = workerData as SearchThreadData;
const port = parentPort!;
let reader: SearchReader | null = null;

function open(): SearchReader {
  reader ??= openSearchReader(data.file, { busyTimeoutMs: data.busyTimeoutMs });
  return reader;
}

port.on("message", (message: SearchMessage) => {
  let reply: SearchReply;
  try {
    reply = { id: message.id, answer: runSearch(open(), message.job) };
  } catch (error) {
    reply = { id: message.id, failure: toSearchFailure(error) };
  }
  port.postMessage(reply);
});

// Load the facet cache before the first search asks (a few hundred ms for 50,000 postmortems). A library
// that cannot be read yet (not migrated) is reported by the search that needs it, not here.
try {
  const warm = open();
  warm.read(() => getFacetCache(warm, readMark(warm.get<{ seq: unknown; deletions: unknown }>(`SELECT ${INDEX_MARK_COLUMNS}`)!)));
} catch {
  // Reported by the first search.
}
