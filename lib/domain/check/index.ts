/** `hindsight check`'s logic: a parsed postmortem and its source → language and completeness findings with source lines. Pure. */
export { checkDocument, MAX_FINDINGS_PER_RULE, placeLanguageFindings } from "./check-document";
export { checkCompleteness } from "./completeness";
export type { CheckFinding } from "./findings";
export { createLineLocator, MAX_CANDIDATES, type LineLocator, type LocateCounter } from "./locate-line";
