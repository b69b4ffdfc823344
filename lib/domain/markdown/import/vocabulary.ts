/** The words people use for Hindsight's closed lists, read into their values. */
import type { ActionPriority, ActionStatus, ActionType, ImpactFigureKey, Severity, Status } from "@/lib/domain/postmortem";
import { EVENT_KIND_LABELS, type EventKind } from "@/lib/domain/postmortem";
import { isValidTimeZone } from "@/lib/domain/time";
import { zoneForAbbreviation } from "@/lib/domain/timeline/zone-abbreviations";

const key = (text: string) => text.toLowerCase().replace(/[’']/g, "").replace(/[^a-z0-9]+/g, " ").trim();

function lookup<T>(table: Record<string, T>, text: string): T | null {
  const normalized = key(text);
  return Object.hasOwn(table, normalized) ? table[normalized] : null;
}

const STATUSES: Record<string, Status> = {
  draft: "draft",
  "in review": "in_review",
  review: "in_review",
  "under review": "in_review",
  published: "published",
  archived: "archived",
};

const ACTION_STATUSES: Record<string, ActionStatus> = {
  open: "open", todo: "open", "to do": "open", "not started": "open", planned: "open", new: "open", pending: "open", backlog: "open",
  "in progress": "in_progress", doing: "in_progress", started: "in_progress", wip: "in_progress", ongoing: "in_progress", "in flight": "in_progress",
  done: "done", complete: "done", completed: "done", fixed: "done", closed: "done", resolved: "done", shipped: "done", finished: "done",
  "wont do": "wont_do", wontdo: "wont_do", "wont fix": "wont_do", wontfix: "wont_do", cancelled: "wont_do", canceled: "wont_do", dropped: "wont_do", rejected: "wont_do",
};

const ACTION_TYPES: Record<string, ActionType> = {
  prevent: "prevent", prevention: "prevent", preventive: "prevent", preventative: "prevent",
  detect: "detect", detection: "detect",
  mitigate: "mitigate", mitigation: "mitigate",
  process: "process",
};

const PRIORITIES: Record<string, ActionPriority> = {
  high: "high", critical: "high", urgent: "high", p0: "high", p1: "high",
  medium: "medium", normal: "medium", p2: "medium",
  low: "low", p3: "low", p4: "low",
};

const SEVERITY_WORDS: Record<string, Severity> = { critical: "SEV1", major: "SEV2", high: "SEV2", medium: "SEV3", moderate: "SEV3", minor: "SEV4", low: "SEV4" };

const KIND_BY_LABEL: Record<string, EventKind> = Object.fromEntries(
  Object.entries(EVENT_KIND_LABELS).flatMap(([kind, label]) => [[key(label), kind as EventKind], [key(kind), kind as EventKind]]),
);

export const readStatus = (text: string) => lookup(STATUSES, text.replace(/_/g, " "));
export function readActionStatus(text: string): ActionStatus | null {
  if (/^[✅✔☑]/u.test(text.trim())) return "done";
  return lookup(ACTION_STATUSES, text);
}
export const readActionType = (text: string) => lookup(ACTION_TYPES, text);
export const readPriority = (text: string) => lookup(PRIORITIES, text);
export const readEventKind = (text: string) => lookup(KIND_BY_LABEL, text.replace(/_/g, " "));

/** "SEV-1", "Sev 2", "S3", "P1", "1", "critical" → SEV1…SEV4. */
export function readSeverity(text: string): Severity | null {
  const numbered = key(text).match(/^(?:sev(?:erity)?|s|p)?\s*([1-4])\b/);
  if (numbered) return `SEV${numbered[1]}` as Severity;
  return lookup(SEVERITY_WORDS, text.split(/[\s(]/)[0] ?? "");
}

/** An IANA zone or a known abbreviation ("CET" → "Europe/Berlin"); null for anything else. */
export function readZone(text: string): string | null {
  const trimmed = text.trim().replace(/[.)]+$/, "");
  const abbreviation = zoneForAbbreviation(trimmed.toUpperCase());
  if (abbreviation && /^[A-Za-z]{1,5}$/.test(trimmed)) return abbreviation;
  if (/^[A-Za-z]+(?:\/[A-Za-z0-9_+-]+)+$/.test(trimmed) && isValidTimeZone(trimmed)) return trimmed;
  return null;
}

/** "a, b and c" → ["a", "b", "c"]. */
export function splitList(text: string): string[] {
  return text
    .split(/\s*(?:,|;|&|\band\b|\n)\s*/)
    .map((item) => item.replace(/^@/, "").trim())
    .filter(Boolean);
}

/** Minutes in "1 hour, 25 minutes", "2h 10m", "38 min", "90 minutes", "3 days"; null when unreadable. */
export function readDuration(text: string): number | null {
  const units: Record<string, number> = { d: 1440, day: 1440, h: 60, hr: 60, hour: 60, m: 1, min: 1, minute: 1, s: 1 / 60, sec: 1 / 60, second: 1 / 60 };
  const pattern = /(\d+(?:\.\d+)?)\s*(days?|d|hours?|hrs?|h|minutes?|mins?|m|seconds?|secs?|s)\b/gi;
  let total = 0;
  let matched = "";
  for (const match of text.matchAll(pattern)) {
    const unit = match[2].toLowerCase().replace(/s$/, "");
    total += Number(match[1]) * (units[unit] ?? units[unit.charAt(0)]);
    matched += match[0];
  }
  const rest = text.replace(pattern, "").replace(/\band\b/gi, "").replace(/[\s,]+/g, "");
  return matched && !rest ? total : null;
}

/** "18,000" → 18000, "12.5 %" → 12.5, "$1.2k" → 1200, "about 3M" → 3000000; null when it is not one number. */
export function readNumber(text: string): number | null {
  const match = text.trim().match(/^(?:~|about|approx\.?|approximately|around|over|more than)?\s*[$€£]?\s*(\d[\d,]*(?:\.\d+)?)\s*([kKmM])?\s*(?:%|percent|users|customers|requests|errors)?\s*$/);
  if (!match) return null;
  const value = Number(match[1].replace(/,/g, "")) * (match[2] ? (match[2].toLowerCase() === "k" ? 1_000 : 1_000_000) : 1);
  return Number.isFinite(value) ? value : null;
}

const FIGURE_NAMES: Record<string, ImpactFigureKey> = {
  "users affected": "usersAffected", "affected users": "usersAffected", "customers affected": "usersAffected", "affected customers": "usersAffected",
  "error rate": "errorRate", "peak error rate": "errorRate",
  duration: "durationMinutes", "impact duration": "durationMinutes", "outage duration": "durationMinutes",
  "requests failed": "requestsFailed", "failed requests": "requestsFailed",
  "revenue lost": "revenueLost", "lost revenue": "revenueLost", "revenue impact": "revenueLost",
};

/** The impact figure a label names ("Users affected"), or null. */
export const readFigureName = (label: string) => lookup(FIGURE_NAMES, label);

/** A figure's value: durations in minutes, the rest as numbers. */
export function readFigureValue(figure: ImpactFigureKey, text: string): number | null {
  const value = figure === "durationMinutes" ? readDuration(text) : readNumber(text);
  if (value === null || value < 0 || (figure === "errorRate" && value > 100)) return null;
  return value;
}

export type ActionGroup = { priority?: ActionPriority; type?: ActionType; status?: ActionStatus };

// Group words that name no field: kept in each action's description ("Short term").
const TIMEFRAMES = new Set(["short term", "near term", "medium term", "mid term", "long term", "this week", "this sprint", "this quarter", "next quarter", "quick wins"]);
const GROUP_WORDS: Record<string, ActionGroup> = {
  now: { priority: "high" }, immediate: { priority: "high" }, immediately: { priority: "high" }, urgent: { priority: "high" },
  next: { priority: "medium" }, soon: { priority: "medium" }, later: { priority: "low" }, eventually: { priority: "low" },
  "must have": { priority: "high" }, "should have": { priority: "medium" }, "nice to have": { priority: "low" },
  "high priority": { priority: "high" }, "medium priority": { priority: "medium" }, "low priority": { priority: "low" },
  "in progress": { status: "in_progress" }, done: { status: "done" }, completed: { status: "done" }, complete: { status: "done" },
  "already done": { status: "done" }, shipped: { status: "done" }, open: { status: "open" }, planned: { status: "open" }, "to do": { status: "open" }, todo: { status: "open" },
};
const GROUP_TAIL = /\s+(?:actions?|action items?|items?|fixes|changes|improvements|work|tasks|follow ups?|remediations?|measures|steps)$/;

/**
 * A subheading under corrective actions that groups them ("Short term",
 * "Now / Next / Later", "P0", "Detect", "Long-term fixes"): what its word
 * means for each action (a priority, type or status), or `{}` for a timeframe
 * that means none; null when the heading is not a group's.
 */
export function readActionGroup(text: string): ActionGroup | null {
  const normalized = key(text.replace(/\([^)]*\)/g, " ")).replace(/^\d{1,2}\s+/, "");
  const word = normalized.replace(GROUP_TAIL, "");
  if (!word) return null;
  if (/^p[0-4]$/.test(word)) return { priority: PRIORITIES[word] };
  if (Object.hasOwn(GROUP_WORDS, word)) return GROUP_WORDS[word];
  if (Object.hasOwn(ACTION_TYPES, word)) return { type: ACTION_TYPES[word] };
  if (Object.hasOwn(PRIORITIES, word)) return { priority: PRIORITIES[word] };
  if (TIMEFRAMES.has(word)) return {};
  return null;
}
