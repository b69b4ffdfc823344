/**
 * Details written inline in a corrective action: the export's
 * "_(type: prevent · priority: high · owner: Jo · due: 2024-03-29 · status: in progress · [tracker](…))_",
 * and hand-written "(owner: Priya)", "@alice", "due 2024-03-29", "[P1]", "(done)".
 */
import type { CorrectiveAction } from "@/lib/schemas/postmortem";
import type { ActionStatus } from "@/lib/domain/postmortem";
import { readDate } from "./dates";
import { MONTH_NAMES } from "@/lib/domain/timeline/calendar-words";
import { readActionGroup, readActionStatus, readActionType, readPriority } from "./vocabulary";

export type ActionDetails = Partial<Pick<CorrectiveAction, "type" | "priority" | "owner" | "dueDate" | "status" | "url">>;

/** An action with every key, details over the defaults. */
export function newAction(title: string, status: ActionStatus, details: ActionDetails = {}, description = ""): CorrectiveAction {
  return { title, description, type: null, priority: null, owner: null, dueDate: null, status, url: null, ...details };
}

const KEYS = String.raw`type|priority|owner|owners|assignee|assigned to|due|due date|deadline|status|state|eta|by`;
const KEYED = new RegExp(String.raw`^(${KEYS})\s*[:=]?\s+(.+)$`, "i");
/** A tracker's id written among the details: "NET-901", "#1234". */
export const TICKET_ID = /^(?:[A-Z][A-Z0-9]+-\d+|#\d+)$/;
// A comma ends a part only before another key, a handle or a ticket, so "due March 1, 2026" stays whole.
const PART_SEPARATOR = new RegExp(String.raw`\s*[·;]\s*|\s*,\s*(?=\w+\s*:|(?:${KEYS})\s|@|[A-Z][A-Z0-9]+-\d+\b|#\d+\b|p[0-4]\b|\d{4}-\d{2}-\d{2}\b)`, "i");

/** Reads "key: value" parts (separated by "·", ";" or ",") into details; parts it cannot read are returned. */
export function readDetailParts(text: string, referenceDay: string | null, isHandWritten = false): { details: ActionDetails; unread: string[] } {
  const details: ActionDetails = {};
  const unread: string[] = [];
  for (const part of text.split(PART_SEPARATOR)) {
    const trimmed = part.trim();
    if (!trimmed) continue;
    if (readPart(trimmed, details, referenceDay)) continue;
    // By hand, "(Priya, 2024-05-01)" or "— Platform team": a bare name is the owner, a bare date the due date.
    const day = isHandWritten && !details.dueDate && /\d/.test(trimmed) ? readDate(trimmed, referenceDay) : null;
    if (day) details.dueDate = day;
    else if (isHandWritten && !details.owner && isBareOwner(trimmed)) details.owner = trimmed.replace(/^@/, "");
    else unread.push(trimmed);
  }
  return { details: clean(details), unread };
}

const PERSON = /^[\p{Lu}][\p{Ll}'’-]+(?:\s+[\p{Lu}][\p{Ll}'’-]*\.?){0,2}$/u;
const TEAM = /^(?:the\s+)?[\p{L}\d&/-]+(?:\s+[\p{L}\d&/-]+)?\s+(?:team|squad|group|on-?call)$|^team\s+[\p{L}\d-]+$/iu;
const NOT_OWNERS = new RegExp(String.raw`^(?:${MONTH_NAMES}|optional|stretch|blocked|draft|ongoing|recurring|tbd|todo|maybe|idea|proposal|proposed|wip|asap|experimental|monitoring|internal|external)$`, "i");

/** "Priya", "Priya Shah", "@priya", "SRE team": a part that names who owns an action. */
function isBareOwner(part: string): boolean {
  if (/^@[\w.-]+$/.test(part)) return true;
  if (NOT_OWNERS.test(part) || readActionGroup(part) || readPriority(part) || readActionType(part)) return false;
  return PERSON.test(part) || TEAM.test(part);
}

function readPart(part: string, details: ActionDetails, referenceDay: string | null): boolean {
  const keyed = part.match(KEYED);
  if (!keyed) {
    const status = readActionStatus(part);
    if (status) return Boolean((details.status = status));
    const priority = /^p[0-4]$/i.test(part) ? readPriority(part) : null;
    if (priority) return Boolean((details.priority = priority));
    if (/^@[\w.-]+$/.test(part)) return Boolean((details.owner = part.slice(1)));
    return false;
  }
  const [, rawKey, value] = keyed;
  const key = rawKey.toLowerCase();
  if (key === "type") return Boolean((details.type = readActionType(value) ?? undefined));
  if (key === "priority") return Boolean((details.priority = readPriority(value) ?? undefined));
  if (key === "status" || key === "state") return Boolean((details.status = readActionStatus(value) ?? undefined));
  if (/^(owner|owners|assignee|assigned to)$/.test(key)) return /[\p{L}\p{N}]/u.test(value) && Boolean((details.owner = value.replace(/^@/, "").trim()));
  const day = readDate(value, referenceDay);
  return Boolean((details.dueDate = day ?? undefined));
}

/**
 * Takes the details out of a hand-written title: a leading "[P1]", trailing
 * parentheses or brackets of details ("(owner: Priya)", "[P1]"), and trailing
 * parts after a dash or comma that are details ("— owner: @tomas, due 2024-03-20").
 * Ticket ids among the details ("(owner: @jo, NET-901)") are returned as `tickets`.
 */
