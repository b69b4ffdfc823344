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
