/**
 * Finds the timeline entries among a section's blocks, in every shape
 * postmortems write them: list items, bold times with the text on the next
 * line, `### 08:52 PM` headings, day headings, table rows, chat-log lines in
 * a paragraph or a code block. Whatever is not an entry is returned as
 * `leftovers` (the original Markdown), so no sentence is lost.
 */
import type { Code, Paragraph, RootContent, Table } from "mdast";
import type { EventKind } from "@/lib/domain/postmortem";
import { readTime } from "@/lib/domain/timeline/parse-time";
import { readDayHeading } from "@/lib/domain/timeline/read-day-heading";
import { splitTrailingMoment } from "@/lib/domain/timeline/trailing-moment";
import { readEntryBlocks, readEntryMarkdown, type EntryParts } from "./entry-text";
import { plainText } from "../plain-text";
import { spanOf } from "./parse-blocks";
import { looksLikeHeaderLine } from "./header-lines";
import { joinLines, phrasingByLine } from "./paragraph-lines";
import { dedent, sliceBlock } from "./source";
import type { ImportState } from "./state";
import { readEventKind, readZone } from "./vocabulary";
import { isZoneStatement } from "./zones";

export type TimelineItem =
  | { type: "day"; day: string }
  | ({ type: "entry"; offset: number } & EntryParts);

export type CollectedTimeline = { items: TimelineItem[]; leftovers: { offset: number; markdown: string }[] };

