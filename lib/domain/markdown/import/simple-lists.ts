/**
 * Tight bullet lists of plain one-line items (`- 10:47 Deploy starts`), the
 * shape of most timelines, built as the syntax tree remark would give,
 * without remark: its list reader spent some 15 s per MB on them (issue 16).
 * Only what is certainly such a list is built here; anything else, Markdown
 * inside an item, a line that could continue an item or join another list,
 * is left to remark. The parse-blocks tests check the trees are the same.
 */
import type { List, ListItem } from "mdast";

// One space after the marker, then text with nothing Markdown reads inline
// (emphasis, code, links, HTML, entities, escapes, autolinks) and that does
// not open a block inside the item (a nested list, a quote, a heading, a rule).
const ITEM = /^([-*+]) (?![-*+=](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$)|[ \t>#]|-{3,}|={3,})([^*_`[\]<>!&\\~|#\t\n]*?)[ ]*$/;
const AUTOLINK = /https?:|www\.|@|:\/\/|mailto:|xmpp:/i;
const MIN_ITEMS = 8;

export type SimpleList = { start: number; end: number; node: List };

type Line = { start: number; text: string };

/**
 * The simple lists in a text, in order, each with its start and end
 * offsets; positions in the nodes are counted from the text's start, lines
 * from 1.
 */
export function findSimpleLists(text: string): SimpleList[] {
  const lines: Line[] = [];
  for (let start = 0; start <= text.length; ) {
    const newline = text.indexOf("\n", start);
    const end = newline === -1 ? text.length : newline;
    lines.push({ start, text: text.slice(start, end) });
    start = end + 1;
  }
  const found: SimpleList[] = [];
  let index = 0;
  while (index < lines.length) {
    const match = itemOf(lines[index].text);
    if (!match || !isOpening(lines, index)) {
      index++;
      continue;
    }
    let last = index;
    while (last + 1 < lines.length && itemOf(lines[last + 1].text)?.marker === match.marker) last++;
    if (last - index + 1 >= MIN_ITEMS && isClosing(lines, last, match.marker)) found.push(build(lines, index, last));
    index = last + 1;
  }
  return found;
}

function itemOf(line: string): { marker: string; content: string } | null {
  const match = ITEM.exec(line);
  if (!match || match[2].trim() === "" || AUTOLINK.test(match[2])) return null;
  return { marker: match[1], content: match[2] };
}

/** Starts a list for certain: at the text's start, or after a blank line that follows a heading. */
function isOpening(lines: Line[], index: number): boolean {
  if (index === 0) return true;
  if (lines[index - 1].text.trim() !== "") return false;
  let previous = index - 1;
  while (previous >= 0 && lines[previous].text.trim() === "") previous--;
  return previous < 0 || /^#{1,6}(?:[ \t]|$)/.test(lines[previous].text);
}

/** Ends the list for certain: the text's end, or a blank line and then a line at the margin that is no item of this list. */
function isClosing(lines: Line[], last: number, marker: string): boolean {
  if (last === lines.length - 1) return true;
  if (lines[last + 1].text.trim() !== "") return false;
  let next = last + 1;
  while (next < lines.length && lines[next].text.trim() === "") next++;
  if (next === lines.length) return true;
  const line = lines[next].text;
  return /^[^\s]/.test(line) && !line.startsWith(`${marker} `) && line !== marker;
}

function build(lines: Line[], first: number, last: number): SimpleList {
  // Fresh objects for every position: parse-blocks moves each point in place.
  const point = (line: number, column: number, offset: number) => ({ line: line + 1, column: column + 1, offset });
  const children: ListItem[] = [];
  for (let index = first; index <= last; index++) {
    const { start, text } = lines[index];
    const value = text.slice(2).trimEnd();
    const lineEnd = () => point(index, text.length, start + text.length);
    const contentStart = () => point(index, 2, start + 2);
    children.push({
      type: "listItem",
      spread: false,
      checked: null,
      children: [
        {
          type: "paragraph",
          children: [{ type: "text", value, position: { start: contentStart(), end: point(index, 2 + value.length, start + 2 + value.length) } }],
          position: { start: contentStart(), end: lineEnd() },
        },
      ],
      position: { start: point(index, 0, start), end: lineEnd() },
    });
  }
  const lastLine = lines[last];
  return {
    start: lines[first].start,
    end: lastLine.start + lastLine.text.length,
    node: {
      type: "list",
      ordered: false,
      start: null,
      spread: false,
      children,
      position: { start: point(first, 0, lines[first].start), end: point(last, lastLine.text.length, lastLine.start + lastLine.text.length) },
    },
  };
}
