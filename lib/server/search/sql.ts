import "server-only";
// The light module for names and weights: search threads load this file, and search-document.ts brings in the Markdown parser.
import { SEARCH_FIELD_WEIGHTS, SEARCH_FIELDS } from "@/lib/domain/search/fields";
import type { SearchDocument } from "@/lib/domain/search/search-document";

/** Raw SQL shared by the search functions: names, column lists and row shapes. */

export const FACET_COLUMNS = ["severity", "status", "day", "services", "tags", "factorCategories", "actionStatuses"] as const;
export const DOCUMENT_COLUMNS = ["id", "seq", ...FACET_COLUMNS, ...SEARCH_FIELDS] as const;

const quoted = (names: readonly string[]) => names.map((name) => `"${name}"`).join(", ");

/** `rank MATCH` argument: FTS5 ranks with these bm25 weights and can stop after the first rows. */
export const BM25 = `bm25(${SEARCH_FIELDS.map((field) => SEARCH_FIELD_WEIGHTS[field].toFixed(1)).join(", ")})`;

/** The values of one SearchDocument row, in DOCUMENT_COLUMNS order. */
export function documentRow(id: number, seq: number | null, doc: SearchDocument): unknown[] {
  return [
    id,
    seq,
    doc.severity,
    doc.status,
    doc.day,
    JSON.stringify(doc.services),
    JSON.stringify(doc.tags),
    JSON.stringify(doc.factorCategories),
    JSON.stringify(doc.actionStatuses),
    ...SEARCH_FIELDS.map((field) => doc.text[field]),
  ];
}

const updates = DOCUMENT_COLUMNS.filter((c) => c !== "id")
  .map((c) => `"${c}" = excluded."${c}"`)
  .join(", ");

/**
 * Inserts or replaces `rows` SearchDocument rows (the triggers update the
 * FTS index). A null seq takes the next one: max(seq) + 1.
 */
export function upsertDocumentsSql(rows: number): string {
  const placeholders = DOCUMENT_COLUMNS.map((c) =>
    c === "seq" ? `coalesce(?, (SELECT coalesce(max("seq"), 0) + 1 FROM "SearchDocument"))` : "?",
  ).join(", ");
  const values = Array.from({ length: rows }, () => `(${placeholders})`).join(", ");
  return `INSERT INTO "SearchDocument" (${quoted(DOCUMENT_COLUMNS)}) VALUES ${values} ON CONFLICT ("id") DO UPDATE SET ${updates}`;
}

/** Adds words (a JSON array) to the completion list. */
export const INSERT_WORDS_SQL = `INSERT OR IGNORE INTO "SearchWord" ("word") SELECT value FROM json_each(?)`;

/** Converts what SQLite hands back through Prisma's raw queries (BigInt for integers) to a number. */
export function toNumber(value: unknown): number {
  return typeof value === "bigint" ? Number(value) : Number(value ?? 0);
}
