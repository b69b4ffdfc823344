import "server-only";
import { applyFilters, byDateDescending, byUpdateDescending, decodeFacets, type FacetRecord, type LabelDictionary, type SearchFilters } from "@/lib/domain/search/facets";
import { SEARCH_FIELDS } from "@/lib/domain/search/fields";
import { chooseSnippet, parseMarkedText } from "@/lib/domain/search/snippet";
import { firstK } from "@/lib/domain/search/top";
import type { SearchRequest, SearchResponse, SearchResult } from "@/lib/schemas/search";
import { log } from "../log";
import { compileQuery } from "./compile-query";
import { getFacetCache, INDEX_MARK_COLUMNS, readMark, type IndexMark } from "./facet-cache";
import { filterConditions } from "./filter-sql";
import type { SearchReader } from "./search-reader";
import { BM25 } from "./sql";

/** A search to run: what was asked, and the restricted postmortems the asker may not see (their ids; usually none). */
export type SearchJob = { request: SearchRequest; hidden: number[] };

/** A search's answer, but for the timing (the caller measures it, waiting for a thread included). */
export type SearchAnswer = Omit<SearchResponse, "timing">;

/** Words of the snippet around the matches. */
const SNIPPET_TOKENS = 16;

/**
 * The search itself, on one reader, in one read transaction (every
 * statement sees the same library): the matches of the query (ranked by
 * bm25 with field weights, or newest first), filtered, counted by facet, one
 * page of them with highlighted snippets. Synchronous: it runs on a search
 * thread (search-pool.ts), or on the caller's when there are none.
 *
 * Best first (words): FTS5 ranks and stops after the page, the filters
 * checked in SQL on each row on its way out, snippets computed for the page
 * alone — the bare FTS5 query's plan. A second statement lists every match's
 * id (cheap: no ranking) for the total and the facet counts, which are
 * counted in memory in one pass. Newest first: the ids are filtered and
 * ordered in memory, and the page is looked up by id.
 *
 * `job.hidden` (restricted postmortems the asker may not see) are left out of
 * the results, the total and every facet count; with none hidden, the
 * statements are the same as without restrictions.
 */
export function runSearch(reader: SearchReader, job: SearchJob): SearchAnswer {
  return reader.read(() => search(reader, job));
}

function search(reader: SearchReader, { request, hidden }: SearchJob): SearchAnswer {
  const hiddenSet = hidden.length ? new Set(hidden) : null;
  const { match, excludeOnly } = compileQuery(reader, request.q);
  const isRanked = match !== null && request.sort === "relevance";
  const offset = (request.page - 1) * request.perPage;

  let rankedRows: PageRow[] | null = null;
  if (match && isRanked) {
    rankedRows = guarded(match, () => findRankedPage(reader, { match, filters: request.filters, hidden, offset, limit: request.perPage })) ?? [];
  }
  const found = findMatches(reader, { match, excludeOnly });
  const cache = getFacetCache(reader, found.mark);
  const skip = found.excluded && hiddenSet ? new Set([...found.excluded, ...hiddenSet]) : (found.excluded ?? hiddenSet);
  const { passing, total, counts } = applyFilters(cache.records, request.filters, cache.labels, { ids: found.ids, skip, keepPassing: !rankedRows });

  let results: SearchResult[];
  if (rankedRows) {
    results = toResults(rankedRows, (id) => cache.records[id], match, cache.labels);
  } else {
    const order = request.sort === "updated" ? byUpdateDescending : byDateDescending;
    const page = firstK(passing, offset + request.perPage, order).slice(offset);
    const rows = new Map(loadPage(reader, page.map((record) => record.id), match).map((row) => [Number(row.id), row]));
    const records = new Map(page.map((record) => [record.id, record]));
    results = toResults(
      page.flatMap((record) => rows.get(record.id) ?? []),
      (id) => records.get(id),
      match,
      cache.labels,
    );
  }
  return { request, total, totalPages: Math.max(1, Math.ceil(total / request.perPage)), results, facets: counts };
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
function guarded<T>(expression: string, run: () => T): T | null {
  try {
    return run();
  } catch (error) {
    const messages = [error, (error as { cause?: unknown } | null)?.cause].map((part) => String((part as Error | undefined)?.message ?? "")).join(" ");
    if (!/fts5|syntax|unterminated|no such column/i.test(messages)) throw error;
    log.warn("Search expression refused by FTS5", { expression, error });
    return null;
  }
}

/** Every match's id packed into one row, with the index's high-water mark. No ranking: a doclist scan. */
function findMatches(reader: SearchReader, options: { match: string | null; excludeOnly: string | null }): Matches {
  const { match, excludeOnly } = options;
  const expression = match ?? excludeOnly;
  const markOnly = () => readMark(reader.get<{ seq: unknown; deletions: unknown }>(`SELECT ${INDEX_MARK_COLUMNS}`)!);
  if (expression === null) return { mark: markOnly(), ids: null, excluded: null };
  const row = guarded(expression, () =>
    reader.get<{ ids: string; seq: unknown; deletions: unknown }>(
      `SELECT json_group_array("rowid") AS "ids", ${INDEX_MARK_COLUMNS} FROM "SearchIndex" WHERE "SearchIndex" MATCH ?`,
      expression,
    ),
  );
  if (!row) return { mark: markOnly(), ids: match ? [] : null, excluded: match ? null : new Set() };
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
 * One page of the best matches that pass the filters, with snippets: FTS5
 * ranks internally and hands rows over best first (the plan is the bare
 * query's, `SCAN SearchIndex VIRTUAL TABLE INDEX …r…`, no temporary b-tree),
 * CROSS JOIN keeps it the outer loop, so the filters are checked on each row
 * on its way out and the scan stops once the page is full.
 */
function findRankedPage(
  reader: SearchReader,
  options: { match: string; filters: SearchFilters; hidden: readonly number[]; offset: number; limit: number },
): PageRow[] {
  const filter = filterConditions(options.filters, options.hidden);
  return reader.all<PageRow>(
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
function loadPage(reader: SearchReader, ids: number[], match: string | null): PageRow[] {
  if (ids.length === 0) return [];
  const placeholders = ids.map(() => "?").join(", ");
  if (!match) {
    return reader.all<PageRow>(
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
    guarded(match, () =>
      reader.all<PageRow>(
        `SELECT p."id", p."slug", p."title", d."summary", highlight("SearchIndex", 0, char(2), char(3)) AS "titleMarked", ${snippetColumns}
         FROM "SearchIndex" JOIN "Postmortem" p ON p."id" = "SearchIndex"."rowid" CROSS JOIN "SearchDocument" d ON d."id" = p."id"
         WHERE "SearchIndex" MATCH ? ${rowidFilter}`,
        match,
        ...ids,
      ),
    ) ?? []
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
