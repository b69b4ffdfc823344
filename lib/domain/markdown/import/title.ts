/**
 * The postmortem's title, from the best source the document has: front
 * matter, the `# H1`, a short first line standing alone ("The Day I Broke
 * the Internet (Sort Of)"), a "Title:" line, the file name, the first sentence.
 */
import { readFileName } from "./dates";
import { readHeaderLine } from "./header-lines";
import { plainText } from "../plain-text";
import type { HeadingMark } from "./outline";
import { parseFragment } from "./parse-blocks";
import { warn, type ImportState } from "./state";
import { matchHeading, normalizeHeading } from "./synonyms";
import { isTimeLed } from "./timeline-items";
import { readActionGroup } from "./vocabulary";

export const UNTITLED = "Untitled postmortem";

/** Takes the title from a heading or the first line; returns the range it occupied (left out of the summary), or null. */
export function takeTitle(state: ImportState, marks: HeadingMark[], bodyStart: number): [number, number] | null {
  const { draft, source } = state;
  const h1s = marks.filter((mark) => mark.depth === 1);
  const first = marks[0];
  if (first?.depth === 1) {
    const isAtStart = source.text.slice(bodyStart, first.start).trim() === "";
    // The only H1 is the title, whatever it says; among several, the first, unless it names a field.
    if (h1s.length === 1 || (isAtStart && !matchHeading(first.title, null))) {
      if (!draft.title) draft.title = first.title;
      // A front matter title and a different H1: the H1 is a section of its own.
      if (normalizeHeading(draft.title) === normalizeHeading(first.title)) {
        marks.shift();
        return [first.start, first.contentStart];
      }
    }
  }
  if (draft.title) return null;
  return takeTitleLine(state, marks, bodyStart);
}

/** A short first line with a blank line after it, that reads like a title rather than a sentence. */
function takeTitleLine(state: ImportState, marks: HeadingMark[], bodyStart: number): [number, number] | null {
  const { text } = state.source;
  const start = bodyStart + (text.slice(bodyStart).match(/^\s*/)?.[0].length ?? 0);
  const lineEnd = text.indexOf("\n", start) === -1 ? text.length : text.indexOf("\n", start);
  const line = text.slice(start, lineEnd).trim();
  const after = text.slice(lineEnd);
  // In plain text, the first heading line is the title even with its paragraph right under it.
  const isPlainHeading = marks[0]?.start === start && marks[0].depth === 2 && !matchHeading(marks[0].title, null) && !readActionGroup(marks[0].title);
  if (!line || line.length > 150 || !(isPlainHeading || /^\s*\n[ \t]*\n\s*\S/.test(after))) return null;
  if (/[.,;:!]$/.test(line) || /^(?:[-*+>|#`~]|\d{1,3}[.)]\s|!\[)/.test(line)) return null;
  if (readHeaderLine(line) || isTimeLed(line)) return null;
  const title = plainText(parseFragment(line));
  if (!title) return null;
  state.draft.title = title;
  // In plain text, the same line was also taken for a section heading.
  if (marks[0]?.start === start) marks.shift();
  return [start, Math.min(text.length, lineEnd + 1)];
}

/** When nothing gave a title: the file name, else the first sentence, else "Untitled postmortem" — with a warning. */
export function fallBackTitle(state: ImportState, fileName: string | undefined): void {
  if (state.draft.title.trim()) return;
  const fromFile = fileName ? readFileName(fileName).title : null;
  if (fromFile) {
    state.draft.title = fromFile;
    warn(state, null, `No title found: used the file name ("${fromFile}")`);
    return;
  }
  const sentence = firstSentence(`${state.draft.summary}\n\n${state.draft.sections.map((section) => section.body).join("\n\n")}`);
  state.draft.title = sentence ?? UNTITLED;
  warn(state, null, sentence ? `No title found: used the first sentence ("${sentence}")` : `No title found: called it "${UNTITLED}"`);
}

function firstSentence(markdown: string): string | null {
  const plain = plainText(parseFragment(markdown.slice(0, 2000))).replace(/\s+/g, " ").trim();
  const sentence = plain.match(/^(.{3,}?[.!?])(?:\s|$)/)?.[1] ?? plain;
  if (!/\p{L}/u.test(sentence)) return null;
  return sentence.length <= 120 ? sentence : `${sentence.slice(0, 117).replace(/\s+\S*$/, "")}…`;
}
