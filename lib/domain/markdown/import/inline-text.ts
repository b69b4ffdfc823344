/**
 * Markdown nodes as the plain text people read, for fields that hold plain
 * text (titles, event texts, whys, owners): emphasis markers and escapes
 * gone, inline code kept in backticks, a link as its label.
 */
import type { Nodes, PhrasingContent, RootContent } from "mdast";

/** The plain text of nodes; paragraphs and other blocks are separated by a blank line. */
export function plainText(nodes: readonly Nodes[]): string {
  const parts: string[] = [];
  for (const node of nodes) parts.push(plainOf(node));
  return parts.join("").replace(/[ \t]+\n/g, "\n").trim();
}

/** Blocks (paragraphs, lists…) as plain text, one blank line between them. */
export function plainBlocks(nodes: readonly RootContent[]): string {
  return nodes
    .map((node) => plainText([node]))
    .filter(Boolean)
    .join("\n\n");
}

// An explicit stack keeps deeply nested input (200 levels of lists) from exhausting the call stack.
function plainOf(root: Nodes): string {
  let out = "";
  const stack: (Nodes | string)[] = [root];
  while (stack.length) {
    const item = stack.pop()!;
    if (typeof item === "string") {
      out += item;
      continue;
    }
    const { before, after, children } = pieces(item);
    out += before;
    if (after) stack.push(after);
    for (let index = children.length - 1; index >= 0; index--) {
      stack.push(children[index]);
      if (index > 0 && isBlock(item)) stack.push(item.type === "list" ? "\n" : "\n\n");
    }
  }
  return out;
}

function pieces(node: Nodes): { before: string; after: string; children: Nodes[] } {
  switch (node.type) {
    case "text":
      return { before: node.value, after: "", children: [] };
    case "inlineCode":
      return { before: `\`${node.value}\``, after: "", children: [] };
    case "code":
      return { before: node.value, after: "", children: [] };
    case "html":
      return { before: node.value, after: "", children: [] };
    case "break":
      return { before: "\n", after: "", children: [] };
    case "image":
    case "imageReference":
      return { before: node.alt ?? "", after: "", children: [] };
    case "footnoteReference":
      return { before: `[^${node.label ?? node.identifier}]`, after: "", children: [] };
    case "listItem":
      return { before: node.checked === true ? "[x] " : node.checked === false ? "[ ] " : "", after: "", children: node.children };
    case "tableRow":
      return { before: "", after: "\n", children: node.children.flatMap((cell, index) => (index ? [textNode(" | "), cell] : [cell])) };
    case "yaml":
    case "thematicBreak":
    case "definition":
      return { before: "", after: "", children: [] };
    default:
      return { before: "", after: "", children: "children" in node ? (node.children as Nodes[]) : [] };
  }
}

function textNode(value: string): PhrasingContent {
  return { type: "text", value };
}

function isBlock(node: Nodes): boolean {
  return node.type === "root" || node.type === "blockquote" || node.type === "listItem" || node.type === "list" || node.type === "footnoteDefinition";
}

/** The first http(s) link among the nodes, depth first, with its label. */
export function firstLink(nodes: readonly Nodes[]): { url: string; label: string } | null {
  const stack = [...nodes].reverse();
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type === "link" && /^https?:\/\//i.test(node.url)) return { url: node.url, label: plainText(node.children) };
    if ("children" in node) for (let index = node.children.length - 1; index >= 0; index--) stack.push(node.children[index] as Nodes);
  }
  return null;
}
