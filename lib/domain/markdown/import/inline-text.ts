/**
 * Links in Markdown nodes, for fields that keep one URL beside their text
 * (timeline events, tracker links). Plain text itself: ../plain-text.ts.
 */
import type { Nodes } from "mdast";
import { plainText } from "../plain-text";

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
