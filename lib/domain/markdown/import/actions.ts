/**
 * Corrective actions from a section: list items and checklists (`[x]` is
 * done), tables with Action / Type / Owner / Bug / Status / Due columns, and
 * subsections (a heading per action). Other text is returned as leftovers.
 */
import type { List, ListItem, Nodes, PhrasingContent, RootContent, Table } from "mdast";
import type { CorrectiveAction } from "@/lib/schemas/postmortem";
import type { ActionStatus } from "@/lib/domain/postmortem";
import { findDueDate, findOwner, ITEM_NUMBER, newAction, trailingOwner, readDetailParts, takeInlineDetails, type ActionDetails } from "./action-details";
import { readActionTable } from "./action-table";
import { firstLink } from "./inline-text";
import { plainText } from "../plain-text";
import { parseFragment, spanOf } from "./parse-blocks";
import { markdownOf } from "./section-text";
import { dedent, readSource, sliceBlock } from "./source";
import type { ImportState } from "./state";

export type Leftover = { offset: number; markdown: string };

const TICKET_LABEL = /^(tracker|ticket|issue|bug|jira|link|pr|pull request|[A-Z][A-Z0-9]+-\d+|#\d+)$/i;


/** Actions from the lists and tables among `blocks`; everything else is a leftover. */
export function readActionBlocks(state: ImportState, blocks: RootContent[], status: ActionStatus): Leftover[] {
  const leftovers: Leftover[] = [];
  for (const block of blocks) {
    const [start, end] = spanOf(block);
    const bullets = block.type === "paragraph" ? bulletList(state, start, end) : null;
    if (bullets) state.draft.correctiveActions.push(...readActionList(bullets.state, bullets.list, status));
    else if (block.type === "list") state.draft.correctiveActions.push(...readActionList(state, block, status));
    else if (block.type === "table" && isActionTable(block)) state.draft.correctiveActions.push(...readActionTable(state, block, status));
    else if (block.type !== "thematicBreak") leftovers.push({ offset: start, markdown: sliceBlock(state.source, start, end) });
  }
  return leftovers;
}

const BULLET_LINE = /^[ \t]*[•·▪‣◦–][ \t]+\S/;

/**
 * "• Fix the alert (Priya)" lines pasted from a web page or a word processor:
 * Markdown reads them as one paragraph; they are a list. Read as one, against
 * the paragraph's own text (the bullet made a dash, so offsets stay).
 */
export function bulletList(state: ImportState, start: number, end: number): { state: ImportState; list: List } | null {
  const text = state.source.text.slice(start, end);
  const lines = text.split("\n");
  if (lines.length > 2_000 || !lines.every((line) => BULLET_LINE.test(line))) return null;
  const dashed = text.replace(/^([ \t]*)[•·▪‣◦–]/gm, "$1-");
  const [list] = parseFragment(dashed);
  if (list?.type !== "list") return null;
  return { state: { ...state, source: readSource(dashed).source }, list };
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
  if (ticket) {
    let taken = takeLabel(title, ticket.label);
    // "…, OPS-2291 https://…/OPS-2291": the id before its URL is that ticket.
    const id = ticket.label === ticket.url ? taken.match(/[\s,(—–-]+([A-Z][A-Z0-9]+-\d+|#\d+)\)?$/) : null;
    if (id && id.index && ticket.url.includes(id[1].replace(/^#/, ""))) taken = taken.slice(0, id.index).trim();
    if (taken !== title) {
      title = taken;
      if (!ticket.url.includes(ticket.label.replace(/^#/, ""))) notes.push(`Ticket: ${ticket.label}`);
    }
  }
  const inline: ReturnType<typeof takeInlineDetails> = hasDetails ? { title, details: {} } : takeInlineDetails(title, state.day);
  // "(owner: @jo, NET-901)": the ticket is kept where a ticket link's label goes.
  for (const id of inline.tickets ?? []) if (!ticket || id !== ticket.label || !ticket.url.includes(id.replace(/^#/, ""))) notes.push(`Ticket: ${id}`);
  const url = details.url ?? ticket?.url;
  const parts = [split.description, restMarkdown, ...notes].filter(Boolean).join("\n\n");
  const action = newAction(inline.title, status, { ...inline.details, ...details, ...(url ? { url } : {}) }, parts);
  // "… by April 30" anywhere in the item.
  if (!action.dueDate && !hasDetails) action.dueDate = findDueDate(`${split.title}\n${parts}`, state.day);
  if (!action.owner && !hasDetails) action.owner = findOwner(`${split.title}\n${parts}`);
  return action;
}

/** A ticket's label taken out of a title where it only refers: "Fix it ([#812](…))", "OPS-12: Fix it", "Fix it — OPS-12". */
function takeLabel(title: string, label: string): string {
  if (title.length > 1_000 || label.length > 200) return title;
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const patterns = [
    new RegExp(String.raw`\s*[([]\s*${escaped}\s*[)\]]\s*\.?$`),
    new RegExp(String.raw`^[([]?\s*${escaped}\s*[)\]]?\s*(?:[:—–-]\s*)?`),
    new RegExp(String.raw`\s*(?:[—–-]\s*)?${escaped}\s*\.?$`),
  ];
  for (const pattern of patterns) {
    const rest = title.replace(pattern, "").trim();
    if (rest !== title.trim() && rest.length > 0) return rest;
  }
  return title;
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

// Where trackers keep one issue: GitHub and GitLab issues and pull requests, Jira, Linear, Shortcut, Trello cards.
const TRACKER_URL = /\/(?:issues?|pulls?|browse|tickets?|tasks?|bugs?|merge_requests|cards?|c)\/[\w-]+|[?&](?:id|issue|selectedIssue)=|linear\.app\/|app\.shortcut\.com\//i;

/** The item's tracker link: a link labelled as a ticket ("#812", "JIRA-123", "ticket") or, when it is the only link, one to a tracker. */
function ticketLink(nodes: RootContent[]): { url: string; label: string } | null {
  const links = allLinks(nodes, 2);
  const link = links[0] ?? null;
  if (!link) return null;
  if (TICKET_LABEL.test(link.label) || link.label === link.url) return link;
  return links.length === 1 && TRACKER_URL.test(link.url) ? link : null;
}

/** Up to `limit` http(s) links among the nodes, in order. */
function allLinks(nodes: readonly Nodes[], limit: number): { url: string; label: string }[] {
  const found: { url: string; label: string }[] = [];
  const stack = [...nodes].reverse();
  while (stack.length && found.length < limit) {
    const node = stack.pop()!;
    if (node.type === "link" && /^https?:\/\//i.test(node.url)) found.push({ url: node.url, label: plainText(node.children) });
    else if ("children" in node) for (let index = node.children.length - 1; index >= 0; index--) stack.push(node.children[index] as Nodes);
  }
  return found;
}

function itemMarkdownOf(state: ImportState, item: ListItem, column: number): string {
  const [start, end] = [spanOf(item.children[0])[0], spanOf(item.children[item.children.length - 1])[1]];
  return dedent(sliceBlock(state.source, start, end), column);
}

// "Owner: Priya" on its own line or as a sentence of its own ("… on-call. Priority: P1.").
const DETAIL_SENTENCE = /(?:^|\n|[.;!]\s+)\s*(?:[-*]\s+)?[*_]*(owners?|assignee|assigned to|priority|status|type|due|due date|deadline|eta)[*_]*\s*:[*_]*[ \t]*([^\n;]+?)[ \t]*(?=\.?\s*$|\.\s|;|\n)/gi;

/**
 * An action written as a subheading and its paragraphs: the title (numbering
 * taken off, details in it read), the text as its description, and the
 * details the text gives — "Owner: Priya" lines, a due date anywhere, its
 * tracker link.
 */
export function readActionSubsection(state: ImportState, heading: string, blocks: RootContent[], status: ActionStatus): CorrectiveAction {
  const name = heading.replace(ITEM_NUMBER, "").replace(/:$/, "").trim() || "Untitled action";
  const inline = takeInlineDetails(name, state.day);
  const description = [markdownOf(state, blocks), ...(inline.tickets ?? []).map((id) => `Ticket: ${id}`)].filter(Boolean).join("\n\n");
  const details: ActionDetails = { ...inline.details };
  for (const keyed of description.slice(0, 4_000).matchAll(DETAIL_SENTENCE)) {
    const read = readDetailParts(`${keyed[1]}: ${keyed[2].replace(/[*_]+$/, "")}`, state.day);
    for (const [key, value] of Object.entries(read.details)) (details as Record<string, unknown>)[key] ??= value;
  }
  details.dueDate ??= findDueDate(`${name}\n${description}`, state.day) ?? undefined;
  details.owner ??= findOwner(description) ?? trailingOwner(description) ?? undefined;
  const ticket = ticketLink(blocks);
  if (ticket) details.url ??= ticket.url;
  return newAction(inline.title, details.status ?? status, Object.fromEntries(Object.entries(details).filter(([, value]) => value)), description);
}
