import "server-only";
import { requireRole } from "../auth/require-access";
import { hiddenPostmortemIds } from "../auth/visibility";
import {
  applyFilters,
  byDateDescending,
  byUpdateDescending,
  decodeFacets,
  type FacetRecord,
  type LabelDictionary,
  type SearchFilters,
} from "@/lib/domain/search/facets";
import { SEARCH_FIELDS } from "@/lib/domain/search/search-document";
import { chooseSnippet, parseMarkedText } from "@/lib/domain/search/snippet";
import { firstK } from "@/lib/domain/search/top";
import type { SearchRequest, SearchResponse, SearchResult } from "@/lib/schemas/search";
import { getDb, type Db } from "../db";
import { log } from "../log";
import { getFacetCache, INDEX_MARK_COLUMNS, readMark, type IndexMark } from "./facet-cache";
import { compileQuery } from "./compile-query";
import { BM25 } from "./sql";

/** Words of the snippet around the matches. */
const SNIPPET_TOKENS = 16;

/**
 * Searches the library: the matches of the query (ranked by bm25 with field
 * weights, or newest first), filtered, counted by facet, one page of them
 * with highlighted snippets.
 *
 * Best first (words): FTS5 ranks and stops after the page, the filters
 * checked in SQL on each row on its way out, snippets computed for the page
 * alone — the bare FTS5 query's plan. A second statement lists every match's
 * id (cheap: no ranking) for the total and the facet counts, which are
 * counted in memory. Newest first: the ids are filtered and ordered in
 * memory, and the page is looked up by id.
 *
 * Restricted postmortems the actor may not see (a few ids, usually none)
 * are left out of the results, the total and every facet count; with none
 * hidden, the statements are the same as without restrictions.
 */
export async function searchPostmortems(request: SearchRequest): Promise<SearchResponse> {
  const actor = await requireRole("viewer");
  const started = performance.now();
  const db = await getDb();
  const hidden = await hiddenPostmortemIds(db, actor);
  const hiddenSet = hidden.length ? new Set(hidden) : null;
  const { match, excludeOnly } = await compileQuery(db, request.q);
  const isRanked = match !== null && request.sort === "relevance";
  const offset = (request.page - 1) * request.perPage;

  let rankedRows: PageRow[] | null = null;
  if (match && isRanked) {
    rankedRows = (await guarded(match, () => findRankedPage(db, { match, filters: request.filters, hidden, offset, limit: request.perPage }))) ?? [];
  }
  const found = await findMatches(db, { match, excludeOnly });
  const cache = await getFacetCache(db, found.mark);
  const candidates: FacetRecord[] = [];
  if (found.ids) {
    for (const id of found.ids) {
      const record = cache.records[id];
      if (record && !hiddenSet?.has(id)) candidates.push(record);
    }
  } else {
    for (const record of cache.records) if (record && !found.excluded?.has(record.id) && !hiddenSet?.has(record.id)) candidates.push(record);
  }
  const { passing, counts } = applyFilters(candidates, request.filters, cache.labels);

  let results: SearchResult[];
  if (rankedRows) {
    results = toResults(rankedRows, (id) => cache.records[id], match, cache.labels);
  } else {
    const order = request.sort === "updated" ? byUpdateDescending : byDateDescending;
    const page = firstK(passing, offset + request.perPage, order).slice(offset);
    const rows = new Map((await loadPage(db, page.map((record) => record.id), match)).map((row) => [Number(row.id), row]));
    const records = new Map(page.map((record) => [record.id, record]));
    results = toResults(
      page.flatMap((record) => rows.get(record.id) ?? []),
      (id) => records.get(id),
      match,
      cache.labels,
    );
  }

  return {
    request,
    total: passing.length,
    totalPages: Math.max(1, Math.ceil(passing.length / request.perPage)),
    results,
    facets: counts,
    timing: { totalMs: Math.round((performance.now() - started) * 10) / 10 },
  };
}

type Matches = {
  mark: IndexMark;
  /** Ids of the matches, or null when the query has no words (everything matches). */
  ids: number[] | null;
  /** Ids to leave out, for a query that only excludes (`-word`). */
  excluded: Set<number> | null;
};

/**
 * Runs an FTS5 statement. The query builder never produces invalid FTS5
 * syntax (property-tested); should it ever, the search answers "no
 * matches" and logs it, rather than failing.
 */
