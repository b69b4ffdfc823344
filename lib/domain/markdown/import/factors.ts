/**
 * Contributing factors: one per list item or per subsection. The export's
 * "- **Configuration / environment drift:** text" gives the category;
 * otherwise it is guessed from the words (factor-categories.ts).
 */
import type { List, RootContent } from "mdast";
import { guessFactorCategory, readFactorCategory } from "./factor-categories";
import { plainText } from "../plain-text";
import { spanOf } from "./parse-blocks";
import { dedent, sliceBlock } from "./source";
import type { ImportState } from "./state";
import { bulletList, type Leftover } from "./actions";
import { ITEM_NUMBER } from "./action-details";

/** Factors from the lists among `blocks`; everything else is a leftover. */
export function readFactorBlocks(state: ImportState, blocks: RootContent[]): Leftover[] {
  const leftovers: Leftover[] = [];
  for (const block of blocks) {
    const [start, end] = spanOf(block);
    const bullets = block.type === "paragraph" ? bulletList(state, start, end) : null;
    if (bullets) readFactorList(bullets.state, bullets.list);
    else if (block.type === "list") readFactorList(state, block);
    else if (block.type !== "thematicBreak") leftovers.push({ offset: start, markdown: sliceBlock(state.source, start, end) });
  }
  return leftovers;
}

function readFactorList(state: ImportState, list: List): void {
  for (const item of list.children) {
    const [first] = item.children;
    if (!first) continue;
    const column = (first.position?.start.column ?? 1) - 1;
    const [start] = spanOf(first);
    const [, end] = spanOf(item.children[item.children.length - 1]);
    let markdown = dedent(sliceBlock(state.source, start, end), column);
    let category = null;
    const lead = first.type === "paragraph" ? first.children[0] : null;
    if (lead?.type === "strong") {
      const labelled = readFactorCategory(plainText(lead.children));
      const after = state.source.text.slice(spanOf(lead)[1], spanOf(first)[1]);
      if (labelled && (plainText(lead.children).endsWith(":") || after.startsWith(":"))) {
        category = labelled;
        markdown = dedent(sliceBlock(state.source, spanOf(lead)[1], end).replace(/^:?[ \t]*/, ""), column);
      }
    }
    const text = markdown.trim();
    if (!text) continue;
    state.draft.contributingFactors.push({ category: category ?? guessFactorCategory(plainText(item.children)), text });
  }
}

/** A factor written as a subsection: its title in bold, then its text. */
export function addFactorSubsection(state: ImportState, title: string, body: string): void {
  const name = title.replace(ITEM_NUMBER, "").trim();
  const text = [name && `**${name}**`, body.trim()].filter(Boolean).join("\n\n");
  if (text) state.draft.contributingFactors.push({ category: guessFactorCategory(name, body), text });
}
