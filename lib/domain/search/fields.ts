/** The search index's text fields and their names: a light module, for the library's browser code too. */

/** The index's text columns, in column order. */
export const SEARCH_FIELDS = [
  "title",
  "summary",
  "labels",
  "impact",
  "timeline",
  "rootCause",
  "factors",
  "actions",
  "lessons",
  "sections",
] as const;
export type SearchField = (typeof SEARCH_FIELDS)[number];

/** How each field is named next to a snippet. */
export const SEARCH_FIELD_LABELS: Record<SearchField, string> = {
  title: "Title",
  summary: "Summary",
  labels: "Services, tags and authors",
  impact: "Impact",
  timeline: "Timeline",
  rootCause: "Root cause",
  factors: "Contributing factors",
  actions: "Corrective actions",
  lessons: "Lessons",
  sections: "Other sections",
};

/**
 * bm25 weight of each field: a word in the title counts ten times a word in
 * the body, the summary five times; services and tags count double, being
 * few words chosen on purpose.
 */
export const SEARCH_FIELD_WEIGHTS: Record<SearchField, number> = {
  title: 10,
  summary: 5,
  labels: 2,
  impact: 1,
  timeline: 1,
  rootCause: 1,
  factors: 1,
  actions: 1,
  lessons: 1,
  sections: 1,
};
