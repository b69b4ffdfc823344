/**
 * ISO 8601 dates and times read and checked without Luxon: the shapes our
 * exchange format writes (`2024-03-14T10:47:00+01:00`, `2024-03-14T10:47`,
 * `2024-03-14`). Pages and the editor's first screen use these; Luxon (in
 * time.ts, which re-exports all of this) is ~22 KB gzipped in a browser and
 * cost ~40 µs a call on the 5,000-event page (issue 15). The answers are
 * Luxon's own, as property tests in instants.test.ts check.
 */

// The exchange format's date-times: a date, a time to the minute, optional seconds and fraction, optional offset.
const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A date-time read from text: its wall clock as if UTC, and its offset in minutes when it has one. */
export type IsoDateTime = { wallMs: number; offsetMinutes: number | null };

function daysInMonth(year: number, month: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month, 0);
  return date.getUTCDate();
}

function utcMs(year: number, month: number, day: number, hour = 0, minute = 0, second = 0, ms = 0): number {
  // setUTCFullYear, not Date.UTC: Date.UTC reads years 0–99 as 1900–1999.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, ms);
  return date.getTime();
}

function isRealDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Reads an exchange-format date-time ("T" or a space between date and time), or null when it is not a real one. */
export function readIsoDateTime(text: string): IsoDateTime | null {
  const found = ISO_DATE_TIME.exec(text);
  if (!found) return null;
  const [year, month, day, hour, minute] = found.slice(1, 6).map(Number);
  const second = Number(found[6] ?? "0");
  const ms = Number((found[7] ?? "").slice(0, 3).padEnd(3, "0"));
  if (!isRealDate(year, month, day) || minute > 59 || second > 59) return null;
  // As Luxon: 24:00 (nothing after it) is the end of the day, the next day's midnight.
  if (hour > 24 || (hour === 24 && (minute > 0 || second > 0 || ms > 0))) return null;
  const wallMs = utcMs(year, month, day, hour, minute, second, ms);
  const zone = found[8];
  if (!zone) return { wallMs, offsetMinutes: null };
  if (zone === "Z" || zone === "z") return { wallMs, offsetMinutes: 0 };
  // As Luxon's signedOffset: the minutes take the sign of the hours.
  const hours = Number(zone.slice(0, 3));
  const minutes = Number(zone.slice(3).replace(":", "") || "0");
  return { wallMs, offsetMinutes: hours * 60 + (zone[0] === "-" ? -minutes : minutes) };
}

/** True for a real calendar date written as YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  const found = ISO_DATE.exec(value);
  return Boolean(found) && isRealDate(Number(found![1]), Number(found![2]), Number(found![3]));
}

/** True for an ISO 8601 date-time, with or without an offset, that names a real instant. */
export function isIsoDateTime(value: string): boolean {
  return readIsoDateTime(value) !== null;
}

/**
 * The instant an exchange-format `at` names, in ms (a time without an offset
 * counts as UTC, as floating times are ordered), or null when it has none or
 * is unreadable. Metrics and the drawn timeline read every event with it.
 */
export function eventMillis(at: string | null): number | null {
  if (!at) return null;
  const read = readIsoDateTime(at.trim());
  if (!read) return null;
  return read.wallMs - (read.offsetMinutes ?? 0) * 60_000;
}

/** The "HH:mm" an exchange-format `at` is written with (its wall clock), or null. */
export function clockOf(at: string | null): string | null {
  const text = at?.trim() ?? "";
  return readIsoDateTime(text) ? text.slice(11, 16) : null;
}

/** True when `zone` is an IANA time zone name this runtime knows (Luxon's own test). */
export function isValidTimeZone(zone: string): boolean {
  if (!zone) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone }).format();
    return true;
  } catch {
    return false;
  }
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** A YYYY-MM-DD date for people ("14 Mar 2024"); anything else is shown as it is. */
export function formatDate(isoDate: string): string {
  if (!isIsoDate(isoDate)) return isoDate;
  const [year, month, day] = isoDate.split("-").map(Number);
  return `${day} ${MONTHS[month - 1]} ${String(year).padStart(4, "0")}`;
}
