/**
 * Reads a pasted block of timeline lines (a chat log, a Markdown list, a
 * table, "time on one line, text on the next") into events. Nothing is
 * dropped: a line whose time cannot be read becomes an untimed event carrying
 * the whole line and a `problem` to show.
 */
import type { EventKind } from "../postmortem";
import { isIsoDateTime } from "../time";
import { inferEventKind } from "./infer-kind";
import { readTime } from "./parse-time";
import { nextDay, resolveTime, type TimeContext } from "./resolve-time";
import { readDayHeading } from "./read-day-heading";

export type PastedEvent = {
  at: string | null;
  kind: EventKind;
  text: string;
  /** Why the time could not be read, or a note about an assumption; null when all is well. */
  problem: string | null;
};

const LIST_MARKER = /^\s*(?:[-*+•·▪‣◦>]|\d{1,3}[.)])\s+/;
const EMPHASIS = /^(\*\*|__|\*|_|`)/;
const AFTER_TIME = /^\s*(\*\*|__|\*|_|`)?\s*\]?\s*(?:[-–—:|,]\s*)?/;
const LOOKS_LIKE_TIME = /^\d{1,2}[:.]\d{2}\b/;

/** Splits a pasted block into events, resolving times against the context. */
export function parseTimelineText(text: string, context: TimeContext, now = new Date()): PastedEvent[] {
  const events: PastedEvent[] = [];
  let day = context.referenceDate;
  let previous: { at: string } | null = null;
  let waitingForText: PastedEvent | null = null;

  for (const rawLine of text.replace(/\r\n?/g, "\n").split("\n")) {
    const line = cleanLine(rawLine);
    if (!line || /^[-=|:\s]+$/.test(line)) continue;

    const heading = readDayHeading(line, day);
    if (heading) {
      day = heading;
      continue;
    }

    const { timePart, rest } = splitTableRow(line);
    const reading = readTime(timePart.replace(EMPHASIS, "").replace(/^\[/, ""));
    if (!reading.ok) {
      if (LOOKS_LIKE_TIME.test(timePart.replace(EMPHASIS, "").replace(/^\[/, ""))) {
        waitingForText = null;
        events.push({ at: null, kind: inferEventKind(line), text: line, problem: reading.error });
      } else if (waitingForText) {
        waitingForText.text = line;
        waitingForText.kind = inferEventKind(line, { isFirst: events.length === 1 });
        waitingForText = null;
      } else {
        events.push({ at: null, kind: inferEventKind(line, { isFirst: events.length === 0 }), text: line, problem: null });
      }
      continue;
    }

    const stripped = timePart.replace(EMPHASIS, "").replace(/^\[/, "");
    const { until } = reading.value;
    // A range ("01:06-05:15") is an event at its start; its end stays in the text.
    const untilText = until ? ` (until ${String(until.hour).padStart(2, "0")}:${String(until.minute).padStart(2, "0")})` : "";
    const afterTime = (stripped.slice(reading.length).replace(AFTER_TIME, "") + (rest ? ` ${rest}` : "") + untilText).trim();
    let resolved = resolveTime(reading.value, { ...context, referenceDate: day }, now);
    // Chat logs cross midnight without saying so: a time earlier than the one before is the next day.
    if (!reading.value.date && previous && Date.parse(resolved.at) < Date.parse(previous.at) && day) {
      resolved = resolveTime(reading.value, { ...context, referenceDate: nextDay(day) }, now);
    }
    if (!isIsoDateTime(resolved.at)) {
      // "Feb 29" without a year, read in a year that has no 29 February: keep the line, untimed.
      waitingForText = null;
      events.push({ at: null, kind: inferEventKind(line), text: line, problem: `${resolved.day} is not a real date: write the year with the date` });
      continue;
    }
    day = resolved.day;
    previous = { at: resolved.at };
    const event: PastedEvent = {
      at: resolved.at,
      kind: inferEventKind(afterTime, { isFirst: events.length === 0 }),
      text: afterTime,
      problem: resolved.note,
    };
    events.push(event);
    waitingForText = afterTime ? null : event;
  }

  for (const event of events) {
    if (!event.text) {
      event.text = "(no description)";
      event.problem ??= "A time with no description after it";
    }
  }
  return events;
}

function cleanLine(raw: string): string {
  return raw.replace(LIST_MARKER, "").trim();
}

/** "| 10:47 | Deploy starts |" → time cell and the other cells as text. */
function splitTableRow(line: string): { timePart: string; rest: string } {
  if (!line.startsWith("|")) return { timePart: line, rest: "" };
  const cells = line
    .replace(/^\||\|$/g, "")
    .split("|")
    .map((cell) => cell.trim())
    .filter(Boolean);
  return { timePart: cells[0] ?? "", rest: cells.slice(1).join(" — ") };
}
