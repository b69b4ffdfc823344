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

  const context = { timezone: state.draft.timezone, referenceDate: state.day };
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
