import "server-only";
import type { SearchRequest, SearchResponse } from "@/lib/schemas/search";
import { requireRole } from "../auth/require-access";
import { hiddenPostmortemIds } from "../auth/visibility";
import { getDb } from "../db";
import { runSearchJob } from "./search-runner";

/**
 * Searches the library: the matches of the query (ranked by bm25 with field
 * weights, or newest first), filtered, counted by facet, one page of them
 * with highlighted snippets (run-search.ts).
 *
 * Who may see what is decided here, on the asker's thread, next to the
 * check of their role: the restricted postmortems they may not see (a few
 * ids, usually none) go with the search, which leaves them out of the
 * results, the total and every facet count, wherever it runs. In the server
 * it runs on a search thread (search-runner.ts), so a common word's tens of
 * milliseconds do not hold up the process's other requests; `timing` counts
 * from here to the answer, any wait for a free thread included.
 */
export async function searchPostmortems(request: SearchRequest): Promise<SearchResponse> {
  const actor = await requireRole("viewer");
  const started = performance.now();
  const db = await getDb();
  const hidden = await hiddenPostmortemIds(db, actor);
  const answer = await runSearchJob(db, { request, hidden });
  return { ...answer, timing: { totalMs: Math.round((performance.now() - started) * 10) / 10 } };
}