const LEADING_MARKS = /^\s*(?:[-*+•·▪‣◦–]\s+)?(?:\*\*|__|\*|_|`|\[)?/;
const BULLET = /^\s*[-*+•·▪‣◦–]\s+\S/;
/** A bullet Markdown does not know, written before an entry in a paragraph. */
const LOOSE_BULLET = /^\s*[•·▪‣◦–]\s+/;

/** True when a line starts with a time, or with something meant as one ("13:55 PM"). */
export function isTimeLed(line: string): boolean {
  const text = line.replace(LEADING_MARKS, "");
  const reading = readTime(text);
  return reading.ok || !reading.error.endsWith("does not start with a time") || /^\d{1,2}[:.]\d{2}\b/.test(text);
}

/** Collects entries from blocks; `isTimelineSection` when every list item and bullet line is an event, timed or not. */
export function collectTimeline(state: ImportState, blocks: RootContent[], isTimelineSection = true): CollectedTimeline {
  const items: TimelineItem[] = [];
  const leftovers: CollectedTimeline["leftovers"] = [];
  // An entry that is only a time ("**10:47 AM**", "### 08:52 PM") takes the text of what follows.
  let waiting: Extract<TimelineItem, { type: "entry" }> | null = null;
  const keep = (block: RootContent) => {
    const [start, end] = spanOf(block);
    leftovers.push({ offset: start, markdown: sliceBlock(state.source, start, end) });
  };
  // The paragraphs after an event are its description: narrative between events never splits the timeline.
  let last: Extract<TimelineItem, { type: "entry" }> | null = null;
  const push = (entry: Extract<TimelineItem, { type: "entry" }>) => {
    items.push(entry);
    last = entry;
    waiting = isOnlyTime(entry.text) ? entry : null;
  };

  for (const block of blocks) {
    const [start] = spanOf(block);
    switch (block.type) {
      case "heading": {
        const text = plainText(block.children);
        const day = readDayHeading(text, state.day);
        if (day) {
          items.push({ type: "day", day });
          waiting = null;
        } else if (readTime(text).ok) {
          push({ type: "entry", offset: start, ...readEntryBlocks([{ type: "paragraph", children: block.children }]) });
        } else if (splitTrailingMoment(text)) {
          const { label, moment } = splitTrailingMoment(text)!;
          push({ type: "entry", offset: start, text, link: null, kind: null, isUntimed: false, exact: { time: moment, text: label } });
        } else {
          keep(block);
          waiting = null;
          last = null;
        }
        break;
      }
      case "paragraph": {
        if (isZoneStatement(plainText(block.children))) break;
        const found = paragraphEntries(state, block, waiting, isTimelineSection);
        // Header lines after a timeline ("**Impact:** …") are read into their fields instead.
        const isNarrative = !found.leftover.split("\n").some(looksLikeHeaderLine);
        if (found.leftover && isNarrative && last && isTimelineSection && found.entries.length === 0 && !found.didExtendWaiting) {
          describeFurther(last, plainText(block.children));
          break;
        }
        if (found.leftover) leftovers.push({ offset: start, markdown: found.leftover });
        for (const entry of found.entries) push(entry);
        if (found.entries.length === 0 && !found.didExtendWaiting) waiting = null;
        break;
      }
      case "list":
        for (const item of block.children) {
          // A chat log pasted after one list item runs on as that item's lazy lines: each timed line is an entry.
          const [only] = item.children;
          if (item.children.length === 1 && only.type === "paragraph") paragraphEntries(state, only, null, true, true).entries.forEach(push);
          else push({ type: "entry", offset: spanOf(item)[0], ...readEntryBlocks(item.children) });
        }
        waiting = null;
        break;
      case "table": {
        const rows = tableEntries(state, block);
        if (rows) items.push(...rows);
        else keep(block);
        waiting = null;
        break;
      }
      case "code": {
        const lines = codeEntries(block, start);
        if (lines) items.push(...lines);
        else keep(block);
        waiting = null;
        break;
      }
      case "thematicBreak":
        break;
      default:
        keep(block);
        waiting = null;
    }
  }
  return { items, leftovers };
}

/** Adds a paragraph to an entry's text. */
function describeFurther(entry: Extract<TimelineItem, { type: "entry" }>, text: string): void {
  entry.text = `${entry.text}\n\n${text}`;
  if (entry.exact) entry.exact.text = `${entry.exact.text}\n\n${text}`;
}

function isOnlyTime(text: string): boolean {
  const reading = readTime(text);
  return reading.ok && text.slice(reading.length).replace(/^[\s\])*_:–—-]+/, "").trim() === "";
}

/** Splits a paragraph's lines into entries (a time or a bullet starts one) and the lines before the first. */
function paragraphEntries(
  state: ImportState,
  block: Paragraph,
  waiting: Extract<TimelineItem, { type: "entry" }> | null,
  isTimelineSection: boolean,
  isListItem = false,
): { entries: Extract<TimelineItem, { type: "entry" }>[]; leftover: string; didExtendWaiting: boolean } {
  const [start, end] = spanOf(block);
  const lines = state.source.text.slice(start, end).split("\n");
  const groups: { offset: number; first: number; lines: string[] }[] = [];
  const loose: string[] = [];
  const extra: number[] = [];
  let offset = start;
  for (const [index, line] of lines.entries()) {
    // In a list item, only a line at the margin (a lazy line, as a pasted chat log runs on) starts another entry;
    // an indented line continues the item's text.
    const canStart = !isListItem || index === 0 || !/^\s/.test(line);
    const startsEntry = isTimeLed(line) || (isTimelineSection && (BULLET.test(line) || splitTrailingMoment(line) !== null));
    if ((isListItem && index === 0) || (canStart && startsEntry)) groups.push({ offset, first: index, lines: [line] });
    else if (groups.length) groups[groups.length - 1].lines.push(line);
    else if (waiting) extra.push(index);
    else loose.push(line);
    offset += line.length + 1;
  }
  // Each line's nodes from the tree already parsed; a paragraph whose inline nodes run across lines has its entries parsed again.
  const byLine = groups.length || extra.length ? phrasingByLine(block) : null;
  const read = (first: number, count: number, stripBullet: boolean): EntryParts => {
    if (!byLine) {
      const markdown = lines.slice(first, first + count).join("\n");
      return readEntryMarkdown(stripBullet ? markdown.replace(LOOSE_BULLET, "") : markdown);
    }
    const nodes = joinLines(byLine.slice(first, first + count));
    if (stripBullet && nodes[0]?.type === "text") nodes[0] = { type: "text", value: nodes[0].value.replace(LOOSE_BULLET, "") };
    return readEntryBlocks([{ type: "paragraph", children: nodes }]);
  };
  if (waiting && extra.length) {
    const parts = read(extra[0], extra.length, false);
    waiting.text = `${waiting.text}\n${parts.text}`;
    waiting.link ??= parts.link;
  }
  const entries = groups.map((group) => {
    const parts = read(group.first, group.lines.length, true);
    // "Maintenance window April 5th, 02:00": the moment is the event's time, the words before it its text.
    const trailing = isTimeLed(group.lines[0]) ? null : splitTrailingMoment(group.lines[0]);
    if (trailing) parts.exact = { time: trailing.moment, text: [trailing.label, ...parts.text.split("\n").slice(1)].join("\n") };
    return { type: "entry" as const, offset: group.offset, ...parts };
  });
  return { entries, leftover: loose.join("\n").trim(), didExtendWaiting: extra.length > 0 };
}

const TIME_HEADER = /\b(time|when|timestamp)\b/i;
const DATE_HEADER = /^(date|day)$/i;
const KIND_HEADER = /^(kind|type|category)$/i;

/** A table with a time column: one entry per row. Null when no column holds times. */
function tableEntries(state: ImportState, table: Table): TimelineItem[] | null {
  const [header, ...rows] = table.children;
  if (!header || rows.length === 0) return null;
  const titles = header.children.map((cell) => plainText(cell.children).trim());
  const cellText = (row: (typeof rows)[number], index: number) => (row.children[index] ? plainText(row.children[index].children).trim() : "");
  let timeColumn = titles.findIndex((title) => TIME_HEADER.test(title));
  if (timeColumn === -1 && rows.filter((row) => isTimeLed(cellText(row, 0))).length * 2 >= rows.length) timeColumn = 0;
  if (timeColumn === -1) return null;
  const zone = titles[timeColumn].match(/\(([^)]+)\)/);
  if (zone && !state.draft.timezone) state.draft.timezone = readZone(zone[1]);
  const dateColumn = titles.findIndex((title, index) => index !== timeColumn && DATE_HEADER.test(title));
  const kindColumn = titles.findIndex((title) => KIND_HEADER.test(title));
  return rows.map((row) => {
    const [start] = spanOf(row);
    const time = [dateColumn === -1 ? "" : cellText(row, dateColumn), cellText(row, timeColumn)].filter(Boolean).join(" ");
    const textCells = row.children.filter((_, index) => index !== timeColumn && index !== dateColumn && index !== kindColumn);
    const kind: EventKind | null = kindColumn === -1 ? null : readEventKind(cellText(row, kindColumn));
    const parts = readEntryBlocks([{ type: "paragraph", children: textCells.flatMap((cell, index) => (index ? [{ type: "text" as const, value: " — " }, ...cell.children] : cell.children)) }]);
    // The export writes a "|" in a URL as %7C in tables (GFM splits cells first): the same URL, read back as written.
    if (parts.link) parts.link = parts.link.replace(/%7C/gi, "|");
    const untypedKind = kindColumn !== -1 && !kind ? cellText(row, kindColumn) : "";
    const text = [untypedKind && `${untypedKind}:`, parts.text].filter(Boolean).join(" ");
    if (/^[—–-]?$/.test(time)) return { type: "entry", offset: start, text, link: parts.link, kind: kind ?? parts.kind, isUntimed: true };
    return { type: "entry", offset: start, text: `${time} — ${text}`, link: parts.link, kind: kind ?? parts.kind, isUntimed: false, exact: { time, text } };
  });
}

/** A chat log pasted as code: each line that starts with a time begins an entry. Null when most lines do not. */
function codeEntries(code: Code, start: number): TimelineItem[] | null {
  const lines = code.value.split("\n").filter((line) => line.trim());
  const timed = lines.filter((line) => isTimeLed(line)).length;
  if (timed === 0 || timed * 2 < lines.length) return null;
  const entries: Extract<TimelineItem, { type: "entry" }>[] = [];
  for (const line of lines) {
    if (isTimeLed(line) || entries.length === 0) entries.push({ type: "entry", offset: start, text: line.trim(), link: null, kind: null, isUntimed: false });
    else entries[entries.length - 1].text += `\n${line.trim()}`;
  }
  return entries;
}

/** The Markdown of a list item's content, as if it stood alone. */
export function itemMarkdown(state: ImportState, item: { children: RootContent[] }): string {
  if (item.children.length === 0) return "";
  const [start] = spanOf(item.children[0]);
  const [, end] = spanOf(item.children[item.children.length - 1]);
  const column = (item.children[0].position?.start.column ?? 1) - 1;
  return dedent(sliceBlock(state.source, start, end), column);
}
