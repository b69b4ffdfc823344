import "server-only";
import { porterStem } from "@/lib/domain/search/porter";
import { applyFilters, byDateDescending, decodeFacets, type FacetRecord, type LabelDictionary } from "@/lib/domain/search/facets";
import { matchExpressions, parseQuery, prefixWordsOf } from "@/lib/domain/search/query";
import { SEARCH_FIELDS } from "@/lib/domain/search/search-document";
import { chooseSnippet, parseMarkedText } from "@/lib/domain/search/snippet";
import { firstK } from "@/lib/domain/search/top";
import type { SearchRequest, SearchResponse, SearchResult } from "@/lib/schemas/search";
import { getDb, type Db } from "../db";
import { log } from "../log";
import { getFacetCache, INDEX_MARK_COLUMNS, readMark, type IndexMark } from "./facet-cache";
import { BM25 } from "./sql";

/** How many words a half-typed word may stand for, besides the stems that start with it. */
const MAX_COMPLETIONS = 16;
/** Completions are looked up from this length on; shorter prefixes are whole stems' beginnings anyway. */
const MIN_COMPLETED_PREFIX = 4;
/** Words of the snippet around the matches. */
const SNIPPET_TOKENS = 16;

/**
 * Searches the library: the matches of the query (ranked by bm25 with field
 * weights, or newest first), filtered, counted by facet, one page of them
 * with highlighted snippets. Two queries in the common case: every match's id
 * (and rank) in one row, then the page with its snippets.
 */
export async function searchPostmortems(request: SearchRequest): Promise<SearchResponse> {
  const started = performance.now();
  const db = await getDb();
  const parsed = parseQuery(request.q);
  const completions = await findCompletions(db, prefixWordsOf(parsed));
  const { match, excludeOnly } = matchExpressions(parsed, completions);
  const isRanked = match !== null && request.sort === "relevance";

  const found = await findMatches(db, { match, excludeOnly, isRanked });
  const cache = await getFacetCache(db, found.mark);
  const candidates: FacetRecord[] = [];
  if (found.ids) {
    for (const id of found.ids) {
      const record = cache.records[id];
      if (record) candidates.push(record);
    }
  } else {
    for (const record of cache.records) if (record && !found.excluded?.has(record.id)) candidates.push(record);
  }
  const { passing, counts } = applyFilters(candidates, request.filters, cache.labels);

  const offset = (request.page - 1) * request.perPage;
  const ranks = found.ranks;
  const order = ranks
    ? (a: FacetRecord, b: FacetRecord) => (ranks.get(a.id) ?? 0) - (ranks.get(b.id) ?? 0) || b.id - a.id
    : byDateDescending;
  const page = firstK(passing, offset + request.perPage, order).slice(offset);
  const results = await loadPage(db, page, match, cache.labels);

  return {
    request,
    total: passing.length,
    totalPages: Math.max(1, Math.ceil(passing.length / request.perPage)),
    results,
    facets: counts,
    timing: { totalMs: Math.round((performance.now() - started) * 10) / 10 },
  };
}

/**
 * Whole words that start with each half-typed word but whose stems do not
 * ("configura" → "configuration", stem "configur"): the FTS5 prefix query
 * alone, over stems, would miss them.
 */
async function findCompletions(db: Db, prefixes: string[]): Promise<Map<string, string[]>> {
  const completions = new Map<string, string[]>();
  for (const prefix of prefixes) {
    if (prefix.length < MIN_COMPLETED_PREFIX) continue;
    const [row] = await db.$queryRawUnsafe<{ words: string | null }[]>(
      `SELECT json_group_array("word") AS "words" FROM (SELECT "word" FROM "SearchWord" WHERE "word" >= ? AND "word" < ? LIMIT 500)`,
      prefix,
      `${prefix}\u{10FFFF}`,
    );
    const stem = porterStem(prefix);
    const words = (JSON.parse(row?.words ?? "[]") as string[])
      .filter((word) => !porterStem(word).startsWith(stem))
      .sort((a, b) => a.length - b.length || (a < b ? -1 : 1))
      .slice(0, MAX_COMPLETIONS);
    if (words.length) completions.set(prefix, words);
  }
  return completions;
}

type Matches = {
  mark: IndexMark;
  /** Ids of the matches, or null when the query has no words (everything matches). */
  ids: number[] | null;
  ranks: Map<number, number> | null;
  /** Ids to leave out, for a query that only excludes (`-word`). */
  excluded: Set<number> | null;
};

