import "server-only";
import { requireRole } from "../auth/require-access";
import { hiddenPostmortemIds } from "../auth/visibility";
import { decodeFacets } from "@/lib/domain/search/facets";
import { characteristicWords, rankRelated, type WordHits } from "@/lib/domain/search/related";
import type { PostmortemDocument } from "@/lib/schemas/postmortem";
import type { RelatedPostmortem } from "@/lib/schemas/search";
import { getDb } from "../db";
import { getFacetCache, INDEX_MARK_COLUMNS, readMark } from "./facet-cache";
import type { SearchReader } from "./search-reader";
import { searchReaderFor } from "./search-runner";
import { toNumber } from "./sql";

/** A word in more postmortems than this share (2 %, at least 50) says little about likeness and is not looked up further. */
const commonWordLimit = (total: number) => Math.max(50, Math.ceil(total * 0.02));

/**
 * The few postmortems most like this one, each with a reason. Two queries:
 * which postmortems use each of its characteristic words (stopping early for
 * common ones), then the titles of the chosen few; the rest is arithmetic on
 * the in-memory facet cache. Restricted postmortems the actor may not see
 * are ranked as if they were not there. Read on this thread, through the
 * same read-only connection as searches without threads (a few
 * milliseconds: every word lookup stops early), in one read transaction.
 */
export async function findRelatedPostmortems(options: { postmortem: PostmortemDocument; limit?: number }): Promise<RelatedPostmortem[]> {
  const actor = await requireRole("viewer");
  const db = await getDb();
  const hidden = await hiddenPostmortemIds(db, actor);
  const reader = searchReaderFor(db);
  return reader.read(() => findRelated(reader, { ...options, hidden }));
}

function findRelated(reader: SearchReader, options: { postmortem: PostmortemDocument; limit?: number; hidden: number[] }): RelatedPostmortem[] {
  const { postmortem, hidden } = options;
  const hiddenSet = hidden.length ? new Set(hidden) : null;
  const words = characteristicWords(postmortem);
  const head = reader.get<{ id: unknown; seq: unknown; deletions: unknown }>(
    `SELECT (SELECT "id" FROM "Postmortem" WHERE "slug" = ?) AS "id", ${INDEX_MARK_COLUMNS}`,
    postmortem.slug,
  );
  if (head?.id === null || head?.id === undefined) return [];
  const id = toNumber(head.id);
  const cache = getFacetCache(reader, readMark(head));
  const total = Math.max(1, cache.size - hidden.length);
  const source = cache.records[id];
  if (!source || hiddenSet?.has(id)) return [];

  let hits: WordHits[] = [];
  if (words.length) {
    const limit = commonWordLimit(total);
    const lookups = words.map(
      () => `SELECT ? AS "word", (SELECT json_group_array("rowid") FROM (SELECT "rowid" FROM "SearchIndex" WHERE "SearchIndex" MATCH ? LIMIT ${limit + 1})) AS "ids"`,
    );
    const rows = reader.all<{ word: string; ids: string }>(
      lookups.join(" UNION ALL "),
      ...words.flatMap((word) => [word, `"${word}"`]),
    );
    hits = rows
      .map((row) => ({ word: row.word, ids: JSON.parse(row.ids) as number[] }))
      .filter((hit) => hit.ids.length <= limit)
      .map((hit) => (hiddenSet ? { ...hit, ids: hit.ids.filter((hitId) => !hiddenSet.has(hitId)) } : hit));
  }

  // Hidden records stay in the cache: asking for as many more as there are hidden ones, then leaving them out,
  // gives the ranking without them.
  const wanted = options.limit ?? 5;
  const ranked = rankRelated({ source, records: cache.records, labels: cache.labels, words: hits, totalDocuments: total, limit: wanted + hidden.length })
    .filter((match) => !hiddenSet?.has(match.id))
    .slice(0, wanted);
  if (ranked.length === 0) return [];
  const rows = reader.all<{ id: unknown; slug: string; title: string }>(
    `SELECT "id", "slug", "title" FROM "Postmortem" WHERE "id" IN (${ranked.map(() => "?").join(", ")})`,
    ...ranked.map((match) => match.id),
  );
  const byId = new Map(rows.map((row) => [toNumber(row.id), row]));
  return ranked.flatMap((match) => {
    const row = byId.get(match.id);
    const record = cache.records[match.id];
    if (!row || !record) return [];
    const { severity, status } = decodeFacets(record, cache.labels);
    return [{ slug: row.slug, title: row.title, severity, status, date: record.day, reason: match.reason }];
  });
}
