/**
 * One timeline entry's Markdown read into an event's parts: its plain text
 * (time still in front), the link, and the kind when the export wrote it:
 * `- **00:05** _(Impact start)_ All cache entries expire… [link](https://…)`.
 */
import type { PhrasingContent, RootContent } from "mdast";
import type { EventKind } from "@/lib/domain/postmortem";
import { firstLink } from "./inline-text";
import { plainBlocks, plainText } from "../plain-text";
import { parseFragment } from "./parse-blocks";
import { readEventKind } from "./vocabulary";

export type EntryParts = {
  /** The time (if any) and the text, as one plain text. */
  text: string;
  link: string | null;
  kind: EventKind | null;
  isUntimed: boolean;
  /** When the export's shape gave them apart ("**10:47** _(Detected)_ …", a table's cells): the time and the text, exactly. */
  exact?: { time: string; text: string };
};

const NO_TIME = /^[—–-]$/;

/** Reads Markdown (a line or a few) as an entry. */
export function readEntryMarkdown(markdown: string): EntryParts {
  let blocks = parseFragment(markdown);
  if (blocks[0]?.type === "list" && blocks.length === 1 && blocks[0].children.length === 1) blocks = blocks[0].children[0].children;
  return readEntryBlocks(blocks);
}

/** Reads the blocks of a list item (or a paragraph and what follows it) as an entry. */
export function readEntryBlocks(blocks: RootContent[]): EntryParts {
  const [first, ...rest] = blocks;
  if (!first || first.type !== "paragraph") return { text: plainBlocks(blocks), link: explicitLink(blocks), kind: null, isUntimed: false };
  const nodes = [...first.children];
  let isUntimed = false;
  let kind: EventKind | null = null;
  let link: string | null = null;

  if (nodes[0]?.type === "strong" && NO_TIME.test(plainText(nodes[0].children))) {
    isUntimed = true;
    nodes.shift();
  }
  // The kind label right after the time: "**10:47** _(Detected)_ …".
  const labelIndex = nodes.findIndex((node, index) => index < 4 && node.type === "emphasis");
  if (labelIndex !== -1 && nodes.slice(0, labelIndex).every((node) => node.type === "strong" || isBlank(node))) {
    const label = plainText([nodes[labelIndex]]).match(/^\((.+)\)$/);
    const labelled = label ? readEventKind(label[1]) : null;
    if (labelled) {
      kind = labelled;
      nodes.splice(labelIndex, 1);
    }
  }
  const time = kind && !isUntimed && nodes[0]?.type === "strong" ? plainText(nodes[0].children) : null;
  // The export's trailing " [link](…)".
  const last = lastContentIndex(nodes);
  const trailing = last === -1 ? null : nodes[last];
  if (trailing?.type === "link" && plainText(trailing.children).toLowerCase() === "link" && /^https?:\/\//i.test(trailing.url)) {
    link = trailing.url;
    nodes.splice(last, 1);
  }
  // Else the first link written as one ("[#1234](https://…)"); a bare URL in the text stays text.
  link ??= explicitLink([...nodes, ...rest]);
  const text = [plainText(nodes), plainBlocks(rest)].filter(Boolean).join("\n\n");
  if (time === null) return { text, link, kind, isUntimed };
  const after = [plainText(nodes.slice(1)), plainBlocks(rest)].filter(Boolean).join("\n\n");
  return { text, link, kind, isUntimed, exact: { time, text: after } };
}

function explicitLink(nodes: RootContent[] | PhrasingContent[]): string | null {
  const link = firstLink(nodes as RootContent[]);
  return link && link.label !== link.url && !/^(https?:\/\/|www\.)/i.test(link.label) ? link.url : null;
}

function isBlank(node: PhrasingContent): boolean {
  return node.type === "text" && node.value.trim() === "";
}

function lastContentIndex(nodes: PhrasingContent[]): number {
  for (let index = nodes.length - 1; index >= 0; index--) if (!isBlank(nodes[index])) return index;
  return -1;
}
