/** Impact figures ("- **Users affected:** 18,000") and the five whys (an ordered list), read out of their sections. */
import type { List, RootContent } from "mdast";
import { plainText } from "../plain-text";
import { spanOf } from "./parse-blocks";
import { sliceBlock } from "./source";
import type { ImportState } from "./state";
import { readFigureName, readFigureValue } from "./vocabulary";
import type { Leftover } from "./actions";

/** Takes impact figures out of lists whose items are all "Label: value" figures; returns the rest. */
export function readImpactFigures(state: ImportState, blocks: RootContent[]): Leftover[] {
  const leftovers: Leftover[] = [];
  for (const block of blocks) {
    const [start, end] = spanOf(block);
    if (block.type === "list" && readFigureList(state, block)) continue;
    leftovers.push({ offset: start, markdown: sliceBlock(state.source, start, end) });
  }
  return leftovers;
}

function readFigureList(state: ImportState, list: List): boolean {
  const figures = list.children.map((item) => {
    const match = plainText(item.children).match(/^([^:\n]{2,40}):\s*(.+)$/);
    const figure = match ? readFigureName(match[1]) : null;
    const value = figure && match ? readFigureValue(figure, match[2]) : null;
    return figure && value !== null ? ([figure, value] as const) : null;
  });
  if (figures.length === 0 || figures.some((figure) => figure === null)) return false;
  for (const [figure, value] of figures as [keyof typeof state.draft.impactFigures, number][]) state.draft.impactFigures[figure] = value;
  return true;
}

/** The whys from the first list among `blocks`; returns the rest. */
export function readWhys(state: ImportState, blocks: RootContent[]): Leftover[] {
  const leftovers: Leftover[] = [];
  let hasList = false;
  for (const block of blocks) {
    const [start, end] = spanOf(block);
    if (block.type === "list" && !hasList) {
      hasList = true;
      for (const item of block.children) {
        const why = plainText(item.children);
        if (why) state.draft.rootCause.whys.push(why);
      }
    } else if (block.type !== "thematicBreak") {
      leftovers.push({ offset: start, markdown: sliceBlock(state.source, start, end) });
    }
  }
  return leftovers;
}
