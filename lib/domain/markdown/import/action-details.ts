/**
 * Details written inline in a corrective action: the export's
 * "_(type: prevent · priority: high · owner: Jo · due: 2024-03-29 · status: in progress · [tracker](…))_",
 * and hand-written "(owner: Priya)", "@alice", "due 2024-03-29", "[P1]", "(done)".
 */
import type { CorrectiveAction } from "@/lib/schemas/postmortem";
import type { ActionStatus } from "@/lib/domain/postmortem";
import { readDate } from "./dates";
import { readActionStatus, readActionType, readPriority } from "./vocabulary";

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
const PART_SEPARATOR = new RegExp(String.raw`\s*[·;]\s*|\s*,\s*(?=\w+\s*:|(?:${KEYS})\s|@|[A-Z][A-Z0-9]+-\d+\b|#\d+\b)`, "i");

/** Reads "key: value" parts (separated by "·", ";" or ",") into details; parts it cannot read are returned. */
export function readDetailParts(text: string, referenceDay: string | null): { details: ActionDetails; unread: string[] } {
  const details: ActionDetails = {};
  const unread: string[] = [];
  for (const part of text.split(PART_SEPARATOR)) {
    const trimmed = part.trim();
    if (!trimmed) continue;
    if (!readPart(trimmed, details, referenceDay)) unread.push(trimmed);
  }
  return { details: clean(details), unread };
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
  if (/^(owner|owners|assignee|assigned to)$/.test(key)) return Boolean((details.owner = value.replace(/^@/, "").trim()));
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
    const separated = rest.match(/(?:\s+[—–-]\s+|,\s*|\s+)([^,—–]{1,80})$/);
    const candidate = bracketed ?? separated;
    if (!candidate || candidate.index === 0) break;
    let read = readDetailsOnly(candidate[1], referenceDay);
    let taken = candidate;
    if (!read && candidate === bracketed && separated) {
      read = readDetailsOnly(separated[1], referenceDay);
      taken = separated;
    }
    if (!read) break;
    Object.assign(details, read.details, { ...details });
    tickets.unshift(...read.tickets);
    rest = rest.slice(0, taken.index).trim();
  }
  return { title: rest.replace(/\s*[—–,-]$/, "").trim() || title.trim(), details: clean(details), ...(tickets.length ? { tickets } : {}) };
}

/** Details when every part is one (ticket ids aside), else null. */
function readDetailsOnly(text: string, referenceDay: string | null): { details: ActionDetails; tickets: string[] } | null {
  const read = readDetailParts(text, referenceDay);
  const tickets = read.unread.filter((part) => TICKET_ID.test(part));
  if (tickets.length !== read.unread.length || Object.keys(read.details).length === 0) return null;
  return { details: read.details, tickets };
}

function clean(details: ActionDetails): ActionDetails {
  return Object.fromEntries(Object.entries(details).filter(([, value]) => value !== undefined && value !== "")) as ActionDetails;
}
