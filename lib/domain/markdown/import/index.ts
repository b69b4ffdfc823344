/** Markdown or plain text → the exchange document and warnings. Pure: no framework, database or server code. */
export { parseMarkdown, type ParseOptions, type ParseResult } from "./parse-markdown";
export { HEADING_SYNONYMS, HEADING_KEYWORDS, matchHeading } from "./synonyms";
