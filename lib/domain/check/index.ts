/** `hindsight check`'s logic: a parsed postmortem and its source → language and completeness findings with source lines. Pure. */
export { checkDocument, placeLanguageFindings } from "./check-document";
export { checkCompleteness } from "./completeness";
export type { CheckFinding } from "./findings";
export { createLineLocator, type LineLocator } from "./locate-line";
