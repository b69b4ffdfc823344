/**
 * Reads each section of the outline into the field its heading stands for
 * (synonyms.ts). Text a field cannot hold (an intro before a timeline, a
 * paragraph among factors) becomes an extra section under the section's own
 * title; a heading that matches no field becomes an extra section too.
 */
import type { RootContent } from "mdast";
import type { CorrectiveAction } from "@/lib/schemas/postmortem";
import { readActionBlocks, readActionSubsection, type Leftover } from "./actions";
import { addFactorSubsection, readFactorBlocks } from "./factors";
import { readImpactFigures, readWhys } from "./figures-and-whys";
import { plainText } from "../plain-text";
import { isMetricsLine } from "./metrics-lines";
import type { OutlineNode } from "./outline";
import { spanOf } from "./parse-blocks";
import { markdownOf, ownBlocks, sectionBlocks } from "./section-text";
import { addSection, appendProse, warn, type ImportState, type ProseField } from "./state";
import { matchHeading, type FieldRole, type HeadingMatch } from "./synonyms";
import { addTimelineEvents } from "./timeline-events";
import { collectTimeline } from "./timeline-items";
import { readLeftoverHeaders } from "./preamble";
import { INTERNAL_SECTION_MARKER } from "../export";
import { withoutEmoji } from "./plain-text";
import { readActionGroup, readZone, type ActionGroup } from "./vocabulary";
import { findStatedZone } from "./zones";

const PROSE: Partial<Record<FieldRole, ProseField>> = {
  summary: "summary",
  impact: "impact",
  rootCause: "narrative",
  trigger: "trigger",
  wentWell: "wentWell",
  wentWrong: "wentWrong",
  lucky: "lucky",
};

/** Reads the sections in order. */
export function readSections(state: ImportState, nodes: OutlineNode[], parent: FieldRole | null = null): void {
  for (const node of nodes) {
    const match = matchHeading(node.heading.title, parent);
    if (match) readField(state, node, match);
    else readExtra(state, node);
  }
}

/** Subsections that stand for another field than their parent's: read on their own. */
function otherFields(node: OutlineNode, role: FieldRole): OutlineNode[] {
  return node.children.filter((child) => {
    const match = matchHeading(child.heading.title, role);
    return match !== null && match.role !== role;
  });
}

function readField(state: ImportState, node: OutlineNode, match: HeadingMatch): void {
  const { role } = match;
  const others = otherFields(node, role);
  const title = node.heading.title;
  const prose = PROSE[role];
  if (prose) {
    const blocks = sectionBlocks(state, node, others);
    const kept = role === "summary" ? blocks.filter((block) => !takeMetrics(state, block)) : blocks;
    if (role === "impact") keepLeftovers(state, title, readImpactFigures(state, kept), "impact");
    else appendProse(state, prose, markdownOf(state, kept));
  } else if (role === "lessons") {
    const blocks = sectionBlocks(state, node, others);
    // "Lessons learned" with no "What went well / wrong / lucky" inside: lessons, read as what went wrong.
    if (others.some((child) => ["wentWell", "wentWrong", "lucky"].includes(matchHeading(child.heading.title, role)!.role))) {
      const text = markdownOf(state, blocks);
      if (text) addSection(state, title, text);
    } else {
      appendProse(state, "wentWrong", markdownOf(state, blocks));
    }
  } else if (role === "timeline" || role === "detection" || role === "resolution") {
    readTimelineSection(state, node, others, role);
  } else if (role === "whys") {
    keepLeftovers(state, title, readWhys(state, sectionBlocks(state, node, others)), "narrative");
  } else if (role === "factors" || role === "actions") {
    readItemsSection(state, node, match, others);
  }
  readSections(state, others, role);
}

