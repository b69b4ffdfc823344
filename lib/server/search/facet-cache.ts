import "server-only";
import type { ActionStatus, FactorCategory, Severity, Status } from "@/lib/domain/postmortem";
import { encodeFacets, LabelDictionary, type FacetRecord } from "@/lib/domain/search/facets";
import type { SearchReader } from "./search-reader";
import { toNumber } from "./sql";

/**
 * The facet values of every indexed postmortem, in memory: counting facets
 * and filtering the matches of a common word (tens of thousands) then costs a
 * few milliseconds of JavaScript instead of a join per match. Each search
 * reads the index's high-water mark (max seq, deletions) in its first query;
 * when it moved, the rows written since are read (a narrow covering index),
 * so other processes' writes are seen too. Each reader (each search thread)
 * has its own.
 */
export type FacetCache = {
  /** By postmortem id (ids are dense integers: an array beats a Map for 50,000 lookups). */
  records: (FacetRecord | undefined)[];
  /** How many records there are. */
  size: number;
  labels: LabelDictionary;
  seq: number;
  deletions: number;
};

export type IndexMark = { seq: number; deletions: number };

const caches = new WeakMap<SearchReader, FacetCache>();

type PackedRow = [number, number, Severity | null, Status, string, string, string, string, string];

function unpack(row: PackedRow, labels: LabelDictionary): FacetRecord {
  const [id, seq, severity, status, day, services, tags, factorCategories, actionStatuses] = row;
  return encodeFacets(
    id,
    seq,
    {
      severity,
      status,
      day,
      services: JSON.parse(services) as string[],
      tags: JSON.parse(tags) as string[],
      factorCategories: JSON.parse(factorCategories) as FactorCategory[],
      actionStatuses: JSON.parse(actionStatuses) as ActionStatus[],
    },
    labels,
  );
}

/** The SQL for the index's high-water mark, to embed as two columns of a query: `seq` and `deletions`. */
export const INDEX_MARK_COLUMNS = `(SELECT coalesce(max("seq"), 0) FROM "SearchDocument") AS "seq", (SELECT "deletions" FROM "SearchState" WHERE "id" = 1) AS "deletions"`;

export function readMark(row: { seq: unknown; deletions: unknown }): IndexMark {
  return { seq: toNumber(row.seq), deletions: toNumber(row.deletions) };
}

/** The facet cache of this reader, brought up to `mark` (read in the same transaction as the matches). */
export function getFacetCache(reader: SearchReader, mark: IndexMark): FacetCache {
  let cache = caches.get(reader);
  if (!cache || cache.deletions !== mark.deletions) {
    cache = { records: [], size: 0, labels: new LabelDictionary(), seq: 0, deletions: mark.deletions };
    caches.set(reader, cache);
  }
  if (cache.seq >= mark.seq) return cache;
  // One row holding a JSON array: parsed in one go, faster than a row object per document for a cold cache.
  const row = reader.get<{ rows: string | null }>(
    `SELECT json_group_array(json_array("id", "seq", "severity", "status", "day", "services", "tags", "factorCategories", "actionStatuses")) AS "rows"
     FROM (SELECT "id", "seq", "severity", "status", "day", "services", "tags", "factorCategories", "actionStatuses"
           FROM "SearchDocument" INDEXED BY "SearchDocument_seq_idx" WHERE "seq" > ? ORDER BY "seq")`,
    cache.seq,
  );
  const rows = JSON.parse(row?.rows ?? "[]") as PackedRow[];
  for (const packed of rows) {
    if (!cache.records[packed[0]]) cache.size++;
    cache.records[packed[0]] = unpack(packed, cache.labels);
    cache.seq = Math.max(cache.seq, packed[1]);
  }
  return cache;
}
