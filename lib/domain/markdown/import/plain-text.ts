/**
 * Headings in plain-text documents: pasted from a blog or a word processor,
 * they arrive as bare short lines ("The Chain Reaction", "1) Safer
 * Middleware") between sentences, code and lists. A line counts as a heading
 * when it looks like a title and what surrounds it looks like its section.
 */
import { readTime } from "@/lib/domain/timeline/parse-time";
import { splitTrailingMoment } from "@/lib/domain/timeline/trailing-moment";
import { readHeaderLine } from "./header-lines";
import { isExactFieldName, matchHeading } from "./synonyms";
import { readActionGroup } from "./vocabulary";

export type PlainHeading = { line: number; depth: number; title: string };

const MAX_WORDS = 12;
const MAX_LENGTH = 90;
const LIST_MARKER = /^(?:[-*+•·▪‣◦–]\s|\d{1,3}[.)]\s+\S.*[.:!?]$)/;
// "2. ", "1) ", and outline numbers "2.1 " / "2.1.3.".
const NUMBERED = /^\d{1,2}(?:[.)]|(?:\.\d{1,2})+\.?)\s+/;
// Characters of code, tables and links, not of titles.
const CODE_LIKE = /[{}[\]<>=;|\\`$]|\/\/|^\/|^#|=>|\+\+|&&/;
const ENDS_SENTENCE = /[.,;:!…"”')\]}]$|[.!?]["”']$/;
const MINOR_WORDS = new Set(["a", "an", "the", "and", "or", "of", "in", "on", "to", "for", "with", "at", "by", "we", "vs"]);
const ENDS_LIKE_HEADING = /[\p{L}\p{N})?]$/u;

/** The text of a line as a heading would show it: emphasis markers and a trailing colon-free title. */
export function headingTextOf(line: string): string {
  return line
    .trim()
    .replace(/^(\*\*|__)(.+)\1$/, "$2")
    .trim();
}

// Emoji (with their joiners, variation selectors and skin tones) that decorate a heading: "Check the input first 🧪".
const EMOJI = String.raw`[\p{Extended_Pictographic}\p{Emoji_Modifier}\u{FE0F}\u{200D}\u{20E3}]`;
const EDGE_EMOJI = new RegExp(String.raw`^(?:${EMOJI}\s*)+|(?:\s*${EMOJI})+$`, "gu");

/** A heading's words without the emoji around them. */
export function withoutEmoji(text: string): string {
  return text.replace(EDGE_EMOJI, "").trim();
}

/** True when one line, taken alone, could be a title. */
export function looksLikeTitle(line: string): boolean {
  // Emoji, bold markers and spaces around a title never make it four times longer.
  if (line.length > 4 * MAX_LENGTH) return false;
  const isNumbered = NUMBERED.test(headingTextOf(line));
  let text = withoutEmoji(headingTextOf(line).replace(NUMBERED, ""));
  // "Timeline:" on its own line names a field.
  if (text.endsWith(":") && text.length <= 40 && isExactFieldName(text)) return true;
  // "P0", "Now", "Short term:" group actions.
  if (text.length <= 40 && readActionGroup(text.replace(/:$/, "")) && !/[.!?,;]/.test(text)) return /^[\p{Lu}\p{N}]/u.test(text);
  // A colon ends a heading that names a field ("What we changed:"), a numbered one, or one in Title Case; "This was the play-by-play:" leads into a list.
  if (text.endsWith(":")) {
    const words = text.slice(0, -1).split(/\s+/);
    const isTitleCase = words.length >= 2 && words.every((word, index) => index > 0 && MINOR_WORDS.has(word) || /^[\p{Lu}\p{N}]/u.test(word));
    if (!(matchHeading(text, null) || isNumbered || isTitleCase)) return false;
    text = text.slice(0, -1).trimEnd();
  }
  if (text.length < 3 || text.length > MAX_LENGTH) return false;
  if (!/^[\p{Lu}\p{N}]/u.test(text) || !ENDS_LIKE_HEADING.test(text)) return false;
  if (CODE_LIKE.test(text) || /\S:\s*\S.*:/.test(text)) return false;
  // "Maintenance window April 5th, 02:00" is a timeline event, not a heading.
  if (readTime(text).ok || readHeaderLine(text) || splitTrailingMoment(text)) return false;
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
 * Under a heading of factors or actions ("What went wrong?", "Action items")
 * whose own text is at most a line, the headings that name no field are its
 * items (depth 3), each with its paragraphs, until a heading that names a
 * field or closes the post ("Final thoughts"); numbered headings after an
 * unnumbered one are subsections too.
 */
export function findPlainHeadings(lines: string[], isExcluded: (index: number) => boolean, firstLine = 0): PlainHeading[] {
  const headings: PlainHeading[] = [];
  let hasUnnumbered = false;
  // The factors or actions heading whose items are being read, and whether they are numbered.
  let items: { depth: number; isNumbered: boolean | null } | null = null;
  let lastHeadingLine = -2;
  for (let index = firstLine; index < lines.length; index++) {
    const line = lines[index];
    if (isExcluded(index) || /^\s/.test(line) || LIST_MARKER.test(line.trim())) continue;
    if (!looksLikeTitle(line)) continue;
    const next = nextContentLine(lines, index);
    if (next === null) continue;
    if (next === index + 1 && looksLikeTitle(lines[next]) && !isStructure(line) && !isStructure(lines[next])) continue;
    const previous = index > firstLine ? lines[index - 1].trim() : "";
    if (lastHeadingLine !== index - 1 && !isSectionEnd(previous)) continue;
    const title = headingTextOf(line);
    const numbering = title.match(NUMBERED)?.[0].trim().replace(/[.)]$/, "");
    const isNumbered = numbering !== undefined;
    const match = matchHeading(title, null);
    // "2.1" is a level below "2."; "1)" after an unnumbered heading is its subsection.
    const levels = numbering?.split(".").length ?? 1;
    let depth = Math.min(levels > 1 ? 1 + levels : isNumbered && hasUnnumbered ? 3 : 2, 6);
    if (items && !match && !CLOSING.test(normalizeClosing(title)) && (items.isNumbered === null || items.isNumbered === isNumbered || readActionGroup(title))) {
      if (items.isNumbered === null && !readActionGroup(title)) items.isNumbered = isNumbered;
      depth = Math.max(depth, items.depth + 1);
    } else {
      items = match && (match.role === "factors" || match.role === "actions") && ownTextIsShort(lines, index, isExcluded) ? { depth, isNumbered: null } : null;
    }
    headings.push({ line: index, depth, title });
    lastHeadingLine = index;
    // The document's title line is no section: numbered headings after it are not its subsections.
    if (!isNumbered && !(headings.length === 1 && lines.slice(firstLine, index).every((text) => text.trim() === ""))) hasUnnumbered = true;
  }
  return headings;
}

// Headings that end a post, not items of its last list of actions.
const CLOSING = /^(?:conclusions?|in conclusion|final thoughts|closing thoughts|closing|final words|wrapping up|wrap up|to wrap up|thanks|thank you|acknowledge?ments|references|further reading|about the author|appendix\b.*|questions|next up|faq)$/;
const normalizeClosing = (title: string) => withoutEmoji(title).toLowerCase().replace(/['’]/g, "").replace(/^\d{1,2}[.)]\s+/, "").replace(/[^\p{L}\p{N}]+/gu, " ").trim();

/** A heading that names a field, groups actions or is numbered: it may stand right above another heading. */
function isStructure(line: string): boolean {
  const text = withoutEmoji(headingTextOf(line)).replace(/:$/, "");
  return matchHeading(text, null) !== null || readActionGroup(text) !== null || NUMBERED.test(text);
}

/** Whether a heading's own text, before the next title-like line, is at most one line of introduction. */
function ownTextIsShort(lines: string[], index: number, isExcluded: (index: number) => boolean): boolean {
  let count = 0;
  for (let next = index + 1; next < lines.length; next++) {
    const line = lines[next];
    if (line.trim() === "") continue;
    // A list right under it: the items are list items, not subheadings.
    if (/^\s*(?:[-*+•·▪‣◦–]|\d{1,3}[.)])\s/.test(line) && !NUMBERED.test(line.trim())) return false;
    if (!isExcluded(next) && !/^\s/.test(line) && looksLikeTitle(line)) return true;
    if (++count > 1 || line.length > 300) return false;
  }
  return true;
}

/** A heading follows a blank line, a finished sentence, a list item or a line of code; not a sentence cut in two. */
function isSectionEnd(previous: string): boolean {
  if (previous === "") return true;
  if (/^(?:[-*+•·▪‣◦–]|\d{1,3}[.)])\s/.test(previous)) return true;
  if (CODE_LIKE.test(previous) || /^[})\]]/.test(previous) || readHeaderLine(previous)) return true;
  return /[.!?:;)"”'’]$/.test(previous) || withoutEmoji(previous) !== previous;
}

function nextContentLine(lines: string[], index: number): number | null {
  for (let next = index + 1; next < lines.length; next++) if (lines[next].trim() !== "") return next;
  return null;
}