function readTimelineSection(state: ImportState, node: OutlineNode, others: OutlineNode[], role: FieldRole): void {
  // "Timeline (PST)": the zone in the heading.
  const inHeading = node.heading.title.match(/\(([^)]{1,40})\)/);
  if (inHeading && !state.draft.timezone) state.draft.timezone = readZone(inHeading[1]) ?? findStatedZone(inHeading[1])?.zone ?? null;
  const { items, leftovers } = collectTimeline(state, sectionBlocks(state, node, others));
  if (role !== "timeline") {
    // The SRE export repeats detection and resolution events; kept only if the timeline does not hold them all.
    const index = addSection(state, node.heading.title, markdownOf(state, sectionBlocks(state, node, others)));
    state.repeatSections.push({ index, items, hasOtherText: leftovers.length > 0 });
    return;
  }
  addTimelineEvents(state, items);
  keepLeftovers(state, node.heading.title, readLeftoverHeaders(state, leftovers), "timeline");
}

/** A group of actions ("Short term", "P0", "Detect"): its heading's title and what it means for each action. */
type Group = { title: string; meaning: ActionGroup };

/**
 * Factors or actions: lists and tables in the section's own text, one item
 * per subsection (its title and paragraphs). Under actions, a subsection that
 * groups them ("Short term", "P0", "Detect", or one holding only a list) is
 * read as its list's actions, each given the group's priority, type or
 * status, or the group's name in its description when it means none.
 */
function readItemsSection(state: ImportState, node: OutlineNode, match: HeadingMatch, others: OutlineNode[], group: Group | null = null): void {
  const status = group?.meaning.status ?? (match.isDone ? "done" : state.defaultActionStatus);
  const own = ownBlocks(state, node);
  const before = state.draft.correctiveActions.length;
  const leftovers = match.role === "factors" ? readFactorBlocks(state, own) : readActionBlocks(state, own, status);
  for (const child of node.children) {
    if (others.includes(child)) continue;
    const childMatch = matchHeading(child.heading.title, match.role);
    const meaning = match.role === "actions" ? readActionGroup(withoutEmoji(child.heading.title).replace(/:$/, "")) : null;
    if (meaning || (match.role === "actions" && isListGroup(state, child))) {
      const childGroup = { title: child.heading.title.replace(/:$/, ""), meaning: { ...group?.meaning, ...meaning } };
      readItemsSection(state, child, match, otherFields(child, match.role), childGroup);
      readSections(state, otherFields(child, match.role), match.role);
      continue;
    }
    if (childMatch?.role === match.role) {
      readItemsSection(state, child, { ...childMatch, isDone: childMatch.isDone || match.isDone }, otherFields(child, match.role), group);
      readSections(state, otherFields(child, match.role), match.role);
      continue;
    }
    if (match.role === "factors") addFactorSubsection(state, child.heading.title, markdownOf(state, sectionBlocks(state, child)));
    else state.draft.correctiveActions.push(readActionSubsection(state, child.heading.title, sectionBlocks(state, child), status));
  }
  if (group) applyGroup(state.draft.correctiveActions.slice(before), group);
  keepLeftovers(state, node.heading.title, leftovers, match.role);
}

/** A subsection of actions that holds only lists (perhaps after a line leading into them): a group of actions. */
function isListGroup(state: ImportState, node: OutlineNode): boolean {
  const blocks = ownBlocks(state, node).filter((block) => block.type !== "thematicBreak");
  const lists = blocks.filter((block) => block.type === "list");
  const items = lists.reduce((count, list) => count + (list.type === "list" ? list.children.length : 0), 0);
  const others = blocks.filter((block) => block.type !== "list");
  const isLeadIn = (block: RootContent) => block.type === "paragraph" && /:\s*$/.test(plainText(block.children)) && blocks.indexOf(block) === 0;
  return items >= 2 && others.every(isLeadIn);
}

/** The group's meaning on each of its actions (their own details first); a group that means no field is named in the description. */
function applyGroup(actions: CorrectiveAction[], group: Group): void {
  const { priority, type } = group.meaning;
  const isNamedOnly = !priority && !type && !group.meaning.status;
  for (const action of actions) {
    action.priority ??= priority ?? null;
    action.type ??= type ?? null;
    if (isNamedOnly) action.description = [action.description, `Group: ${group.title}`].filter(Boolean).join("\n\n");
  }
}

