/**
 * The prose of a Markdown field, as the language check reads it: a string of
 * the same length (so offsets point into the original) where Markdown syntax
 * becomes spaces and code, raw HTML, images and block quotes become OPAQUE
 * characters that no rule can match across.
 *
 * Speed (checkText runs on every keystroke): the text is cut into blocks at
 * boundaries where Markdown cannot carry context over (split-blocks.ts);
 * blocks without any Markdown syntax are their own prose, the others are
 * parsed with remark and remembered, so typing re-parses one block.
 *
 * The parser is installed (installMarkdownParser): index.ts installs it at
 * once for the server, the CLI and tests; in the browser it arrives on first
 * use (browser.ts). Until then a block with Markdown syntax is all OPAQUE: no
 * rule reads it, so there is no wrong hint, only a late one.
 */
import type { Nodes, Root } from "mdast";
import { splitBlocks } from "./split-blocks";

/** Stands in for every character the rules must not read (code, quotes, HTML). Not a word or space character. */
export const OPAQUE = "\u0001";

let parse: ((text: string) => Root) | null = null;

/** Makes the mask read Markdown syntax with `parser` (null: without one, as the browser starts), forgetting earlier masks. */
export function installMarkdownParser(parser: ((text: string) => Root) | null): void {
  parse = parser;
  cache.clear();
}

export function hasMarkdownParser(): boolean {
  return parse !== null;
}

// Nodes whose content is not the author's prose: quoted words are someone
// else's, code is code. Their whole range becomes OPAQUE.
const OPAQUE_NODES = new Set<Nodes["type"]>(["code", "inlineCode", "html", "blockquote", "image", "imageReference", "definition"]);

// Without any of these, Markdown cannot produce code, quotes, HTML or
// emphasis, so a block is its own prose. Indented code needs four spaces or
// a tab at a line start.
const MAY_HAVE_MARKUP = /[`~<>*_[\]\\&]|^(?: {4}|\t)/m;

const CACHE_LIMIT = 2_000;
const cache = new Map<string, string>();

/** The field's prose with everything else blanked, same length as `text`. */
export function maskNonProse(text: string): string {
  if (!MAY_HAVE_MARKUP.test(text)) return text;
  const blocks = splitBlocks(text);
  const masks = blocks.map((block) => (MAY_HAVE_MARKUP.test(block) ? cache.get(block) : block));
  // Runs of blocks still to parse are parsed together: one parse has a fixed
  // cost, and the cuts between blocks are safe, so each slice is that block's mask.
  for (let first = 0; first < blocks.length; first++) {
    if (masks[first] !== undefined) continue;
    let last = first;
    while (last + 1 < blocks.length && masks[last + 1] === undefined) last++;
    const run = blocks.slice(first, last + 1);
    if (!parse) {
      run.forEach((block, index) => (masks[first + index] = blank(block, OPAQUE)));
      first = last;
      continue;
    }
    const masked = maskByParsing(run.join(""));
    let offset = 0;
    run.forEach((block, index) => {
      const mask = masked.slice(offset, offset + block.length);
      offset += block.length;
      masks[first + index] = mask;
      remember(block, mask);
    });
    first = last;
  }
  return masks.join("");
}

function remember(block: string, mask: string): void {
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(block, mask);
}

/** Forgets parsed blocks; for measuring the cold cost. */
export function clearMaskCache(): void {
  cache.clear();
}

type Range = { start: number; end: number; isOpaque: boolean };

/** The mask of a whole text from one parse, without the fast paths; the reference the tests compare against. */
export function maskByParsing(text: string): string {
  const ranges: Range[] = [];
  if (!parse) return blank(text, OPAQUE);
  collect(parse(text), ranges);
  ranges.sort((a, b) => a.start - b.start);

  let masked = "";
  let position = 0;
  for (const { start, end, isOpaque } of ranges) {
    if (start < position) continue; // nested or overlapping: already covered
    masked += blank(text.slice(position, start), " ");
    masked += isOpaque ? blank(text.slice(start, end), OPAQUE) : text.slice(start, end);
    position = end;
  }
  return masked + blank(text.slice(position), " ");
}

function collect(node: Nodes, ranges: Range[]): void {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (OPAQUE_NODES.has(node.type)) {
    if (start !== undefined && end !== undefined) ranges.push({ start, end, isOpaque: true });
    return;
  }
  if (node.type === "text") {
    if (start !== undefined && end !== undefined) ranges.push({ start, end, isOpaque: false });
    return;
  }
  if ("children" in node) for (const child of node.children) collect(child, ranges);
}

// Line breaks survive so that line-based reporting (the CLI) stays right.
function blank(slice: string, filler: string): string {
  return slice.replace(/[^\r\n]/g, filler);
}
