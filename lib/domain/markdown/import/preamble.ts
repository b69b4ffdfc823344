/**
 * The text before the first section: header lines ("Date: …", "- **Severity:** SEV2")
 * read into fields, the export's metrics line set aside, the rest the summary.
 */
import type { RootContent } from "mdast";
import type { Leftover } from "./actions";
import { applyHeaderLine, looksLikeHeaderLine, readHeaderLine } from "./header-lines";
import { isMetricsLine } from "./metrics-lines";
import { blocksBetween, spanOf } from "./parse-blocks";
import { markdownOf } from "./section-text";
import { appendProse, type ImportState } from "./state";

/** Reads the preamble ranges into header fields and the summary. */
export function readPreamble(state: ImportState, ranges: [number, number][]): void {
  const parts: string[] = [];
  // Header lines open a document; once its prose has begun, "Impact: …" is a sentence.
  // A header line that is not read ("**Incident ID:** OPS-1", a status in words) is kept, but is no prose.
  let isOpening = true;
  for (const [start, end] of ranges) {
    const blocks = blocksBetween(state.source, state.blocks, start, end);
    const kept: RootContent[] = [];
    const flush = () => {
      const text = markdownOf(state, kept);
      if (text) parts.push(text);
      kept.length = 0;
    };
    for (const block of blocks) {
      const { remaining, isHeaderLike } = readBlockHeaders(state, block, isOpening);
      isOpening &&= isHeaderLike;
      if (remaining === null) {
        kept.push(block);
        continue;
      }
      flush();
      if (remaining) parts.push(remaining);
    }
    flush();
  }
  appendProse(state, "summary", parts.join("\n\n"));
}

/**
 * Applies the header and metrics lines of a paragraph or list. `remaining` is
 * null when the block has none (keep it as it is), else what is left of it;
 * `isHeaderLike` when all that is left still looks like `Key: value` lines.
 */
function readBlockHeaders(state: ImportState, block: RootContent, isOpening: boolean): { remaining: string | null; isHeaderLike: boolean } {
  const none = { remaining: null, isHeaderLike: false };
  if (block.type !== "paragraph" && block.type !== "list") return none;
  const [start, end] = spanOf(block);
  const lines = state.source.text.slice(start, end).split("\n");
  // A list is read as header lines only when each item is a single line.
  if (block.type === "list" && block.children.some((item) => item.children.length !== 1 || state.source.text.slice(...spanOf(item)).includes("\n"))) return none;
  let offset = start;
  let hasRead = false;
  const rest: string[] = [];
  for (const line of lines) {
    const header = isOpening ? readHeaderLine(line) : null;
    if (header && applyHeaderLine(state, header, offset)) hasRead = true;
    else if (block.type === "paragraph" && isMetricsLine(line)) {
      state.metricsLines.push({ offset, text: line });
      hasRead = true;
    } else rest.push(line);
    offset += line.length + 1;
  }
  const isHeaderLike = rest.every((line) => line.trim() === "" || looksLikeHeaderLine(line));
  return { remaining: hasRead ? rest.join("\n").trim() : null, isHeaderLike };
}

/** Header lines among leftover text ("**Impact:** 80% of logins failed" under a timeline) read into fields. */
export function readLeftoverHeaders(state: ImportState, leftovers: Leftover[]): Leftover[] {
  return leftovers.flatMap((leftover) => {
    let offset = leftover.offset;
    const rest = leftover.markdown.split("\n").filter((line) => {
      const header = readHeaderLine(line);
      const isRead = header !== null && !["title", "date", "moment"].includes(header.field) && applyHeaderLine(state, header, offset);
      offset += line.length + 1;
      return !isRead;
    });
    const markdown = rest.join("\n").trim();
    return markdown ? [{ offset: leftover.offset, markdown }] : [];
  });
}
