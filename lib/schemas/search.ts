/**
 * A search of the incident library, as it travels in URLs (the library page
 * and GET /api/search share one shape) and as the API answers it. Reading a
 * URL never fails: unknown values are dropped and malformed ones fall back to
 * their defaults, so a hand-edited or truncated link still shows a library.
 */
import { z } from "zod";
import { ACTION_STATUSES, FACTOR_CATEGORIES, SEVERITIES, STATUSES, type Severity, type Status } from "@/lib/domain/postmortem";
import type { FacetCounts, SearchFilters } from "@/lib/domain/search/facets";
import { MAX_QUERY_LENGTH } from "@/lib/domain/search/query";
import type { SearchField } from "@/lib/domain/search/search-document";
import type { TextPart } from "@/lib/domain/search/snippet";
import { isIsoDate } from "@/lib/domain/time";

/** Best match, newest incident first, or most recently updated first (the library's order without words). */
export const SEARCH_SORTS = ["relevance", "date", "updated"] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];
export const MAX_PER_PAGE = 100;
const MAX_VALUES = 50;

/** The order a search has unless another is asked for. */
export function defaultSort(q: string): SearchSort {
  return q.trim() ? "relevance" : "updated";
}

/** Repeated (`?tag=a&tag=b`) or comma-separated (`?tag=a,b`) values; anything not in `allowed` is dropped. */
function list<T extends string>(allowed?: readonly T[]) {
  return z
    .unknown()
    .optional()
    .transform((raw): T[] => {
      const values = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw])
        .filter((value): value is string => typeof value === "string")
        .flatMap((value) => value.split(","))
        .map((value) => value.trim())
        .filter((value) => value.length > 0 && value.length <= 100);
      const kept = allowed ? values.filter((value): value is T => (allowed as readonly string[]).includes(value)) : (values as T[]);
      return [...new Set(kept)].slice(0, MAX_VALUES);
    });
}

const day = z
  .unknown()
  .optional()
  .transform((raw) => (typeof raw === "string" && isIsoDate(raw.trim()) ? raw.trim() : null));

const single = (raw: unknown) => (Array.isArray(raw) ? raw[0] : raw);

export const searchRequestSchema = z
  .object({
    q: z.unknown().optional().transform((raw) => {
      const value = single(raw);
      return typeof value === "string" ? value.slice(0, MAX_QUERY_LENGTH) : "";
    }),
    severity: list<Severity | "none">([...SEVERITIES, "none"]),
    status: list<Status>(STATUSES),
    service: list(),
    tag: list(),
    factor: list(FACTOR_CATEGORIES),
    action: list([...ACTION_STATUSES, "none"]),
    from: day,
    to: day,
    sort: z.unknown().optional().transform((raw): SearchSort | null => {
      const value = single(raw);
      return SEARCH_SORTS.includes(value as SearchSort) ? (value as SearchSort) : null;
    }),
    page: z.preprocess(single, z.coerce.number().int().min(1).max(10_000).catch(1)),
    perPage: z.preprocess(single, z.coerce.number().int().min(1).max(MAX_PER_PAGE).catch(20)),
  })
  .transform(({ q, sort, page, perPage, ...filters }) => ({
    q,
    filters: filters satisfies SearchFilters,
    // Without words to rank by, relevance means nothing: most recently updated first, as the library always listed.
    sort: sort ?? defaultSort(q),
    page,
    perPage,
  }));

export type SearchRequest = z.output<typeof searchRequestSchema>;

/** Reads a search from URL parameters (repeated keys become lists). Never throws. */
export function parseSearchParams(params: URLSearchParams | Record<string, string | string[] | undefined>): SearchRequest {
  const record: Record<string, string | string[]> = {};
  if (params instanceof URLSearchParams) {
    for (const key of new Set(params.keys())) {
      const values = params.getAll(key);
      record[key] = values.length === 1 ? values[0] : values;
    }
  } else {
    for (const [key, value] of Object.entries(params)) if (value !== undefined) record[key] = value;
  }
  return searchRequestSchema.parse(record);
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
  if (request.perPage !== 20) params.set("perPage", String(request.perPage));
  return params;
}

/** One postmortem in the results. */
export type SearchResult = {
  slug: string;
  title: string;
  /** The title with matched words marked (plain when the title did not match). */
  titleParts: TextPart[];
  severity: Severity | null;
  status: Status;
  /** The incident date, or the day the postmortem was created. */
  date: string;
  services: string[];
  tags: string[];
  /** Where the words matched best, with the matched words marked; null when browsing without words. */
  snippet: { field: SearchField; parts: TextPart[] } | null;
  summary: string;
};

export type SearchResponse = {
  request: SearchRequest;
  total: number;
  totalPages: number;
  results: SearchResult[];
  facets: FacetCounts;
  /** Milliseconds spent in the search function (the API adds nothing but JSON encoding). */
  timing: { totalMs: number };
};

/** A postmortem like the one being read, and why. */
export type RelatedPostmortem = {
  slug: string;
  title: string;
  severity: Severity | null;
  status: Status;
  date: string;
  /** One line: "same service: auth-api; also environment drift". */
  reason: string;
};
