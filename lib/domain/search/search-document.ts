/**
 * What the search index stores for one postmortem: its text by field (in the
 * order of the index's columns and bm25 weights) and the values it is
 * filtered and counted by.
 */
import type { ActionStatus, FactorCategory, Severity, Status } from "../postmortem";
import { FACTOR_CATEGORY_LABELS } from "../postmortem";
import type { PostmortemDocument } from "@/lib/schemas/postmortem";
import { markdownAsPlainText } from "../markdown/plain-text";
import { distinctWords } from "./words";

import { type SearchField } from "./fields";

export { SEARCH_FIELDS, SEARCH_FIELD_LABELS, SEARCH_FIELD_WEIGHTS, type SearchField } from "./fields";

export type FacetValues = {
  severity: Severity | null;
  status: Status;
  /** YYYY-MM-DD: the incident date, or the day the postmortem was created. */
  day: string;
  services: string[];
  tags: string[];
  factorCategories: FactorCategory[];
  actionStatuses: ActionStatus[];
};

export type SearchDocument = FacetValues & { text: Record<SearchField, string> };

/** Characters the snippet marks are made of, and other control characters, never reach the index. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/** Plain fields (title, names) are shown as text, not Markdown: only control characters go. */
const plain = (text: string) => text.replace(CONTROL, " ").trim();

const lines = (parts: (string | null | undefined)[]) => parts.filter((part) => part && part.trim()).join("\n");
const unique = <T>(values: T[]) => [...new Set(values)];

/** The search document of a postmortem. */
export function searchDocumentOf(doc: PostmortemDocument): SearchDocument {
  return {
    severity: doc.severity,
    status: doc.status,
    day: doc.incidentDate ?? doc.createdAt.slice(0, 10),
    services: doc.services,
    tags: doc.tags,
    factorCategories: unique(doc.contributingFactors.map((f) => f.category)),
    actionStatuses: unique(doc.correctiveActions.map((a) => a.status)),
    text: {
      title: plain(doc.title),
      // Prose fields are Markdown: indexed as plain text, so that snippets and result summaries read as prose.
      summary: markdownAsPlainText(doc.summary),
      labels: lines([...doc.services, ...doc.tags, ...doc.authors].map(plain)),
      impact: markdownAsPlainText(doc.impact),
      timeline: lines(doc.timeline.map((e) => markdownAsPlainText(e.text))),
      rootCause: lines([doc.rootCause.trigger, doc.rootCause.narrative, ...doc.rootCause.whys].map(markdownAsPlainText)),
      factors: lines(doc.contributingFactors.map((f) => `${FACTOR_CATEGORY_LABELS[f.category]}: ${markdownAsPlainText(f.text)}`)),
      actions: lines(doc.correctiveActions.map((a) => lines([plain(a.title), markdownAsPlainText(a.description), a.owner && plain(a.owner)]))),
      lessons: lines([doc.lessons.wentWell, doc.lessons.wentWrong, doc.lessons.lucky].map(markdownAsPlainText)),
      sections: lines(doc.sections.map((s) => lines([plain(s.title), markdownAsPlainText(s.body)]))),
    },
  };
}

/** The words of a search document worth offering as completions of a half-typed word. */
export function completionWordsOf(document: SearchDocument): string[] {
  return distinctWords(Object.values(document.text));
}
