import "server-only";
import type { SearchFilters } from "@/lib/domain/search/facets";

/**
 * The filters as SQL over the search document `d`, with the same meaning as
 * applyFilters in memory (a data-access test holds the two together), and
 * the hidden postmortems left out.
 */
export function filterConditions(filters: SearchFilters, hidden: readonly number[] = []): { sql: string; params: unknown[] } {
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
