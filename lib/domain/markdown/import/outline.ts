/**
 * The document's outline: its headings — Markdown headings, bold lines that
 * name a field, or, in plain text, bare title-like lines — nested by level,
 * each owning the text up to the next heading of its level or above.
 */
import type { Heading, Paragraph, RootContent } from "mdast";
import { plainText } from "../plain-text";
import { spanOf } from "./parse-blocks";
import { findPlainHeadings, headingTextOf } from "./plain-text";
import { lineAt, lineStart, type Source } from "./source";
import { isExactFieldName } from "./synonyms";

export type HeadingMark = {
  depth: number;
  /** Plain text of the heading. */
  title: string;
  /** Where the heading starts and where its section's content starts. */
  start: number;
  contentStart: number;
};

export type OutlineNode = { heading: HeadingMark; end: number; children: OutlineNode[] };

/** The headings of the text between `start` and `end`, in order; `isPlainText` when it has no Markdown heading. */
export function findHeadings(source: Source, blocks: RootContent[], start: number, end: number): { marks: HeadingMark[]; isPlainText: boolean } {
  const inside = blocks.filter((block) => spanOf(block)[0] >= start && spanOf(block)[1] <= end);
  const headings = inside.filter((block): block is Heading => block.type === "heading");
  if (headings.length === 0) return { marks: plainHeadings(source, inside, start, end), isPlainText: true };
  const topDepth = Math.min(...headings.map((heading) => heading.depth).filter((depth) => depth > 1), 6);
  const marks = inside.flatMap((block): HeadingMark[] => {
    const [blockStart, blockEnd] = spanOf(block);
    if (block.type === "heading") {
      return [{ depth: block.depth, title: plainText(block.children) || source.text.slice(blockStart, blockEnd).replace(/^#+\s*|\s*#*$/g, ""), start: blockStart, contentStart: blockEnd }];
    }
    // "**Timeline**" or "Action items:" alone on a line, between blocks: a heading written as a paragraph.
    if (block.type === "paragraph" && isFieldNameParagraph(block, source)) {
      return [{ depth: topDepth, title: headingTextOf(plainText(block.children)).replace(/:$/, ""), start: blockStart, contentStart: blockEnd }];
    }
    return [];
  });
  return { marks, isPlainText: false };
}

function isFieldNameParagraph(block: Paragraph, source: Source): boolean {
  const [start, end] = spanOf(block);
  const text = source.text.slice(start, end);
  if (text.includes("\n") || text.length > 60) return false;
  const onlyStrong = block.children.length === 1 && block.children[0].type === "strong";
  const plain = plainText(block.children);
  return (onlyStrong || /:$/.test(plain)) && isExactFieldName(plain.replace(/:$/, ""));
}

/** Bare heading lines of a plain-text document (code and tables excluded). */
function plainHeadings(source: Source, blocks: RootContent[], start: number, end: number): HeadingMark[] {
  const firstLine = lineAt(source, start) - 1;
  const lastLine = lineAt(source, Math.max(start, end - 1));
  const lines = source.text.split("\n", lastLine);
  const excluded = new Set<number>();
  for (const block of blocks) {
    if (block.type !== "code" && block.type !== "table" && block.type !== "html" && block.type !== "blockquote") continue;
    const [from, to] = spanOf(block);
    for (let line = lineAt(source, from); line <= lineAt(source, Math.max(from, to - 1)); line++) excluded.add(line - 1);
  }
  return findPlainHeadings(lines, (index) => excluded.has(index), firstLine).map((heading) => {
    const headingStart = lineStart(source, heading.line + 1);
    return {
      depth: heading.depth,
      title: heading.title,
      start: headingStart,
      contentStart: Math.min(end, headingStart + lines[heading.line].length + 1),
    };
  });
}

/** Nests headings: each section ends where a heading of its level or above begins. */
export function buildOutline(marks: HeadingMark[], end: number): OutlineNode[] {
  const roots: OutlineNode[] = [];
  const stack: OutlineNode[] = [];
  for (const heading of marks) {
    const node: OutlineNode = { heading, end, children: [] };
    while (stack.length && stack[stack.length - 1].heading.depth >= heading.depth) stack.pop()!.end = heading.start;
    if (stack.length) stack[stack.length - 1].children.push(node);
    else roots.push(node);
    stack.push(node);
  }
  return roots;
}
