/**
 * Corrective actions from a section: list items and checklists (`[x]` is
 * done), tables with Action / Type / Owner / Bug / Status / Due columns, and
 * subsections (a heading per action). Other text is returned as leftovers.
 */
import type { List, ListItem, PhrasingContent, RootContent, Table } from "mdast";
import type { CorrectiveAction } from "@/lib/schemas/postmortem";
import type { ActionStatus } from "@/lib/domain/postmortem";
import { newAction, readDetailParts, takeInlineDetails, type ActionDetails } from "./action-details";
import { readActionTable } from "./action-table";
import { firstLink } from "./inline-text";
import { plainText } from "../plain-text";
import { parseFragment, spanOf } from "./parse-blocks";
import { dedent, sliceBlock } from "./source";
import type { ImportState } from "./state";

export type Leftover = { offset: number; markdown: string };

const TICKET_LABEL = /^(tracker|ticket|issue|bug|jira|link|pr|pull request|[A-Z][A-Z0-9]+-\d+|#\d+)$/i;


/** Actions from the lists and tables among `blocks`; everything else is a leftover. */
export function readActionBlocks(state: ImportState, blocks: RootContent[], status: ActionStatus): Leftover[] {
  const leftovers: Leftover[] = [];
  for (const block of blocks) {
    const [start, end] = spanOf(block);
    if (block.type === "list") state.draft.correctiveActions.push(...readActionList(state, block, status));
    else if (block.type === "table" && isActionTable(block)) state.draft.correctiveActions.push(...readActionTable(state, block, status));
    else if (block.type !== "thematicBreak") leftovers.push({ offset: start, markdown: sliceBlock(state.source, start, end) });
  }
  return leftovers;
}

function isActionTable(table: Table): boolean {
  return table.children.length > 1;
}

function readActionList(state: ImportState, list: List, status: ActionStatus): CorrectiveAction[] {
  return list.children.flatMap((item) => {
    const action = readActionItem(state, item, item.checked === true ? "done" : item.checked === false ? "open" : status);
    return action ? [action] : [];
  });
}

/** One list item: a bold or first-sentence title, the export's details, the rest as description. */
export function readActionItem(state: ImportState, item: ListItem, status: ActionStatus): CorrectiveAction | null {
  const [first, ...rest] = item.children;
  if (!first) return null;
  const column = (first.position?.start.column ?? 1) - 1;
  const restMarkdown = rest.length ? dedent(sliceBlock(state.source, spanOf(rest[0])[0], spanOf(rest[rest.length - 1])[1]), column) : "";
  if (first.type !== "paragraph") {
    return newAction(plainText([first]).split("\n")[0].slice(0, 200) || "Untitled action", status, {}, itemMarkdownOf(state, item, column));
  }
  const nodes = [...first.children];
  let details: ActionDetails = {};
  let hasDetails = false;
  const last = nodes[nodes.length - 1];
  if (last?.type === "emphasis") {
    const inner = plainText(last.children).match(/^\((.*)\)$/s);
    const read = inner ? readDetailParts(inner[1], state.day) : null;
    if (read && Object.keys(read.details).length && read.unread.every((part) => TICKET_LABEL.test(part))) {
      details = { ...read.details, url: firstLink([last])?.url ?? null };
      hasDetails = true;
      nodes.pop();
    }
  }
  // GFM's autolinks split text nodes into nodes without positions: the source is cut at the paragraph's and the details' edges.
  const end = hasDetails ? spanOf(last)[0] : spanOf(first)[1];
  const split = splitTitle(state, nodes, spanOf(first)[0], end, !hasDetails);
  let { title } = split;
  const notes: string[] = [];
  // The export's details say where the tracker is; a link elsewhere in its text is text.
  const ticket = hasDetails ? null : ticketLink(item.children);
  // "… [INC-42](https://…)" at the end of the title: the link is the tracker URL.
  if (ticket && title.endsWith(ticket.label) && title.length > ticket.label.length) {
    title = title.slice(0, -ticket.label.length).trim();
    if (!ticket.url.includes(ticket.label)) notes.push(`Ticket: ${ticket.label}`);
  }
  const inline: ReturnType<typeof takeInlineDetails> = hasDetails ? { title, details: {} } : takeInlineDetails(title, state.day);
  // "(owner: @jo, NET-901)": the ticket is kept where a ticket link's label goes.
  for (const id of inline.tickets ?? []) notes.push(`Ticket: ${id}`);
  const url = details.url ?? ticket?.url;
  const parts = [split.description, restMarkdown, ...notes].filter(Boolean).join("\n\n");
  return newAction(inline.title, status, { ...inline.details, ...details, ...(url ? { url } : {}) }, parts);
}

/** "**Title** — description", "**Title:** description", or the first sentence of a long paragraph as the title. */
function splitTitle(state: ImportState, nodes: PhrasingContent[], start: number, end: number, isHandWritten: boolean): { title: string; description: string } {
  if (nodes.length === 0) return { title: "Untitled action", description: "" };
  if (nodes[0].type === "strong" && nodes[0].position) {
    const after = sliceBlock(state.source, spanOf(nodes[0])[1], end).replace(/^\s*[—–:.-]?\s*/, "").trim();
    // "**Title:** description" by hand; the export's title is exact (it may end in a colon).
    const title = isHandWritten ? plainText(nodes[0].children).replace(/:$/, "") : plainText(nodes[0].children);
    if (title) return { title, description: after };
  }
  const markdown = state.source.text.slice(start, end).trim();
  const plain = plainText(nodes);
  if (plain.length <= 200) return { title: plain, description: "" };
  const sentence = markdown.match(/^.{10,200}?[.!?](?=\s)/s);
  if (!sentence) return { title: `${plain.slice(0, 120).replace(/\s+\S*$/, "")}…`, description: markdown };
  return { title: plainText(parseFragment(sentence[0])), description: markdown.slice(sentence[0].length).trim() };
}

function ticketLink(nodes: RootContent[]): { url: string; label: string } | null {
  const link = firstLink(nodes);
  return link && (TICKET_LABEL.test(link.label) || link.label === link.url) ? link : null;
}

function itemMarkdownOf(state: ImportState, item: ListItem, column: number): string {
  const [start, end] = [spanOf(item.children[0])[0], spanOf(item.children[item.children.length - 1])[1]];
  return dedent(sliceBlock(state.source, start, end), column);
}
