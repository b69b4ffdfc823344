/** Due-date rules for corrective actions: what counts as overdue, and how it is said. */
import type { ActionStatus } from "../postmortem";

/** Done and won't-do actions are finished: they can no longer be late. */
export function isFinished(status: ActionStatus): boolean {
  return status === "done" || status === "wont_do";
}

// Plain UTC arithmetic rather than Luxon: a date-only ISO string parses as UTC midnight, days
// have no DST there, and a 10,000-row CSV computes this twice per row (Luxon made that ~1 s).
const DAY_MS = 86_400_000;

/** Whole days from `from` to `to` (both YYYY-MM-DD); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);
}

/** The day `days` after `day` (YYYY-MM-DD). */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(day) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Today's date in UTC (YYYY-MM-DD): the day every overdue rule compares with. */
export function todayUtc(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/**
 * How many days an unfinished action is past its due date, or null when it is
 * not overdue (no due date, finished, due today or later).
 */
export function overdueDays(action: { dueDate: string | null; status: ActionStatus }, today: string): number | null {
  if (!action.dueDate || isFinished(action.status)) return null;
  const days = daysBetween(action.dueDate, today);
  return days > 0 ? days : null;
}

/** What the tracker says beside a due date: "Overdue by 12 days", "Due today", "Due in 3 days", or null. */
export function dueLabel(action: { dueDate: string | null; status: ActionStatus }, today: string): string | null {
  if (!action.dueDate || isFinished(action.status)) return null;
  const days = daysBetween(today, action.dueDate);
  if (days < 0) return `Overdue by ${plural(-days, "day")}`;
  if (days === 0) return "Due today";
  return `Due in ${plural(days, "day")}`;
}

const plural = (n: number, word: string) => `${n.toLocaleString("en-US")} ${word}${n === 1 ? "" : "s"}`;
