/**
 * Markdown as the plain text people read: one walk over remark's syntax
 * tree, used by the importer (fields that hold plain text: titles, event
 * texts, whys, owners) and by search (the indexed text that snippets and
 * result summaries are cut from).
 */
import type { Nodes, PhrasingContent, RootContent } from "mdast";
import { parseBlocks } from "./import/parse-blocks";
import { readSource } from "./import/source";

export type PlainTextStyle = {
  /** Inline code kept in backticks (a title keeps `config.yml` recognisable), or bare. */
  hasCodeMarks: boolean;
  /** Images as their alt text, or left out. */
  images: "alt" | "drop";
  /** Raw HTML as written, or only the text between its tags. */
  html: "keep" | "text";
  /** Front matter (`---` … `---` at the start) left out, or kept as text. */
  hasFrontMatter: boolean;
  /** Between the cells of a table row. */
  cellSeparator: string;
};

/** For fields that hold plain text, read by the importer. */
export const FIELD_TEXT: PlainTextStyle = { hasCodeMarks: true, images: "alt", html: "keep", hasFrontMatter: false, cellSeparator: " | " };

/** For reading as prose (search snippets, result summaries): no Markdown punctuation left at all. */
export const READING_TEXT: PlainTextStyle = { hasCodeMarks: false, images: "drop", html: "text", hasFrontMatter: true, cellSeparator: " · " };

/** The plain text of nodes; paragraphs and other blocks are separated by a blank line. */
export function plainText(nodes: readonly Nodes[], style: PlainTextStyle = FIELD_TEXT): string {
  const parts: string[] = [];
  for (const node of nodes) parts.push(plainOf(node, style));
  return parts.join("").replace(/[ \t]+\n/g, "\n").trim();
}

/** Blocks (paragraphs, lists…) as plain text, one blank line between them. */
export function plainBlocks(nodes: readonly RootContent[], style: PlainTextStyle = FIELD_TEXT): string {
  return nodes
    .map((node) => plainText([node], style))
    .filter(Boolean)
    .join("\n\n");
}

