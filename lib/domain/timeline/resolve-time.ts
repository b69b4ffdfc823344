/** Turns a parsed time plus what is known of the day into an exchange-format `at`. */
import { DateTime } from "luxon";
import type { ParsedTime } from "./parse-time";

export type TimeContext = {
  /** The postmortem's IANA zone, or null. */
  timezone: string | null;
  /** The day assumed for times given without a date (YYYY-MM-DD), or null. */
  referenceDate: string | null;
};

export type ResolvedTime = {
  /** ISO 8601: with offset when a zone or offset is known, otherwise a wall-clock date-time. */
  at: string;
  /** The calendar day the time fell on (YYYY-MM-DD), for reading the next time. */
  day: string;
  /** Set when a date had to be assumed. */
  note: string | null;
};

const pad = (n: number) => String(n).padStart(2, "0");

/** Resolves `parsed` to an ISO date-time; a missing date comes from the context, else today. */
export function resolveTime(parsed: ParsedTime, context: TimeContext, now = new Date()): ResolvedTime {
  let note: string | null = null;
  let day: string;
  if (parsed.date) {
    const year = parsed.date.year ?? Number((context.referenceDate ?? isoDay(now)).slice(0, 4));
    day = `${year}-${pad(parsed.date.month)}-${pad(parsed.date.day)}`;
  } else if (context.referenceDate) {
    day = context.referenceDate;
  } else {
    day = isoDay(now);
    note = `No date known: assumed ${day}. Set the incident date to fix it.`;
  }
  const clock = `${pad(parsed.hour)}:${pad(parsed.minute)}:${pad(parsed.second)}`;
  const local = `${day}T${clock}`;
  if (parsed.zone) {
    const offset = parsed.zone === "UTC" ? "Z" : parsed.zone;
    // An abbreviation ("PST") was read as an IANA zone: the wall-clock time is read in it.
    const instant = parsed.zone.includes("/")
      ? DateTime.fromISO(local, { zone: parsed.zone })
      : DateTime.fromISO(`${local}${offset}`, { setZone: true });
    const shown = context.timezone ? instant.setZone(context.timezone) : instant;
    return { at: shown.toISO({ suppressMilliseconds: true }) ?? `${local}${offset}`, day: shown.toISODate() ?? day, note };
  }
  if (context.timezone) {
    const inZone = DateTime.fromISO(local, { zone: context.timezone });
    return { at: inZone.toISO({ suppressMilliseconds: true }) ?? local, day, note };
  }
  return { at: local, day, note };
}

/** The day after an ISO day. */
export function nextDay(day: string): string {
  return DateTime.fromISO(day, { zone: "utc" }).plus({ days: 1 }).toISODate() ?? day;
}

function isoDay(date: Date): string {
  return DateTime.fromJSDate(date).toISODate() ?? "1970-01-01";
}

/**
 * `resolveTime` for a time typed after `previousAt`, the latest event so far
 * (read on `context.referenceDate`, that event's day). Incidents cross
 * midnight without saying so: a clock without a date that would fall before
 * the previous event is read on the next day when that is nearer ("00:15"
 * after "23:25" is 50 minutes later, not 23 hours earlier), with a note
 * saying so; "22:00" after "23:25" stays on the same day.
 */
export function resolveAfter(parsed: ParsedTime, context: TimeContext, previousAt: string | null, now = new Date()): ResolvedTime {
  const sameDay = resolveTime(parsed, context, now);
  if (parsed.date || !previousAt || !context.referenceDate) return sameDay;
  const previous = Date.parse(previousAt);
  const at = Date.parse(sameDay.at);
  if (!(at < previous)) return sameDay;
  const next = resolveTime(parsed, { ...context, referenceDate: nextDay(context.referenceDate) }, now);
  if (!(Date.parse(next.at) - previous < previous - at)) return sameDay;
  const shownDay = DateTime.fromISO(next.day).toFormat("ccc d LLL");
  return { ...next, note: `Read as ${shownDay}, the day after the event before it; type a date with the time to change that.` };
}
