/**
 * Headings in plain-text documents: pasted from a blog or a word processor,
 * they arrive as bare short lines ("The Chain Reaction", "1) Safer
 * Middleware") between sentences, code and lists. A line counts as a heading
 * when it looks like a title and what surrounds it looks like its section.
 */
import { readTime } from "@/lib/domain/timeline/parse-time";
import { isExactFieldName } from "./synonyms";

export type PlainHeading = { line: number; depth: 2 | 3; title: string };

const MAX_WORDS = 12;
const MAX_LENGTH = 90;
const LIST_MARKER = /^(?:[-*+•·▪‣◦–]\s|\d{1,3}[.)]\s+\S.*[.:!?]$)/;
const NUMBERED = /^\d{1,2}[.)]\s+/;
// Characters of code, tables and links, not of titles.
const CODE_LIKE = /[{}[\]<>=;|\\`$]|\/\/|^\/|^#|=>|\+\+|&&/;
const ENDS_SENTENCE = /[.,;:!…"”')\]}]$|[.!?]["”']$/;
const ENDS_LIKE_HEADING = /[\p{L}\p{N})?]$/u;

/** The text of a line as a heading would show it: emphasis markers and a trailing colon-free title. */
export function headingTextOf(line: string): string {
  return line
    .trim()
    .replace(/^(\*\*|__)(.+)\1$/, "$2")
    .trim();
}

/** True when one line, taken alone, could be a title. */
export function looksLikeTitle(line: string): boolean {
  const text = headingTextOf(line).replace(NUMBERED, "");
  // "Timeline:" on its own line names a field.
  if (text.endsWith(":") && text.length <= 40 && isExactFieldName(text)) return true;
  if (text.length < 3 || text.length > MAX_LENGTH) return false;
  if (!/^[\p{Lu}\p{N}]/u.test(text) || !ENDS_LIKE_HEADING.test(text)) return false;
  if (CODE_LIKE.test(text) || /\S:\s*\S.*:/.test(text)) return false;
  if (readTime(text).ok) return false;
  const words = text.split(/\s+/);
  if (words.length > MAX_WORDS) return false;
  // "Closing the ticket (done)" is a title; "(see above)" endings and unbalanced brackets are not.
  if ((text.match(/\(/g) ?? []).length !== (text.match(/\)/g) ?? []).length) return false;
  // A line ending in a sentence's punctuation is a sentence, unless it is a question ("What went wrong?").
  if (ENDS_SENTENCE.test(text) && !text.endsWith(")")) return false;
  // Several sentences are never a title.
  if (/[.!?]\s+\p{Lu}/u.test(text)) return false;
  return true;
}

/**
 * Finds the heading lines of a plain-text document. `lines` are the
 * document's lines; `isExcluded` says which are inside code or tables.
 */
export function findPlainHeadings(lines: string[], isExcluded: (index: number) => boolean, firstLine = 0): PlainHeading[] {
  const headings: PlainHeading[] = [];
  let hasUnnumbered = false;
  for (let index = firstLine; index < lines.length; index++) {
    const line = lines[index];
    if (isExcluded(index) || /^\s/.test(line) || LIST_MARKER.test(line.trim())) continue;
    if (!looksLikeTitle(line)) continue;
    const next = nextContentLine(lines, index);
    if (next === null || looksLikeTitle(lines[next]) && next === index + 1) continue;
    const previous = index > firstLine ? lines[index - 1].trim() : "";
    if (!isSectionEnd(previous)) continue;
    const isNumbered = NUMBERED.test(line.trim());
    headings.push({ line: index, depth: isNumbered && hasUnnumbered ? 3 : 2, title: headingTextOf(line) });
    if (!isNumbered) hasUnnumbered = true;
  }
  return headings;
}

/** A heading follows a blank line, a finished sentence, a list item or a line of code; not a sentence cut in two. */
function isSectionEnd(previous: string): boolean {
  if (previous === "") return true;
  if (/^(?:[-*+•·▪‣◦–]|\d{1,3}[.)])\s/.test(previous)) return true;
  if (CODE_LIKE.test(previous) || /^[})\]]/.test(previous)) return true;
  return /[.!?:;)"”'’]$/.test(previous);
}

function nextContentLine(lines: string[], index: number): number | null {
  for (let next = index + 1; next < lines.length; next++) if (lines[next].trim() !== "") return next;
  return null;
}