export function takeInlineDetails(title: string, referenceDay: string | null): { title: string; details: ActionDetails; tickets?: string[] } {
  let rest = title.trim();
  const details: ActionDetails = {};
  const tickets: string[] = [];
  const leading = rest.match(/^\[(p[0-4])\]\s*/i);
  if (leading) {
    details.priority = readPriority(leading[1]) ?? undefined;
    rest = rest.slice(leading[0].length);
  }
  for (;;) {
    const bracketed = rest.match(/\s*[([]([^()[\]]{1,200})[)\]]\s*\.?$/);
    let taken: { index: number; read: NonNullable<ReturnType<typeof readDetailsOnly>> } | null = null;
    if (bracketed && bracketed.index) {
      const read = readDetailsOnly(bracketed[1], referenceDay, true);
      if (read) taken = { index: bracketed.index, read };
    }
    // "— owner: @tomas, due 2024-03-20", "- Grace Liu", "by August 2, 2024": the longest end after a dash, comma or key that is all details.
    for (const split of taken ? [] : trailingSplits(rest)) {
      const read = readDetailsOnly(rest.slice(split.end), referenceDay, split.isDashed);
      if (read) {
        taken = { index: split.start, read };
        break;
      }
    }
    if (!taken) break;
    Object.assign(details, taken.read.details, { ...details });
    tickets.unshift(...taken.read.tickets);
    rest = rest.slice(0, taken.index).trim();
  }
  return { title: rest.replace(/\s*[—–,-]$/, "").trim() || title.trim(), details: clean(details), ...(tickets.length ? { tickets } : {}) };
}

// Before a key only when a colon follows it ("owner: Priya") or it leads a date ("by May 3"): "an owner" is words.
const SPLIT = new RegExp(String.raw`\s+[—–-]\s+|,\s*|\s+(?=(?:${KEYS})\s*:|(?:due|by|before|eta|deadline)\s+\S|@[\w.-]+$)`, "gi");
const MAX_DETAILS = 120;

/** Where trailing details may start, farthest from the end first: after a dash, a comma, or before a key or a handle. */
function trailingSplits(title: string): { start: number; end: number; isDashed: boolean }[] {
  const from = Math.max(0, title.length - MAX_DETAILS);
  const splits: { start: number; end: number; isDashed: boolean }[] = [];
  for (const match of title.slice(from).matchAll(SPLIT)) {
    const start = from + match.index;
    if (start > 0) splits.push({ start, end: start + match[0].length, isDashed: /[—–-]/.test(match[0]) });
  }
  return splits;
}

/** Details when every part is one (ticket ids aside), else null. */
function readDetailsOnly(text: string, referenceDay: string | null, isHandWritten: boolean): { details: ActionDetails; tickets: string[] } | null {
  const read = readDetailParts(text, referenceDay, isHandWritten);
  const tickets = read.unread.filter((part) => TICKET_ID.test(part));
  if (tickets.length !== read.unread.length || Object.keys(read.details).length === 0) return null;
  return { details: read.details, tickets };
}

const DATE = String.raw`\d{4}-\d{1,2}-\d{1,2}|(?:${MONTH_NAMES})\.?\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?|\d{1,2}(?:st|nd|rd|th)?\s+(?:${MONTH_NAMES})\.?(?:,?\s+\d{4})?`;
const DUE = new RegExp(String.raw`\b(?:due(?:\s+(?:date|on|by))?|by|before|deadline|eta|target(?:\s+date)?|no later than)\s*:?\s+(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?(${DATE})\b`, "i");

/** An action's details are in its first lines, not deep in a long description. */
const MAX_SCANNED = 4_000;
const OWNER = /\b(?:[Oo]wners?|[Oo]wned by|[Aa]ssignee|[Aa]ssigned to|DRI)\s*:?\s+(@[\w.-]+|[\p{Lu}][\p{Ll}'’-]+(?:\s+[\p{Lu}][\p{Ll}'’-]+)?)/u;

/** An owner named anywhere in an action's text ("Owner: Marta.", "owned by the Platform team"), or null. */
export function findOwner(full: string): string | null {
  const text = full.slice(0, MAX_SCANNED);
  const team = text.match(/\b(?:owners?|owned by|assignee|assigned to)\s*:?\s+(?:the\s+)?([\p{L}\d&/-]+\s+team)\b/iu);
  if (team) return team[1];
  const match = text.match(OWNER);
  return match ? match[1].replace(/^@/, "") : null;
}

/** The owner named after a dash at the very end of a text ("… before it takes traffic — Aylin Demir."), or null. */
export function trailingOwner(text: string): string | null {
  const match = text.slice(-120).match(/\s[—–-]\s+([^—–\n]{1,60}?)\.?\s*$/);
  return match && isBareOwner(match[1].trim()) ? match[1].trim().replace(/^@/, "") : null;
}

/** The numbering of an item's heading: "2. ", "1) ", "3.1 ". */
export const ITEM_NUMBER = /^\s*\d{1,3}(?:[.)]|(?:\.\d{1,3})+\.?)\s+/;

/** A due date written anywhere in an action's text ("… by April 30", "Due: 2024-05-01"), or null. */
export function findDueDate(full: string, referenceDay: string | null): string | null {
  const text = full.slice(0, MAX_SCANNED);
  const match = text.match(DUE);
  return match ? readDate(match[1].replace(/(\d)(st|nd|rd|th)\b/i, "$1"), referenceDay) : null;
}

function clean(details: ActionDetails): ActionDetails {
  return Object.fromEntries(Object.entries(details).filter(([, value]) => value !== undefined && value !== "")) as ActionDetails;
}