const ITEM_NAMES: Partial<Record<FieldRole, string>> = { timeline: "a timeline event", factors: "a contributing factor", actions: "a corrective action" };

/** Text a field could not hold: into a prose field when given, else an extra section under the section's title. */
function keepLeftovers(state: ImportState, title: string, leftovers: Leftover[], field: ProseField | FieldRole): void {
  const text = leftovers.map((leftover) => leftover.markdown).filter(Boolean).join("\n\n");
  if (!text) return;
  const item = ITEM_NAMES[field as FieldRole];
  if (!item) return appendProse(state, field as ProseField, text);
  warn(state, leftovers[0].offset, `text under "${title}" that is not ${item} was kept as an extra section of that name`);
  addSection(state, title, text);
}

/** A heading that matches no field: an extra section holding its text and unmatched subsections. */
function readExtra(state: ImportState, node: OutlineNode): void {
  const mapped: OutlineNode[] = [];
  const collectMapped = (current: OutlineNode) => {
    for (const child of current.children) {
      if (matchHeading(child.heading.title, null)) mapped.push(child);
      else collectMapped(child);
    }
  };
  collectMapped(node);
  const blocks = sectionBlocks(state, node, mapped.filter((child) => node.children.includes(child)));
  const kept = blocks.filter((block) => !isInside(block, mapped.filter((child) => !node.children.includes(child))));
  warn(state, node.heading.start, `heading "${node.heading.title}" matched no field; kept as an extra section`);
  const consumed = readEmbeddedTimeline(state, kept, node.heading.title);
  const body = kept.filter((block) => !consumed.has(block));
  // The export marks an internal section with a first paragraph (docs/markdown-layout.md).
  const isInternal = body[0]?.type === "paragraph" && markdownOf(state, [body[0]]) === INTERNAL_SECTION_MARKER;
  addSection(state, node.heading.title, markdownOf(state, isInternal ? body.slice(1) : body), isInternal);
  readSections(state, mapped);
}

function isInside(block: RootContent, nodes: OutlineNode[]): boolean {
  const [start] = spanOf(block);
  return nodes.some((node) => start >= node.heading.start && start < node.end);
}

const TIMELINE_INTRO = /\b(timeline|play[- ]by[- ]play|chronology|sequence of events)\b.*:\s*$/is;

/** "Here's a quick timeline of how we managed the crisis:" followed by a list: those items are timeline events. Returns the lists read. */
export function readEmbeddedTimeline(state: ImportState, blocks: RootContent[], title: string): Set<RootContent> {
  const consumed = new Set<RootContent>();
  blocks.forEach((block, index) => {
    const next = blocks[index + 1];
    if (block.type !== "paragraph" || !next || !TIMELINE_INTRO.test(plainText(block.children))) return;
    if (next.type !== "list" && !(next.type === "paragraph" && isBulletParagraph(state, next))) return;
    const { items, leftovers } = collectTimeline(state, [next]);
    if (leftovers.length || items.length === 0) return;
    addTimelineEvents(state, items);
    consumed.add(next);
    warn(state, spanOf(next)[0], `the list under "${title}" was read as the timeline (${items.length} event${items.length === 1 ? "" : "s"})`);
  });
  return consumed;
}

function isBulletParagraph(state: ImportState, block: RootContent): boolean {
  const [start, end] = spanOf(block);
  return state.source.text.slice(start, end).split("\n").every((line) => /^\s*[•·▪‣◦–*-]\s+\S/.test(line));
}

/** A summary paragraph of metrics lines ("**Total time to resolution:** …"): set aside to compare with the timeline. */
function takeMetrics(state: ImportState, block: RootContent): boolean {
  if (block.type !== "paragraph") return false;
  const [start, end] = spanOf(block);
  const lines = state.source.text.slice(start, end).split("\n");
  if (!lines.every(isMetricsLine)) return false;
  state.metricsLines.push(...lines.map((text) => ({ offset: start, text })));
  return true;
}
