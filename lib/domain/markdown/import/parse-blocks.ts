/**
 * Turns the source into Markdown syntax trees (remark with GFM and front
 * matter), piece by piece. The pieces are cut only where Markdown itself
 * starts a new block regardless of what came before (a `#` heading outside a
 * code fence), or, for a very long stretch, at a blank line; so the trees are
 * the ones a single parse would give. Cutting keeps the parser's time bounded:
 * its cost grows faster than the text on some inputs, and past a budget the
 * rest is kept as text without being read.
 */
import type { Nodes, Root, RootContent } from "mdast";
import remarkFrontmatter from "remark-frontmatter";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { findSimpleLists } from "./simple-lists";
import { lineAt, type Source } from "./source";

/** Size from which a piece is cut at the next safe place. */
export const MAX_PIECE_CHARS = 32_000;
/** Size past which a piece is cut anywhere between lines, or, a single line, not read. */
export const HARD_MAX_PIECE_CHARS = 4 * MAX_PIECE_CHARS;
/** Text read as Markdown; anything after it is kept as plain text. */
export const MAX_STRUCTURED_CHARS = 256_000;

export type ParsedBlocks = {
  /** Top-level nodes, positions counted from the start of the whole source. */
  blocks: RootContent[];
  /** Where the text that was not read as Markdown starts (the text's length when everything was read). */
  unreadFrom: number;
  /** Fenced code blocks that are never closed: the offset of their opening line. */
  unclosedFences: number[];
  /** The deepest nesting of lists, and where it is. */
  deepestList: { depth: number; offset: number };
};

/** Constructs that can be switched off for a piece whose text would make them slow (see `slowConstructs`). */
type SlowConstruct = "attention" | "labelEnd";
const DISABLED: Record<SlowConstruct, string[]> = { attention: ["attention", "strikethrough"], labelEnd: ["labelEnd"] };

function makeProcessor(disabled: SlowConstruct[]) {
  const names = disabled.flatMap((construct) => DISABLED[construct]);
  return unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkFrontmatter, ["yaml", "toml"])
    .use(function disableConstructs() {
      if (names.length) (this.data().micromarkExtensions ??= []).push({ disable: { null: names } });
    });
}

const processors = new Map<string, ReturnType<typeof makeProcessor>>();
function processorFor(disabled: SlowConstruct[]) {
  const key = disabled.join(",");
  if (!processors.has(key)) processors.set(key, makeProcessor(disabled));
  return processors.get(key)!;
}

/**
 * Emphasis marks and link ends cost micromark time that can grow with the
 * square of their number in one paragraph: 1 MB of `*_*_*_…` lines took
 * minutes. Their cost is estimated as that square, paragraph by paragraph;
 * past this budget for a whole document (a thousand-line chat log with a
 * bold name on each line is well within it), a piece is read without the
 * construct: its marks stay as text, which sections keep as written anyway.
 */
export const MAX_MARKS_COST = 20_000_000;
const STAR = 42;
const UNDERSCORE = 95;
const TILDE = 126;
const CLOSE_BRACKET = 93;
const OPEN_PAREN = 40;
const STARTS_BLOCK = /^\s{0,3}(?:[-*+]\s|\d{1,9}[.)]\s|#|>|\|)/;

