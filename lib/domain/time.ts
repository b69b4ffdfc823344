/**
 * The one module that turns timeline instants into text and back.
 * Instants are stored in UTC; they are written and shown in the postmortem's
 * IANA time zone. Without a zone, an offset given by the author is kept, and a
 * bare wall-clock time stays a wall-clock time ("floating").
 */
import { DateTime, IANAZone, FixedOffsetZone } from "luxon";

/** How one event's time is stored: exactly one shape is non-null, or none. */
export type StoredTime = {
  instant: Date | null;
  offsetMinutes: number | null;
  localTime: string | null;
};

export const NO_TIME: StoredTime = { instant: null, offsetMinutes: null, localTime: null };

const ISO_DATE_TIME =
  /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}(:?\d{2})?)?$/i;
const HAS_OFFSET = /(Z|[+-]\d{2}(:?\d{2})?)$/i;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** True when `zone` is an IANA time zone name this runtime knows. */
export function isValidTimeZone(zone: string): boolean {
  return IANAZone.isValidZone(zone);
}

/** True for a real calendar date written as YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  return ISO_DATE.test(value) && DateTime.fromISO(value).isValid;
}

/** True for an ISO 8601 date-time, with or without an offset, that names a real instant. */
export function isIsoDateTime(value: string): boolean {
  return ISO_DATE_TIME.test(value) && DateTime.fromISO(value.replace(" ", "T"), { setZone: true }).isValid;
}

/**
 * Reads an exchange-format `at` value for storage.
 * A time without an offset is read in `timezone` when one is known.
 */
export function parseEventTime(at: string | null, timezone: string | null): StoredTime {
  if (at === null) return NO_TIME;
  const text = at.trim().replace(" ", "T");
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
    const dt = toDateTime(event, timezone);
    if (!dt) return { dateLabel: null, timeLabel: null, isoValue: null };
    const day = dt.toISODate();
    const dateLabel = day !== previousDay ? dt.toFormat("ccc, d LLL yyyy") : null;
    previousDay = day;
    return {
      dateLabel,
      timeLabel: dt.toFormat("HH:mm"),
      isoValue: formatEventTime(event, timezone),
    };
  });
}

/** Short zone name for display next to times ("CET", "UTC+01:00", or "local time"). */
export function describeZone(timezone: string | null, at: Date | null): string {
  if (!timezone) return "local time";
  const dt = DateTime.fromJSDate(at ?? new Date(), { zone: timezone });
  return `${timezone} (${dt.toFormat("ZZZZ")})`;
}

/** A calendar date ("2024-03-14") written for people ("14 Mar 2024"). */
export function formatDate(isoDate: string): string {
  const dt = DateTime.fromISO(isoDate, { zone: "utc" });
  return dt.isValid ? dt.toFormat("d LLL yyyy") : isoDate;
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