async function guarded<T>(expression: string, run: () => Promise<T>): Promise<T | null> {
  try {
    return await run();
  } catch (error) {
    if (!/fts5|syntax|unterminated|no such column/i.test(String((error as Error).message))) throw error;
    log.warn("Search expression refused by FTS5", { expression, error });
    return null;
  }
}

/** Every match's id packed into one row, with the index's high-water mark. No ranking: a doclist scan. */
async function findMatches(db: Db, options: { match: string | null; excludeOnly: string | null }): Promise<Matches> {
  const { match, excludeOnly } = options;
  const expression = match ?? excludeOnly;
  const markOnly = async () => readMark((await db.$queryRawUnsafe<{ seq: unknown; deletions: unknown }[]>(`SELECT ${INDEX_MARK_COLUMNS}`))[0]);
  if (expression === null) return { mark: await markOnly(), ids: null, excluded: null };
  const row = await guarded(expression, async () => {
    const [found] = await db.$queryRawUnsafe<{ ids: string; seq: unknown; deletions: unknown }[]>(
      `SELECT json_group_array("rowid") AS "ids", ${INDEX_MARK_COLUMNS} FROM "SearchIndex" WHERE "SearchIndex" MATCH ?`,
      expression,
    );
    return found;
  });
  if (!row) return { mark: await markOnly(), ids: match ? [] : null, excluded: match ? null : new Set() };
  const list = JSON.parse(row.ids) as number[];
  return match ? { mark: readMark(row), ids: list, excluded: null } : { mark: readMark(row), ids: null, excluded: new Set(list) };
}

/**
 * The fields a snippet can come from: all but the title (shown highlighted
 * anyway) and services/tags/authors (shown as chips; a list of names makes
 * a poor snippet — when only they match, the summary is shown instead).
 */
const SNIPPET_FIELDS = SEARCH_FIELDS.filter((field) => field !== "title" && field !== "labels");
const snippetColumns = SNIPPET_FIELDS.map(
  (field) => `snippet("SearchIndex", ${SEARCH_FIELDS.indexOf(field)}, char(2), char(3), '…', ${SNIPPET_TOKENS}) AS "snippet_${field}"`,
).join(", ");

type PageRow = { id: unknown; slug: string; title: string; summary: string; titleMarked?: string | null } & Record<string, unknown>;

/**
 * The filters as SQL over the search document `d`, with the same meaning as
 * applyFilters in memory (a data-access test holds the two together).
 */
function filterConditions(filters: SearchFilters, hidden: readonly number[] = []): { sql: string; params: unknown[] } {
  const conditions: string[] = [];
  const params: unknown[] = [];
  const list = (values: readonly unknown[]) => {
    params.push(...values);
    return values.map(() => "?").join(", ");
  };
  const anyOf = (column: string, values: readonly string[]) => `EXISTS (SELECT 1 FROM json_each(d."${column}") WHERE "value" IN (${list(values)}))`;
  conditions.push(filters.status.length ? `d."status" IN (${list(filters.status)})` : `d."status" <> 'archived'`);
  if (filters.severity.length) {
    const named = filters.severity.filter((value) => value !== "none");
    const either = [...(named.length ? [`d."severity" IN (${list(named)})`] : []), ...(filters.severity.includes("none") ? [`d."severity" IS NULL`] : [])];
    conditions.push(`(${either.join(" OR ")})`);
  }
  if (filters.service.length) conditions.push(anyOf("services", filters.service));
  if (filters.tag.length) conditions.push(anyOf("tags", filters.tag));
  if (filters.factor.length) conditions.push(anyOf("factorCategories", filters.factor));
  if (filters.action.length) {
    const named = filters.action.filter((value) => value !== "none");
    const either = [...(named.length ? [anyOf("actionStatuses", named)] : []), ...(filters.action.includes("none") ? [`d."actionStatuses" = '[]'`] : [])];
    conditions.push(`(${either.join(" OR ")})`);
  }
  if (filters.from) conditions.push(`d."day" >= ${list([filters.from])}`);
  if (filters.to) conditions.push(`d."day" <= ${list([filters.to])}`);
  // One parameter however many: json_each's ids become a small temporary index, probed per row.
  if (hidden.length) conditions.push(`d."id" NOT IN (SELECT "value" FROM json_each(${list([JSON.stringify(hidden)])}))`);
  return { sql: conditions.join(" AND "), params };
}

