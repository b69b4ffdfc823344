/**
 * A search of the incident library as it travels in URLs (the library page
 * and GET /api/search share one shape). Reading a URL never fails: unknown
 * values are dropped and malformed ones fall back to their defaults, so a
 * hand-edited or truncated link still shows a library. Plain code, no zod:
 * the library reads addresses in the browser too (back and forward), and
 * zod there cost ~26 KB gzipped (issue 15).
 */
import { isIsoDate } from "../instants";
import { ACTION_STATUSES, FACTOR_CATEGORIES, SEVERITIES, STATUSES, type Severity, type Status } from "../postmortem";
import type { ActionValue, SearchFilters } from "./facets";
import { MAX_QUERY_LENGTH } from "./query";

/** Best match, newest incident first, or most recently updated first (the library's order without words). */
export const SEARCH_SORTS = ["relevance", "date", "updated"] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];
export const MAX_PER_PAGE = 100;
const DEFAULT_PER_PAGE = 20;
const MAX_PAGE = 10_000;
const MAX_VALUES = 50;
const MAX_VALUE_LENGTH = 100;

export type SearchRequest = { q: string; filters: SearchFilters; sort: SearchSort; page: number; perPage: number };

type Raw = Record<string, string | string[] | undefined>;

/** The order a search has unless another is asked for. */
export function defaultSort(q: string): SearchSort {
  return q.trim() ? "relevance" : "updated";
}

const first = (raw: string | string[] | undefined) => (Array.isArray(raw) ? raw[0] : raw);

/** Repeated (`?tag=a&tag=b`) or comma-separated (`?tag=a,b`) values; anything not in `allowed` is dropped. */
function list<T extends string>(raw: string | string[] | undefined, allowed?: readonly T[]): T[] {
  const values = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw])
    .flatMap((value) => value.split(","))
    .map((value) => value.trim())
    .filter((value) => value.length > 0 && value.length <= MAX_VALUE_LENGTH);
  const kept = allowed ? values.filter((value): value is T => (allowed as readonly string[]).includes(value)) : (values as T[]);
  return [...new Set(kept)].slice(0, MAX_VALUES);
}

function day(raw: string | string[] | undefined): string | null {
  const value = first(raw)?.trim();
  return value && isIsoDate(value) ? value : null;
}

/** A whole number in [1, max] (as `Number` reads it: "2", " 2 ", "2e0"), else the fallback. */
function count(raw: string | string[] | undefined, max: number, fallback: number): number {
  const value = first(raw);
  if (value === undefined || value.trim() === "") return fallback;
  const number = Number(value);
  return Number.isInteger(number) && number >= 1 && number <= max ? number : fallback;
}

/** Reads a search from URL parameters (repeated keys become lists). Never throws. */
export function parseSearchParams(params: URLSearchParams | Raw): SearchRequest {
  const raw: Raw = {};
  if (params instanceof URLSearchParams) {
    for (const key of new Set(params.keys())) {
      const values = params.getAll(key);
      raw[key] = values.length === 1 ? values[0] : values;
    }
  } else {
    Object.assign(raw, params);
  }
  const q = (first(raw.q) ?? "").slice(0, MAX_QUERY_LENGTH);
  const sort = first(raw.sort);
  return {
    q,
    filters: {
      severity: list<Severity | "none">(raw.severity, [...SEVERITIES, "none"]),
      status: list<Status>(raw.status, STATUSES),
      service: list(raw.service),
      tag: list(raw.tag),
      factor: list(raw.factor, FACTOR_CATEGORIES),
      action: list<ActionValue>(raw.action, [...ACTION_STATUSES, "none"]),
      from: day(raw.from),
      to: day(raw.to),
    },
    // Without words to rank by, relevance means nothing: most recently updated first, as the library always listed.
    sort: SEARCH_SORTS.includes(sort as SearchSort) ? (sort as SearchSort) : defaultSort(q),
    page: count(raw.page, MAX_PAGE, 1),
    perPage: count(raw.perPage, MAX_PER_PAGE, DEFAULT_PER_PAGE),
  };
}

/** The URL parameters of a search, leaving out defaults so that links stay short. */
export function toSearchParams(request: SearchRequest): URLSearchParams {
  const params = new URLSearchParams();
  if (request.q) params.set("q", request.q);
  const { filters } = request;
  for (const key of ["severity", "status", "service", "tag", "factor", "action"] as const) {
    for (const value of filters[key]) params.append(key, value);
  }
  if (filters.from) params.set("from", filters.from);
  if (filters.to) params.set("to", filters.to);
  if (request.sort !== defaultSort(request.q)) params.set("sort", request.sort);
  if (request.page > 1) params.set("page", String(request.page));
  if (request.perPage !== DEFAULT_PER_PAGE) params.set("perPage", String(request.perPage));
  return params;
}
