/** A section's blocks and their original Markdown, with chosen subsections left out. */
import type { RootContent } from "mdast";
import type { OutlineNode } from "./outline";
import { blocksBetween, spanOf } from "./parse-blocks";
import { sliceBlock } from "./source";
import type { ImportState } from "./state";

/** The blocks of a section's content (its subsections' headings and text included), except the subsections in `without`. */
export function sectionBlocks(state: ImportState, node: OutlineNode, without: OutlineNode[] = []): RootContent[] {
  const ranges: [number, number][] = [];
  let from = node.heading.contentStart;
  for (const child of without) {
    ranges.push([from, child.heading.start]);
    from = child.end;
  }
  ranges.push([from, node.end]);
  return ranges.flatMap(([start, end]) => (start < end ? blocksIn(state, start, end) : []));
}

// A range cut inside a block is parsed on its own (blocksBetween): the same range is asked for by a section and its reader.
const parsedRanges = new WeakMap<ImportState, Map<string, RootContent[]>>();

function blocksIn(state: ImportState, start: number, end: number): RootContent[] {
  let ranges = parsedRanges.get(state);
  if (!ranges) parsedRanges.set(state, (ranges = new Map()));
  const key = `${start}:${end}`;
  let blocks = ranges.get(key);
  if (!blocks) ranges.set(key, (blocks = blocksBetween(state.source, state.blocks, start, end)));
  return blocks;
}

/** The blocks before a section's first subsection. */
export function ownBlocks(state: ImportState, node: OutlineNode): RootContent[] {
  const end = node.children[0]?.heading.start ?? node.end;
  return blocksIn(state, node.heading.contentStart, end);
}

/**
 * The original Markdown of blocks: runs of blocks that stand next to each
 * other in the source are sliced as one, so their spacing is kept; separate
 * runs are joined by a blank line. Rules (`---`) at either end are dropped.
 */
export function markdownOf(state: ImportState, blocks: RootContent[]): string {
  let first = 0;
  let last = blocks.length - 1;
  while (first <= last && blocks[first].type === "thematicBreak") first++;
  while (last >= first && blocks[last].type === "thematicBreak") last--;
  const runs: string[] = [];
  let runStart = -1;
  let runEnd = -1;
  for (const block of blocks.slice(first, last + 1)) {
    const [start, end] = spanOf(block);
    if (runStart !== -1 && start >= runEnd && state.source.text.slice(runEnd, start).trim() === "") {
      runEnd = end;
      continue;
    }
    if (runStart !== -1) runs.push(sliceBlock(state.source, runStart, runEnd));
    runStart = start;
    runEnd = end;
  }
  if (runStart !== -1) runs.push(sliceBlock(state.source, runStart, runEnd));
  return runs.filter(Boolean).join("\n\n");
}