/**
 * One page of the best matches that pass the filters, with snippets: FTS5
 * ranks internally and hands rows over best first (the plan is the bare
 * query's, `SCAN SearchIndex VIRTUAL TABLE INDEX …r…`, no temporary b-tree),
 * CROSS JOIN keeps it the outer loop, so the filters are checked on each row
 * on its way out and the scan stops once the page is full.
 */
async function findRankedPage(
  db: Db,
  options: { match: string; filters: SearchFilters; hidden: readonly number[]; offset: number; limit: number },
): Promise<PageRow[]> {
  const filter = filterConditions(options.filters, options.hidden);
  return db.$queryRawUnsafe<PageRow[]>(
    `SELECT "SearchIndex"."rowid" AS "id", p."slug", p."title", d."summary",
            highlight("SearchIndex", 0, char(2), char(3)) AS "titleMarked", ${snippetColumns}
     FROM "SearchIndex"
       CROSS JOIN "SearchDocument" d ON d."id" = "SearchIndex"."rowid"
       CROSS JOIN "Postmortem" p ON p."id" = "SearchIndex"."rowid"
     WHERE "SearchIndex" MATCH ? AND "SearchIndex"."rank" MATCH '${BM25}' AND ${filter.sql}
     ORDER BY "SearchIndex"."rank" LIMIT ? OFFSET ?`,
    options.match,
    ...filter.params,
    options.limit,
    options.offset,
  );
}

/**
 * The rows of the postmortems with these ids, with the title and each field
 * highlighted when there are words. The summary is the search document's
 * (plain text, written at save time), never the stored Markdown.
 */
async function loadPage(db: Db, ids: number[], match: string | null): Promise<PageRow[]> {
  if (ids.length === 0) return [];
  const placeholders = ids.map(() => "?").join(", ");
  if (!match) {
    return db.$queryRawUnsafe<PageRow[]>(
      `SELECT p."id", p."slug", p."title", d."summary" FROM "Postmortem" p JOIN "SearchDocument" d ON d."id" = p."id" WHERE p."id" IN (${placeholders})`,
      ...ids,
    );
  }
  // A prefix query (`"conf"*`) would expand its terms again for every id looked up one by one; with a
  // rowid range (and the id list only as a filter, `+rowid`), FTS5 expands them once and scans the range.
  const rowidFilter = match.includes("*")
    ? `AND "SearchIndex"."rowid" BETWEEN ${Math.min(...ids)} AND ${Math.max(...ids)} AND +"SearchIndex"."rowid" IN (${placeholders})`
    : `AND "SearchIndex"."rowid" IN (${placeholders})`;
  return (
    (await guarded(match, () =>
      db.$queryRawUnsafe<PageRow[]>(
        `SELECT p."id", p."slug", p."title", d."summary", highlight("SearchIndex", 0, char(2), char(3)) AS "titleMarked", ${snippetColumns}
         FROM "SearchIndex" JOIN "Postmortem" p ON p."id" = "SearchIndex"."rowid" CROSS JOIN "SearchDocument" d ON d."id" = p."id"
         WHERE "SearchIndex" MATCH ? ${rowidFilter}`,
        match,
        ...ids,
      ),
    )) ?? []
  );
}

/** Result rows in the order given, with their facet values; rows whose record is unknown (written a moment ago elsewhere) are left out. */
function toResults(rows: PageRow[], recordOf: (id: number) => FacetRecord | undefined, match: string | null, labels: LabelDictionary): SearchResult[] {
  return rows.flatMap((row) => {
    const record = recordOf(Number(row.id));
    if (!record) return [];
    const snippet = match
      ? chooseSnippet(SNIPPET_FIELDS.map((field) => ({ field, marked: (row[`snippet_${field}`] as string | null) ?? null })))
      : null;
    return [
      {
        slug: row.slug,
        title: row.title,
        titleParts: titlePartsOf(row),
        ...decodeFacets(record, labels),
        date: record.day,
        snippet,
        summary: row.summary,
      },
    ];
  });
}

/** The highlighted title; the plain title when the index holds it differently (Markdown punctuation removed). */
function titlePartsOf(row: PageRow) {
  const parts = row.titleMarked ? parseMarkedText(row.titleMarked) : [];
  return parts.map((part) => part.text).join("") === row.title ? parts : [{ text: row.title, isMatch: false }];
}