/** Every match's id (and bm25 rank when ranking) packed into one row, with the index's high-water mark. */
async function findMatches(db: Db, options: { match: string | null; excludeOnly: string | null; isRanked: boolean }): Promise<Matches> {
  const { match, excludeOnly, isRanked } = options;
  const expression = match ?? excludeOnly;
  if (expression === null) {
    const [row] = await db.$queryRawUnsafe<{ seq: unknown; deletions: unknown }[]>(`SELECT ${INDEX_MARK_COLUMNS}`);
    return { mark: readMark(row), ids: null, ranks: null, excluded: null };
  }
  const rankColumn = isRanked ? `, json_group_array("rank") AS "ranks"` : "";
  const rankFilter = isRanked ? `AND "rank" MATCH '${BM25}'` : "";
  let row: { ids: string; ranks?: string; seq: unknown; deletions: unknown };
  try {
    [row] = await db.$queryRawUnsafe<(typeof row)[]>(
      `SELECT json_group_array("rowid") AS "ids"${rankColumn}, ${INDEX_MARK_COLUMNS}
       FROM "SearchIndex" WHERE "SearchIndex" MATCH ? ${rankFilter}`,
      expression,
    );
  } catch (error) {
    // The query builder never produces invalid FTS5 syntax (property-tested); should it ever, answer "no matches", not a 500.
    if (!/fts5|syntax|unterminated|no such column/i.test(String((error as Error).message))) throw error;
    log.warn("Search expression refused by FTS5", { expression, error });
    const [mark] = await db.$queryRawUnsafe<{ seq: unknown; deletions: unknown }[]>(`SELECT ${INDEX_MARK_COLUMNS}`);
    return { mark: readMark(mark), ids: match ? [] : null, ranks: null, excluded: match ? null : new Set() };
  }
  const ids = JSON.parse(row.ids) as number[];
  if (match === null) return { mark: readMark(row), ids: null, ranks: null, excluded: new Set(ids) };
  let ranks: Map<number, number> | null = null;
  if (row.ranks) {
    const values = JSON.parse(row.ranks) as number[];
    ranks = new Map(ids.map((id, i) => [id, values[i]]));
  }
  return { mark: readMark(row), ids, ranks, excluded: null };
}

type PageRow = { id: unknown; slug: string; title: string; summary: string; titleMarked?: string | null } & Record<string, unknown>;

/** The page's postmortems in order, with the title and the best field highlighted. */
async function loadPage(db: Db, page: FacetRecord[], match: string | null, labels: LabelDictionary): Promise<SearchResult[]> {
  if (page.length === 0) return [];
  const ids = page.map((record) => record.id);
  const placeholders = ids.map(() => "?").join(", ");
  let rows: PageRow[];
  if (match) {
    const snippets = SEARCH_FIELDS.slice(1)
      .map((field, i) => `snippet("SearchIndex", ${i + 1}, char(2), char(3), '…', ${SNIPPET_TOKENS}) AS "snippet_${field}"`)
      .join(", ");
    // A prefix query (`"conf"*`) would expand its terms again for every id looked up one by one; with a
    // rowid range (and the id list only as a filter, `+rowid`), FTS5 expands them once and scans the range.
    const [low, high] = [Math.min(...ids), Math.max(...ids)];
    const rowidFilter = match.includes("*")
      ? `AND "SearchIndex"."rowid" BETWEEN ${low} AND ${high} AND +"SearchIndex"."rowid" IN (${placeholders})`
      : `AND "SearchIndex"."rowid" IN (${placeholders})`;
    rows = await db.$queryRawUnsafe<PageRow[]>(
      `SELECT p."id", p."slug", p."title", p."summary", highlight("SearchIndex", 0, char(2), char(3)) AS "titleMarked", ${snippets}
       FROM "SearchIndex" JOIN "Postmortem" p ON p."id" = "SearchIndex"."rowid"
       WHERE "SearchIndex" MATCH ? ${rowidFilter}`,
      match,
      ...ids,
    );
  } else {
    rows = await db.$queryRawUnsafe<PageRow[]>(
      `SELECT "id", "slug", "title", "summary" FROM "Postmortem" WHERE "id" IN (${placeholders})`,
      ...ids,
    );
  }
  const byId = new Map(rows.map((row) => [Number(row.id), row]));
  return page.flatMap((record) => {
    const row = byId.get(record.id);
    if (!row) return [];
    const snippet = match
      ? chooseSnippet(SEARCH_FIELDS.slice(1).map((field) => ({ field, marked: (row[`snippet_${field}`] as string | null) ?? null })))
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
