/**
 * The one module that turns timeline instants into text and back.
 * Instants are stored in UTC; they are written and shown in the postmortem's
 * IANA time zone. Without a zone, an offset given by the author is kept, and a
 * bare wall-clock time stays a wall-clock time ("floating").
 */
import { DateTime, FixedOffsetZone, type Zone } from "luxon";
import { readIsoDateTime } from "./instants";

// Luxon-free checks and readers, here too so that one module serves the server side.
export { clockOf, eventMillis, formatDate, isIsoDate, isIsoDateTime, isValidTimeZone } from "./instants";

/** How one event's time is stored: exactly one shape is non-null, or none. */
export type StoredTime = {
  instant: Date | null;
  offsetMinutes: number | null;
  localTime: string | null;
};

export const NO_TIME: StoredTime = { instant: null, offsetMinutes: null, localTime: null };

const HAS_OFFSET = /(Z|[+-]\d{2}(:?\d{2})?)$/i;

/**
 * Reads an exchange-format `at` value for storage.
 * A time without an offset is read in `timezone` when one is known.
 */
export function parseEventTime(at: string | null, timezone: string | null): StoredTime {
  if (at === null) return NO_TIME;
  const text = at.trim().replace(" ", "T");
  // Our own shapes without Luxon (a page reads thousands); Luxon reads the rest, and refuses what it must.
  const read = readIsoDateTime(text);
  if (read && read.offsetMinutes !== null) return { instant: new Date(read.wallMs - read.offsetMinutes * 60_000), offsetMinutes: read.offsetMinutes, localTime: null };
  if (HAS_OFFSET.test(text)) {
    const parsed = DateTime.fromISO(text, { setZone: true });
    if (!parsed.isValid) throw new RangeError(`Not a date-time: ${at}`);
    return { instant: parsed.toUTC().toJSDate(), offsetMinutes: parsed.offset, localTime: null };
  }
  if (timezone) {
    const parsed = DateTime.fromISO(text, { zone: timezone });
    if (!parsed.isValid) throw new RangeError(`Not a date-time: ${at}`);
    return { instant: parsed.toUTC().toJSDate(), offsetMinutes: null, localTime: null };
  }
  const floating = DateTime.fromISO(text, { zone: "utc" });
  if (!floating.isValid) throw new RangeError(`Not a date-time: ${at}`);
  return { ...NO_TIME, localTime: floating.toFormat("yyyy-MM-dd'T'HH:mm:ss") };
}

/** Writes a stored time as the exchange-format `at` (ISO 8601 in the postmortem's zone). */
export function formatEventTime(stored: StoredTime, timezone: string | null): string | null {
  if (stored.instant) {
    const fast = formatInstantInZone(stored.instant.getTime(), timezone, stored.offsetMinutes);
    if (fast !== null) return fast;
  }
  const dt = toDateTime(stored, timezone);
  if (!dt) return null;
  // A floating time gains an offset as soon as the postmortem has a zone.
  if (stored.instant || timezone) return dt.toISO({ suppressMilliseconds: true });
  return dt.toFormat("yyyy-MM-dd'T'HH:mm:ss");
}

/** The stored time as a Luxon DateTime in the zone it should be shown in, or null. */
export function toDateTime(stored: StoredTime, timezone: string | null): DateTime | null {
  if (stored.instant) {
    const utc = DateTime.fromJSDate(stored.instant, { zone: "utc" });
    if (timezone) return utc.setZone(timezone);
    return utc.setZone(FixedOffsetZone.instance(stored.offsetMinutes ?? 0));
  }
  if (stored.localTime) {
    const local = DateTime.fromISO(stored.localTime, { zone: timezone ?? "utc" });
    return local.isValid ? local : null;
  }
  return null;
}

/** Milliseconds since the epoch used to order events; floating times order as if UTC. */
export function sortKey(stored: StoredTime): number | null {
  if (stored.instant) return stored.instant.getTime();
  if (stored.localTime) return DateTime.fromISO(stored.localTime, { zone: "utc" }).toMillis();
  return null;
}

export type TimelineLabel = {
  /** Date line shown before the event when the day changes ("Thu, 14 Mar 2024"), else null. */
  dateLabel: string | null;
  /** Time of day ("10:47"), or null for an event with no known time. */
  timeLabel: string | null;
  /** Machine-readable value for a <time dateTime> attribute. */
  isoValue: string | null;
};

/**
 * Labels for a timeline shown in order: the date appears on the first timed
 * event and again whenever the calendar day changes in the display zone.
 */
export function labelTimeline(events: StoredTime[], timezone: string | null): TimelineLabel[] {
  let previousDay: string | null = null;
  return events.map((event) => {
    // The ISO text is the wall clock in the display zone: its day and "HH:mm" are slices of it.
    const isoValue = formatEventTime(event, timezone);
    if (!isoValue) return { dateLabel: null, timeLabel: null, isoValue: null };
    const day = isoValue.slice(0, 10);
    const dateLabel = day !== previousDay ? DateTime.fromISO(day, { zone: "utc" }).toFormat("ccc, d LLL yyyy") : null;
    previousDay = day;
    return { dateLabel, timeLabel: isoValue.slice(11, 16), isoValue };
  });
}

