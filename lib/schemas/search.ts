/**
 * A search of the incident library, as it travels in URLs and as the API
 * answers it. The URL reader is plain code in lib/domain/search/request.ts
 * (it never fails, and the browser uses it too, without zod); the answer's
 * shapes are here.
 */
import type { Severity, Status } from "@/lib/domain/postmortem";
import type { FacetCounts } from "@/lib/domain/search/facets";
import type { SearchRequest } from "@/lib/domain/search/request";
import type { SearchField } from "@/lib/domain/search/fields";
import type { TextPart } from "@/lib/domain/search/snippet";

export { defaultSort, MAX_PER_PAGE, parseSearchParams, SEARCH_SORTS, toSearchParams, type SearchRequest, type SearchSort } from "@/lib/domain/search/request";

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
