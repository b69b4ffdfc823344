/**
 * Markdown or plain text → the exchange document, plus warnings for whatever
 * could not be read exactly. Never throws on text (binary data is refused);
 * nothing of the input is dropped: what fits no field is kept as an extra
 * section. Layout read back exactly: docs/markdown-layout.md.
 */
import { AppError } from "@/lib/domain/errors";
import type { PostmortemInput } from "@/lib/schemas/postmortem";
import { findDate, findOpeningDate, findStatedDate, readFileName } from "./dates";
import { finish, textOnlyDocument } from "./finish";
import { readFrontMatter } from "./front-matter";
import { buildOutline, findHeadings, type OutlineNode } from "./outline";
import { parseBlocks, spanOf } from "./parse-blocks";
import { readPreamble } from "./preamble";
import { readSections } from "./sections";
import { findNotTextReason, lineAt, readSource } from "./source";
import { emptyDraft, warn, type ImportState } from "./state";
import { matchHeading } from "./synonyms";
import { takeTitle, UNTITLED } from "./title";
import { findStatedZone } from "./zones";

export type ParseOptions = {
  /** The uploaded file's name: a title and a date may hide in it ("2024-02-10-search-empty.md"). */
  fileName?: string;
  /** "Today", for times whose day the document never gives. */
  now?: Date;
};

export type ParseResult = { document: PostmortemInput; warnings: string[] };

/** Deeper than this, nesting is more likely pasted noise than structure worth a field. */
const MAX_LIST_DEPTH = 20;

/**
 * Reads a postmortem written in Markdown or plain text. Throws only an
 * AppError BAD_REQUEST ("This file is not text: …") for binary data, which
 * the API answers as a 400; whatever else fails is kept as text.
 */
export function parseMarkdown(text: string, options: ParseOptions = {}): ParseResult {
  const notText = typeof text === "string" ? findNotTextReason(text) : null;
  if (notText) throw new AppError("BAD_REQUEST", `This file is not text: ${notText}.`);
  try {
    return read(typeof text === "string" ? text : String(text ?? ""), options);
  } catch (error) {
    const title = (options.fileName && readFileName(options.fileName).title) || UNTITLED;
    return {
      document: textOnlyDocument(String(text ?? ""), title),
      warnings: [`The document could not be read (${(error as Error).message}); its text was kept as it is in an extra section`],
    };
  }
}

function read(input: string, options: ParseOptions): ParseResult {
  const { source, removed } = readSource(input);
  const { blocks, unreadFrom, unclosedFences, deepestList } = parseBlocks(source);
  const state: ImportState = {
    source,
    blocks,
    draft: emptyDraft(),
    warnings: [],
    now: options.now ?? new Date(),
    day: null,
    headerDay: null,
    isDayAssumed: false,
    previousInstant: null,
    metricsLines: [],
    repeatSections: [],
    defaultActionStatus: "open",
  };
  if (removed) warn(state, null, `Removed ${removed} control character${removed === 1 ? "" : "s"} that cannot be part of a text`);
  if (source.text.trim() === "") warn(state, null, "The document is empty");
  for (const offset of unclosedFences) warn(state, offset, "this code block is never closed: everything after it was read as code");
  if (deepestList.depth > MAX_LIST_DEPTH) {
    warn(state, deepestList.offset, `lists nested ${deepestList.depth} levels deep: their text is kept, but a field may hold them as one item; check how they were read`);
  }

  let bodyStart = 0;
  let postDate: string | null = null;
  // remark-frontmatter gives "yaml" or "toml" nodes (the mdast types know only the first).
  const first = blocks[0] as { type: string; value?: string } | undefined;
  if (first && (first.type === "yaml" || first.type === "toml")) {
    postDate = readFrontMatter(state, first.type, first.value ?? "", 0).postDate;
    bodyStart = spanOf(blocks[0])[1];
  }

  if (bodyStart > 0 && source.text.slice(bodyStart).trim() === "") warn(state, null, "Nothing follows the front matter: the document has no text");
  const { marks } = findHeadings(source, blocks, bodyStart, unreadFrom);
  const titleRange = takeTitle(state, marks, bodyStart);
  const outline = buildOutline(marks, unreadFrom);
  const preambleEnd = outline[0]?.heading.start ?? unreadFrom;
  const preamble: [number, number][] = titleRange
    ? [[bodyStart, Math.min(titleRange[0], preambleEnd)], [Math.max(titleRange[1], bodyStart), preambleEnd]]
    : [[bodyStart, preambleEnd]];
  readPreamble(state, preamble.filter(([start, end]) => start < end));

  const stated = findStatedZone(source.text.slice(bodyStart, unreadFrom));
  if (stated?.zone && !state.draft.timezone) state.draft.timezone = stated.zone;
  if (stated && stated.zone === null) warn(state, bodyStart + stated.offset, `"${stated.unknown}" is not a time zone Hindsight knows; times were read without a zone`);
  // The file name's date, else one the document states anywhere (a "Published March 2, 2024" last line): the year of days written without one.
  const fileDay = (options.fileName ? readFileName(options.fileName).date : null) ?? findStatedDate(source.text.slice(bodyStart, unreadFrom));
  // A post is published after its incident: a day its opening states ("On February 12th…") beats its date.
  const opening = findOpeningDate(source.text.slice(bodyStart, openingEnd(outline, bodyStart, unreadFrom)), postDate ?? fileDay);
  state.day =
    state.draft.incidentDate ??
    (postDate && opening) ??
    postDate ??
    state.headerDay ??
    findDate(state.draft.title) ??
    opening ??
    fileDay;

  readSections(state, outline);
  // With no timed event to date it, a post's incident is the day its opening states, not the day it was published.
  if (postDate && opening && !state.draft.timeline.some((event) => event.at)) state.draft.incidentDate ??= opening;
  const document = finish(state, { fileName: options.fileName, unread: source.text.slice(unreadFrom), unreadLine: lineAt(source, unreadFrom) });
  return { document: document ?? textOnlyDocument(source.text, state.draft.title), warnings: capWarnings(state.warnings) };
}

/** A date further in is more likely another day's (an earlier change, a follow-up) than the incident's. */
const MAX_OPENING = 4_000;

/** Where a document's opening ends: at its timeline, else after its first section, and not far in. */
function openingEnd(outline: OutlineNode[], start: number, end: number): number {
  const timeline = outline.find((node) => matchHeading(node.heading.title, null)?.role === "timeline");
  return Math.min(timeline?.heading.start ?? outline[0]?.end ?? end, start + MAX_OPENING);
}

const MAX_WARNINGS = 200;
const MAX_ALIKE = 3;

/** A flood of warnings helps nobody: the same warning on many lines is said three times and counted; then at most 200. */
function capWarnings(warnings: string[]): string[] {
  const counts = new Map<string, number>();
  const kept: string[] = [];
  for (const warning of warnings) {
    const key = warning.replace(/^Line \d+: /, "");
    const count = (counts.get(key) ?? 0) + 1;
    counts.set(key, count);
    if (count <= MAX_ALIKE) kept.push(warning);
  }
  for (const [key, count] of counts) if (count > MAX_ALIKE) kept.push(`…and ${count - MAX_ALIKE} more times: ${key}`);
  if (kept.length <= MAX_WARNINGS) return kept;
  return [...kept.slice(0, MAX_WARNINGS), `…and ${kept.length - MAX_WARNINGS} more warnings`];
}
