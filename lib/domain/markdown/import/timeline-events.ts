/**
 * Timeline entries → events: each entry's time read with the shared time
 * reader, placed on the day known from the document (and carried from line to
 * line), across midnight when a chat log does so without saying, in the
 * postmortem's zone. An unreadable time keeps its entry as an untimed event.
 */
import type { TimelineEvent } from "@/lib/schemas/postmortem";
import { inferEventKind } from "@/lib/domain/timeline/infer-kind";
import { readTime } from "@/lib/domain/timeline/parse-time";
import { nextDay, resolveTime } from "@/lib/domain/timeline/resolve-time";
import { warn, type ImportState } from "./state";
import type { TimelineItem } from "./timeline-items";

const AFTER_TIME = /^\s*[\])]?\s*(?:[-–—:|,]\s*)?/;
const pad = (n: number) => String(n).padStart(2, "0");

/** Reads entries into events and adds them to the document's timeline. */
export function addTimelineEvents(state: ImportState, items: TimelineItem[]): void {
  adoptFirstStatedZone(state, items);
  for (const item of items) {
    if (item.type === "day") {
      state.day = item.day;
      state.isDayAssumed = false;
      continue;
    }
    const event = readEvent(state, item);
    if (event) state.draft.timeline.push(event);
  }
}

function readEvent(state: ImportState, item: Extract<TimelineItem, { type: "entry" }>): TimelineEvent | null {
  const isFirst = state.draft.timeline.length === 0;
  const untimed = (text: string): TimelineEvent | null => {
    const trimmed = text.trim();
    if (!trimmed) return null;
    return { at: null, kind: item.kind ?? inferEventKind(trimmed, { isFirst }), text: trimmed, link: item.link };
  };
  if (item.isUntimed) return untimed(item.text);
  const reading = readTime(item.exact?.time ?? item.text);
  if (!reading.ok) {
    if (!reading.error.endsWith("does not start with a time")) warn(state, item.offset, `${reading.error}; kept as an untimed event`);
    return untimed(item.text);
  }
  let text = item.exact ? item.exact.text : item.text.slice(reading.length).replace(AFTER_TIME, "").trim();
  const { until } = reading.value;
  if (until) text = `${text} (until ${pad(until.hour)}:${pad(until.minute)})`.trim();
  if (!text) {
    warn(state, item.offset, "a time with no description after it; described as \"(no description)\"");
    text = "(no description)";
  }

  const context = { timezone: state.draft.timezone, referenceDate: yearReference(state, reading.value.date) };
  const date = reading.value.date;
  if (date && date.year === null && state.day === null && !state.isDayAssumed) {
    state.isDayAssumed = true;
    warn(state, item.offset, `the document states no year: its dates were placed in ${state.now.getUTCFullYear()}. Set the incident date to fix it`);
  }
  let resolved = resolveTime(reading.value, context, state.now);
  if (resolved.note && !state.isDayAssumed) {
    state.isDayAssumed = true;
    warn(state, item.offset, `no date found for the timeline: its times were placed on ${resolved.day}. Set the incident date to fix it`);
  }
  // A chat log crosses midnight without saying so: a time earlier than the one before is the next day.
  if (!reading.value.date && state.previousInstant !== null && millis(resolved.at) < state.previousInstant) {
    resolved = resolveTime(reading.value, { ...context, referenceDate: nextDay(resolved.day) }, state.now);
  }
  state.day = resolved.day;
  state.previousInstant = millis(resolved.at);
  return { at: resolved.at, kind: item.kind ?? inferEventKind(text, { isFirst }), text, link: item.link };
}

const HALF_YEAR = 183 * 86_400_000;

/**
 * The day whose year a date without one takes: the day known so far, or the
 * year next to it when the date would fall over half a year away (a timeline
 * from December 30th into January 2nd; December 31st in a post of January 4th).
 */
function yearReference(state: ImportState, date: { year: number | null; month: number; day: number } | null): string | null {
  if (!state.day || !date || date.year !== null) return state.day;
  const year = Number(state.day.slice(0, 4));
  const candidate = Date.UTC(year, date.month - 1, date.day);
  const reference = Date.parse(`${state.day}T00:00:00Z`);
  if (candidate < reference - HALF_YEAR) return `${year + 1}-01-01`;
  return candidate > reference + HALF_YEAR ? `${year - 1}-01-01` : state.day;
}

/** Floating times compare as if they were UTC, like the rest of Hindsight orders them (Date.parse: luxon's reader cost a second per 20,000 events). */
function millis(at: string): number {
  return Date.parse(/(?:Z|[+-]\d{2}:\d{2})$/.test(at) ? at : `${at}Z`);
}

/** Without a stated zone, the first zone written on an entry ("12:45 PM PST") becomes the postmortem's. */
function adoptFirstStatedZone(state: ImportState, items: TimelineItem[]): void {
  if (state.draft.timezone) return;
  for (const item of items) {
    if (item.type !== "entry" || item.isUntimed) continue;
    const reading = readTime(item.text);
    const zone = reading.ok ? reading.value.zone : null;
    if (!zone) continue;
    // A bare offset ("+01:00") names no zone: times keep their offsets.
    if (zone === "UTC" || zone.includes("/")) state.draft.timezone = zone;
    return;
  }
}
