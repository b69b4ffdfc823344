import "server-only";
import { requireRole } from "../auth/require-access";
import { decodeFacets } from "@/lib/domain/search/facets";
import { characteristicWords, rankRelated, type WordHits } from "@/lib/domain/search/related";
import type { PostmortemDocument } from "@/lib/schemas/postmortem";
import type { RelatedPostmortem } from "@/lib/schemas/search";
import { getDb } from "../db";
import { getFacetCache, INDEX_MARK_COLUMNS, readMark } from "./facet-cache";
import { toNumber } from "./sql";

/** A word in more postmortems than this share (2 %, at least 50) says little about likeness and is not looked up further. */
const commonWordLimit = (total: number) => Math.max(50, Math.ceil(total * 0.02));

/**
 * The few postmortems most like this one, each with a reason. Two queries:
 * which postmortems use each of its characteristic words (stopping early for
 * common ones), then the titles of the chosen few; the rest is arithmetic on
 * the in-memory facet cache.
 */
export async function findRelatedPostmortems(options: { postmortem: PostmortemDocument; limit?: number }): Promise<RelatedPostmortem[]> {
  await requireRole("viewer");
  const { postmortem } = options;
  const db = await getDb();
  const words = characteristicWords(postmortem);
  const [head] = await db.$queryRawUnsafe<{ id: unknown; seq: unknown; deletions: unknown }[]>(
    `SELECT (SELECT "id" FROM "Postmortem" WHERE "slug" = ?) AS "id", ${INDEX_MARK_COLUMNS}`,
    postmortem.slug,
  );
  if (head?.id === null || head?.id === undefined) return [];
  const id = toNumber(head.id);
  const cache = await getFacetCache(db, readMark(head));
  const total = cache.size;
  const source = cache.records[id];
  if (!source) return [];

  let hits: WordHits[] = [];
  if (words.length) {
    const limit = commonWordLimit(total);
    const lookups = words.map(
      () => `SELECT ? AS "word", (SELECT json_group_array("rowid") FROM (SELECT "rowid" FROM "SearchIndex" WHERE "SearchIndex" MATCH ? LIMIT ${limit + 1})) AS "ids"`,
    );
    const rows = await db.$queryRawUnsafe<{ word: string; ids: string }[]>(
      lookups.join(" UNION ALL "),
      ...words.flatMap((word) => [word, `"${word}"`]),
    );
    hits = rows.map((row) => ({ word: row.word, ids: JSON.parse(row.ids) as number[] })).filter((hit) => hit.ids.length <= limit);
  }

  const ranked = rankRelated({ source, records: cache.records, labels: cache.labels, words: hits, totalDocuments: total, limit: options.limit ?? 5 });
  if (ranked.length === 0) return [];
  const rows = await db.$queryRawUnsafe<{ id: unknown; slug: string; title: string }[]>(
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