// C0 controls but tab and line feed, and DEL: the snippet marks (U+0002, U+0003) are among them and must never reach the index.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
/** A private-use character: neither space nor punctuation to Markdown, like a control character. */
const STAND_IN = "\uE000";
// Characters that can make text Markdown (or an entity, or an escape); text with none of them is its own plain text.
const MAY_BE_MARKDOWN = /[*_`#>|[\]<~!&\\\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]|^[ \t]*([-+=]|\d+[.)])|\n\n\n|[ \t]{2}|\r|^ {4}/m;

// Containers nested deeper than this on one line (`> > > …`, `- - - …`) make remark's time grow with the
// square of the depth; in plain text their markers go anyway, so a longer run of them is dropped before parsing.
const DEEP_NESTING = /^[ \t]*(?:(?:>|[-*+]|\d{1,9}[.)])[ \t]*){16,}/gm;

/**
 * Markdown as prose for reading and searching: emphasis, code and heading
 * markers, quote markers and table pipes go; a link becomes its text; images
 * are left out (their alt text stands in only when nothing else is left, so
 * that a body of one image is not empty). Parsed by the importer's remark
 * pipeline, piece by piece, so the time it takes grows with the text; a
 * save re-indexes every field, so results are remembered for the fields
 * that did not change.
 */
export function markdownAsPlainText(markdown: string): string {
  // Most text has no Markdown at all: no parse (this runs for every field of every save and every seeded postmortem).
  if (!MAY_BE_MARKDOWN.test(markdown)) return markdown.trim();
  const remembered = recent.get(markdown);
  if (remembered !== undefined) return remembered;
  // Control characters are read as the ordinary characters they are to Markdown (a stand-in, as the
  // importer's reader removes them, which could indent a line into code), then become spaces.
  const { source } = readSource(markdown.replace(CONTROL, STAND_IN).replace(DEEP_NESTING, ""));
  const { blocks, unreadFrom } = parseBlocks(source);
  const rest = source.text.slice(unreadFrom).trim();
  const read = (style: PlainTextStyle) => tidy([plainBlocks(blocks, style), rest].filter(Boolean).join("\n\n").replaceAll(STAND_IN, " "));
  const plain = read(READING_TEXT) || read({ ...READING_TEXT, images: "alt" });
  remember(markdown, plain);
  return plain;
}

/** The last texts read (an autosave sends every field again, usually with one changed), up to this many characters. */
const MAX_REMEMBERED_CHARS = 2_000_000;
const recent = new Map<string, string>();
let rememberedChars = 0;

function remember(markdown: string, plain: string): void {
  if (markdown.length > MAX_REMEMBERED_CHARS / 4) return;
  recent.set(markdown, plain);
  rememberedChars += markdown.length + plain.length;
  // A Map iterates in insertion order: the first key is the oldest.
  for (const [oldest, value] of recent) {
    if (rememberedChars <= MAX_REMEMBERED_CHARS) break;
    recent.delete(oldest);
    rememberedChars -= oldest.length + value.length;
  }
}

/** Runs of spaces as one, at most one blank line in a row. */
function tidy(text: string): string {
  return text
    .replace(/[ \t]+/g, " ")
    .replace(/ ?\n ?/g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

// An explicit stack keeps deeply nested input (200 levels of lists) from exhausting the call stack.
function plainOf(root: Nodes, style: PlainTextStyle): string {
  let out = "";
  const stack: (Nodes | string)[] = [root];
  while (stack.length) {
    const item = stack.pop()!;
    if (typeof item === "string") {
      out += item;
      continue;
    }
    const { before, after, children } = pieces(item, style);
    out += before;
    if (after) stack.push(after);
    for (let index = children.length - 1; index >= 0; index--) {
      stack.push(children[index]);
      if (index > 0 && isBlock(item)) stack.push(item.type === "list" ? "\n" : "\n\n");
    }
  }
  return out;
}

const NOTHING = { before: "", after: "", children: [] };

function pieces(node: Nodes, style: PlainTextStyle): { before: string; after: string; children: Nodes[] } {
  switch (node.type) {
    case "text":
      return { before: node.value, after: "", children: [] };
    case "inlineCode":
      return { before: style.hasCodeMarks ? `\`${node.value}\`` : node.value, after: "", children: [] };
    case "code":
      return { before: node.value, after: "", children: [] };
    case "html":
      return { before: style.html === "keep" ? node.value : node.value.replace(/<[^>]*>/g, " "), after: "", children: [] };
    case "break":
      return { before: "\n", after: "", children: [] };
    case "image":
    case "imageReference":
      return style.images === "alt" ? { before: node.alt ?? "", after: "", children: [] } : NOTHING;
    case "footnoteReference":
      return { before: `[^${node.label ?? node.identifier}]`, after: "", children: [] };
    case "listItem":
      return { before: node.checked === true ? "[x] " : node.checked === false ? "[ ] " : "", after: "", children: node.children };
    case "tableRow":
      return { before: "", after: "\n", children: node.children.flatMap((cell, index) => (index ? [textNode(style.cellSeparator), cell] : [cell])) };
    case "yaml":
      return style.hasFrontMatter ? { before: node.value, after: "", children: [] } : NOTHING;
    case "thematicBreak":
    case "definition":
      return NOTHING;
    default: {
      // remark-frontmatter's "toml" node is not in the mdast types.
      const loose = node as { type: string; value?: unknown };
      if (loose.type === "toml") return style.hasFrontMatter && typeof loose.value === "string" ? { before: loose.value, after: "", children: [] } : NOTHING;
      return { before: "", after: "", children: "children" in node ? (node.children as Nodes[]) : [] };
    }
  }
}

function textNode(value: string): PhrasingContent {
  return { type: "text", value };
}

function isBlock(node: Nodes): boolean {
  return node.type === "root" || node.type === "blockquote" || node.type === "listItem" || node.type === "list" || node.type === "footnoteDefinition";
}
