/**
 * Highlighted text from the index. SQLite marks matched words with two
 * control characters that never occur in indexed text (the index strips them,
 * see search-document.ts); this module splits on them, so that the marks are
 * rendered as elements and the text is always rendered as text.
 */

import { porterStem } from "./porter";
import { wordsOf } from "./words";

export const MARK_START = "\u0002";
export const MARK_END = "\u0003";
/** What stands for the text a snippet leaves out. */
export const ELLIPSIS = "…";

export type TextPart = { text: string; isMatch: boolean };

/**
 * Splits marked text into plain and matched parts: adjacent parts of the same
 * kind merged, empty ones dropped, and matches separated only by spaces read
 * as one ("token parser" rather than "token", " ", "parser").
 */
export function parseMarkedText(marked: string): TextPart[] {
  const parts: TextPart[] = [];
  let isMatch = false;
  let current = "";
  const flush = () => {
    if (!current) return;
    const last = parts[parts.length - 1];
    if (last && last.isMatch === isMatch) last.text += current;
    else parts.push({ text: current, isMatch });
    current = "";
  };
  for (const char of marked) {
    if (char === MARK_START || char === MARK_END) {
      flush();
      isMatch = char === MARK_START;
    } else {
      current += char;
    }
  }
  flush();
  const joined: TextPart[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    const previous = joined[joined.length - 1];
    const next = parts[i + 1];
    if (!part.isMatch && previous?.isMatch && next?.isMatch && /^[ \t]+$/.test(part.text)) {
      previous.text += part.text + next.text;
      i++;
    } else {
      joined.push({ ...part });
    }
  }
  return joined;
}

/** How many matched parts a marked text has. */
export function countMatches(marked: string): number {
  let count = 0;
  for (const char of marked) if (char === MARK_START) count++;
  return count;
}

/** The parts as plain text, matches wrapped in `open` and `close` (for terminals and logs). */
export function formatParts(parts: TextPart[], open = "[", close = "]"): string {
  return parts.map((part) => (part.isMatch ? `${open}${part.text}${close}` : part.text)).join("");
}

/** How many different words (by stem) are marked: "token parser" beats "token … token". */
function distinctMatches(parts: TextPart[]): number {
  return new Set(parts.filter((part) => part.isMatch).flatMap((part) => wordsOf(part.text).map(porterStem))).size;
}

/**
 * The best of a result's snippets (one per field, in field order): the one
 * that shows the most of the query's different words; on a tie, the earlier
 * (weightier) field. Null when no field has a match (only the title matched).
 */
export function chooseSnippet<F extends string>(snippets: { field: F; marked: string | null }[]): { field: F; parts: TextPart[] } | null {
  let best: { field: F; parts: TextPart[]; score: number } | null = null;
  for (const { field, marked } of snippets) {
    if (!marked || countMatches(marked) === 0) continue;
    const parts = parseMarkedText(marked);
    const score = distinctMatches(parts);
    if (!best || score > best.score) best = { field, parts, score };
  }
  return best ? { field: best.field, parts: best.parts } : null;
}