/** Short zone name for display next to times ("CET", "UTC+01:00", or "local time"). */
export function describeZone(timezone: string | null, at: Date | null): string {
  if (!timezone) return "local time";
  const dt = DateTime.fromJSDate(at ?? new Date(), { zone: timezone });
  return `${timezone} (${dt.toFormat("ZZZZ")})`;
}


/** Labels for exchange-format `at` values (see labelTimeline); unreadable values count as untimed. */
export function labelEventTimes(ats: (string | null)[], timezone: string | null): TimelineLabel[] {
  return labelTimeline(
    ats.map((at) => {
      try {
        return parseEventTime(at, timezone);
      } catch {
        return NO_TIME;
      }
    }),
    timezone,
  );
}

/** An ISO instant for people, in the postmortem's zone when known ("14 Mar 2024, 01:06 CET"), else UTC. */
export function formatInstant(iso: string, timezone: string | null): string {
  const dt = DateTime.fromISO(iso, { zone: timezone ?? "utc" });
  return dt.isValid ? dt.toFormat("d LLL yyyy, HH:mm ZZZZ") : iso;
}

/** The earliest timed event among exchange-format `at` values, or null when none has a readable time. */
export function earliestEventTime(ats: (string | null)[], timezone: string | null): StoredTime | null {
  let earliest: { stored: StoredTime; key: number } | null = null;
  for (const at of ats) {
    let stored: StoredTime;
    try {
      stored = parseEventTime(at, timezone);
    } catch {
      continue;
    }
    const key = sortKey(stored);
    if (key !== null && (earliest === null || key < earliest.key)) earliest = { stored, key };
  }
  return earliest?.stored ?? null;
}

/**
 * A stored time as a blog post's date, in the postmortem's zone: "day"
 * ("2024-03-13"), "jekyll" ("2024-03-13 23:40:00 +0100") or "iso"
 * ("2024-03-13T23:40:00+01:00"). A floating time is written as UTC.
 */
export function formatPostDate(stored: StoredTime, timezone: string | null, style: "day" | "jekyll" | "iso"): string | null {
  const dt = toDateTime(stored, timezone);
  if (!dt) return null;
  if (style === "day") return dt.toISODate();
  if (style === "jekyll") return dt.toFormat("yyyy-MM-dd HH:mm:ss ZZZ");
  return dt.toISO({ suppressMilliseconds: true });
}

/**
 * An instant as Luxon's toISO({ suppressMilliseconds: true }) writes it in
 * the display zone (see toDateTime), or null to let Luxon do it. A page
 * writes every event of its timeline: zone offsets are looked up once per
 * quarter hour of time (every offset change falls on one) instead of
 * through Intl for each event.
 */
function formatInstantInZone(ms: number, timezone: string | null, offsetMinutes: number | null): string | null {
  if (!Number.isFinite(ms)) return null;
  const zone = timezone ? zoneOf(timezone) : FixedOffsetZone.instance(offsetMinutes ?? 0);
  if (!zone) return null;
  const offset = offsetAt(zone, ms);
  // Historical local mean times are offsets in seconds: Luxon writes those.
  if (!Number.isInteger(offset)) return null;
  const local = new Date(ms + offset * 60_000);
  const year = local.getUTCFullYear();
  if (year < 0 || year > 9999) return null;
  const text = local.toISOString(); // "2024-03-14T10:47:05.123Z", the wall clock of the zone
  const wall = local.getUTCMilliseconds() === 0 ? text.slice(0, 19) : text.slice(0, 23);
  // Luxon writes "Z" for a fixed zero offset (UTC) and "+00:00" for a zone that merely sits at zero now.
  if (zone.isUniversal && offset === 0) return `${wall}Z`;
  const absolute = Math.abs(offset);
  const sign = offset < 0 ? "-" : "+";
  return `${wall}${sign}${String(Math.floor(absolute / 60)).padStart(2, "0")}:${String(absolute % 60).padStart(2, "0")}`;
}

const zones = new Map<string, Zone | null>();
function zoneOf(name: string): Zone | null {
  if (!zones.has(name)) {
    if (zones.size > 1000) zones.clear();
    const zone = DateTime.fromMillis(0).setZone(name).zone;
    zones.set(name, zone.isValid ? zone : null);
  }
  return zones.get(name) ?? null;
}

const QUARTER_HOUR = 15 * 60_000;
const offsets = new Map<string, number>();
function offsetAt(zone: Zone, ms: number): number {
  if (zone.isUniversal) return zone.offset(ms);
  const key = `${zone.name}|${Math.floor(ms / QUARTER_HOUR)}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    if (offsets.size > 50_000) offsets.clear();
    offset = zone.offset(ms);
    offsets.set(key, offset);
  }
  return offset;
}
