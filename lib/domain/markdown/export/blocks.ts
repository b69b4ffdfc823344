/** Building blocks of the exported Markdown: headings, sections and list items that hold the user's Markdown. */
import { headingText, indentAll, indentRest, markdownBlock } from "./escape";

/** A heading of `level` with plain-text content. */
export function heading(level: number, title: string): string {
  return `${"#".repeat(level)} ${headingText(title)}`;
}

/** A section: its heading and blocks, or nothing when it has no blocks and `isKeptEmpty` is not set. */
export function section(level: number, title: string, blocks: string[], isKeptEmpty = false): string[] {
  const content = blocks.filter((block) => block !== "");
  if (content.length === 0 && !isKeptEmpty) return [];
  return [heading(level, title), ...content];
}

/** A line that starts a block of its own: heading, quote, list, rule, table, HTML, fence, indented code… ("**bold**" does not). */
const BLOCK_START = /^(?:[#>+=|<[-]|\*(?:[ \t]|$)|(?:\*[ \t]*){3,}$|(?:_[ \t]*){3,}$|\d{1,9}[.)]|`{3}|~{3}|[ \t])/;
const UNDERLINE_OR_DELIMITER_ROW = /^ {0,3}(?:=+|-+|\|?[ \t]*:?-+:?[ \t]*\|.*)[ \t]*$/;

/**
 * True when the Markdown can continue the line of a list item's prefix
 * ("- **Testing:** …"): its first line is an ordinary paragraph line that
 * the second line does not turn into a heading or a table.
 */
export function canFollowPrefix(markdown: string): boolean {
  const [first, second = ""] = markdown.split("\n");
  return !BLOCK_START.test(first) && !UNDERLINE_OR_DELIMITER_ROW.test(second);
}

/**
 * A bullet item whose content is `prefix` (inline Markdown) followed by the
 * user's Markdown: on the same line when it starts with a plain paragraph,
 * else as the item's following blocks, so code blocks, tables and lists survive.
 */
export function markdownItem(prefix: string, markdown: string): string {
  const body = markdownBlock(markdown);
  if (body === "") return `- ${prefix}`;
  if (canFollowPrefix(body)) return `- ${prefix} ${indentRest(body, "  ")}`;
  return `- ${prefix}\n\n${indentAll(body, "  ")}`;
}

/**
 * List items, tight when every item is one line; loose (a blank line
 * between items) when any holds several blocks, so each keeps its own.
 */
export function joinItems(items: string[]): string {
  return items.join(items.some((item) => item.includes("\n\n")) ? "\n\n" : "\n");
}
