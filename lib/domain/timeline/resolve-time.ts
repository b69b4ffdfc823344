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