/** The estimated cost of a text's emphasis marks and link ends (see MAX_MARKS_COST): paragraph by paragraph, a list item or a blank line starting another. */
export function marksCost(text: string): Record<SlowConstruct, number> {
  const cost = { attention: 0, labelEnd: 0 };
  let marks = 0;
  let linkEnds = 0;
  const endParagraph = () => {
    cost.attention += marks * marks;
    cost.labelEnd += linkEnds * linkEnds;
    marks = 0;
    linkEnds = 0;
  };
  for (let lineStart = 0; lineStart <= text.length; ) {
    const newline = text.indexOf("\n", lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    const line = text.slice(lineStart, lineEnd);
    if (line.trim() === "" || STARTS_BLOCK.test(line)) endParagraph();
    for (let index = 0; index < line.length; index++) {
      const code = line.charCodeAt(index);
      if (code === STAR || code === UNDERSCORE || code === TILDE) marks++;
      else if (code === CLOSE_BRACKET && line.charCodeAt(index + 1) === OPEN_PAREN) linkEnds++;
    }
    lineStart = lineEnd + 1;
  }
  endParagraph();
  return cost;
}

/** The constructs to switch off for a text, given what the document has spent of the budget; what is kept on is charged to `spent`. */
export function slowConstructs(text: string, spent: Record<SlowConstruct, number> = { attention: 0, labelEnd: 0 }): SlowConstruct[] {
  const cost = marksCost(text);
  const disabled: SlowConstruct[] = [];
  for (const construct of ["attention", "labelEnd"] as const) {
    if (spent[construct] + cost[construct] > MAX_MARKS_COST) disabled.push(construct);
    else spent[construct] += cost[construct];
  }
  return disabled;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const ATX_HEADING = /^#{1,6}(?:[ \t]|$)/;
const PLAIN_BLOCK_START = /^[^\s>|*+\-\d]/;

/** Parses the source into top-level blocks. */
export function parseBlocks(source: Source): ParsedBlocks {
  const pieces = cutPieces(source.text);
  const blocks: RootContent[] = [];
  const unclosedFences: number[] = [];
  const deepestList = { depth: 0, offset: 0 };
  let read = 0;
  const spent = { attention: 0, labelEnd: 0 };
  let unreadFrom = source.text.length;
  for (const [start, end] of pieces) {
    if (end - start > HARD_MAX_PIECE_CHARS || read + (end - start) > MAX_STRUCTURED_CHARS) {
      unreadFrom = start;
      break;
    }
    read += end - start;
    blocks.push(
      ...parseRange(source, start, end, spent, (node, listDepth) => {
        if (listDepth > deepestList.depth) Object.assign(deepestList, { depth: listDepth, offset: node.position?.start.offset ?? 0 });
        if (node.type === "code" && isUnclosedFence(source.text.slice(node.position!.start.offset, node.position!.end.offset))) {
          unclosedFences.push(node.position!.start.offset!);
        }
      }),
    );
  }
  return { blocks, unreadFrom, unclosedFences, deepestList };
}

/** Parses one range of the source on its own, positions counted from the start of the source. */
function parseRange(
  source: Source,
  start: number,
  end: number,
  spent?: Record<SlowConstruct, number>,
  visit: (node: Nodes, listDepth: number) => void = () => {},
): RootContent[] {
  const text = source.text.slice(start, end);
  const processor = processorFor(slowConstructs(text, spent));
  const nodes: RootContent[] = [];
  let from = 0;
  const parseUpTo = (to: number) => {
    const part = text.slice(from, to);
    if (part.trim() === "") return;
    const tree = processor.parse(part) as Root;
    shiftPositions(tree, start + from, lineAt(source, start + from) - 1, visit);
    nodes.push(...tree.children);
  };
  for (const list of findSimpleLists(text)) {
    parseUpTo(list.start);
    shiftPositions({ type: "root", children: [list.node] }, start, lineAt(source, start) - 1, visit);
    nodes.push(list.node);
    from = list.end;
  }
  parseUpTo(text.length);
  return nodes;
}

/**
 * The top-level blocks between two offsets. When a boundary falls inside a
 * block (a plain-text heading line in the middle of a paragraph), the range
 * is parsed on its own.
 */
export function blocksBetween(source: Source, blocks: RootContent[], start: number, end: number): RootContent[] {
  const inside: RootContent[] = [];
  // Blocks are in source order: skip to the first that ends after `start`.
  let low = 0;
  let high = blocks.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (spanOf(blocks[middle])[1] <= start) low = middle + 1;
    else high = middle;
  }
  for (const block of blocks.slice(low)) {
    const [from, to] = spanOf(block);
    if (from >= end) break;
    if (to <= start) continue;
    if (from < start || to > end) return start < end ? parseRange(source, start, end) : [];
    inside.push(block);
  }
  return inside;
}

/**
 * [start, end) offsets of the pieces, in order, covering the whole text. A
 * piece ends before a `#` heading; past MAX_PIECE_CHARS, before the last
 * plain block after a blank line, else before the last line that starts at
 * the margin (a list item or paragraph line: lists stay lists); only past
 * four times that, anywhere between lines.
 */
export function cutPieces(text: string): [number, number][] {
  const lines = text.split("\n");
  const pieces: [number, number][] = [];
  let pieceStart = 0;
  let blankCut = -1;
  let marginCut = -1;
  let fence: string | null = null;
  // Front matter is cut from nothing (a YAML comment is not a heading), when it is closed at all.
  const frontMatterFence = /^(---|\+\+\+)[ \t]*$/.test(lines[0] ?? "") ? lines[0].trim() : "";
  let isInFrontMatter = frontMatterFence !== "" && lines.slice(1, 2000).some((line) => line.trim() === frontMatterFence);
  let offset = 0;
  let previousBlank = false;
  const cut = (at: number) => {
    pieces.push([pieceStart, at]);
    pieceStart = at;
    blankCut = -1;
    marginCut = -1;
  };
  lines.forEach((line, index) => {
    const lineOffset = offset;
    offset += line.length + 1;
    if (isInFrontMatter) {
      if (index > 0 && line.trim() === frontMatterFence) isInFrontMatter = false;
      return;
    }
    const fenceMatch = FENCE.exec(line);
    const wasInFence = fence !== null;
    if (fence === null && fenceMatch && !(fenceMatch[1][0] === "`" && fenceMatch[2].includes("`"))) {
      fence = fenceMatch[1];
    } else if (fence !== null && fenceMatch && fenceMatch[1][0] === fence[0] && fenceMatch[1].length >= fence.length && fenceMatch[2].trim() === "") {
      fence = null;
    }
    if (!wasInFence && lineOffset > pieceStart) {
      if (ATX_HEADING.test(line)) cut(lineOffset);
      else if (previousBlank && PLAIN_BLOCK_START.test(line)) blankCut = lineOffset;
      if (/^\S/.test(line) && lineOffset > pieceStart) marginCut = lineOffset;
    }
    const size = Math.min(offset, text.length) - pieceStart;
    if (size > MAX_PIECE_CHARS && lineOffset > pieceStart) {
      if (blankCut > pieceStart) cut(blankCut);
      else if (marginCut > pieceStart) cut(marginCut);
      else if (size > HARD_MAX_PIECE_CHARS) cut(lineOffset);
    }
    previousBlank = line.trim() === "";
  });
  if (pieceStart < text.length || pieces.length === 0) pieces.push([pieceStart, text.length]);
  return pieces;
}

/** Moves every position in the tree by a piece's offset and line, calling `visit` on each node with its depth in lists. */
function shiftPositions(tree: Root, offset: number, lines: number, visit: (node: Nodes, listDepth: number) => void): void {
  const stack: [Nodes, number][] = [[tree, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (node.position) {
      for (const point of [node.position.start, node.position.end]) {
        point.offset = (point.offset ?? 0) + offset;
        point.line += lines;
      }
    }
    const listDepth = node.type === "list" ? depth + 1 : depth;
    visit(node, listDepth);
    if ("children" in node) for (const child of node.children) stack.push([child as Nodes, listDepth]);
  }
}

function isUnclosedFence(code: string): boolean {
  const lines = code.split("\n");
  const open = FENCE.exec(lines[0]);
  if (!open) return false;
  const close = lines.length > 1 ? FENCE.exec(lines[lines.length - 1].trimStart()) : null;
  return !(close && close[1][0] === open[1][0] && close[1].length >= open[1].length && close[2].trim() === "");
}

/** Start and end offsets of a node. */
export function spanOf(node: Nodes): [number, number] {
  return [node.position?.start.offset ?? 0, node.position?.end.offset ?? 0];
}

/** Parses a small piece of Markdown on its own (positions relative to it). */
export function parseFragment(markdown: string): RootContent[] {
  return (processorFor(slowConstructs(markdown)).parse(markdown) as Root).children;
}
