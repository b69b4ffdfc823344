/**
 * Reads the time expressions people type or paste into a timeline:
 * "10:47", "10:47 AM", "22:00", "2024-03-14 01:06", "2024-03-14 01:06 UTC",
 * "March 6th 09:11", "6 Mar 2024, 9:11 pm", "2024-03-14T01:06:00+01:00",
 * "Thu, 14 Mar 2024 00:05", "12:45 PM PST Saturday Oct 30th", "01:06-05:15",
 * "07.10.2025 06:00 CET" (day first), "03/14/2025 16:00" (when only one reading is a real date).
 * It only reads; turning the result into an instant is resolveTime's job.
 */
import { zoneForAbbreviation } from "./zone-abbreviations";
import { MONTH_NAMES, WEEKDAY_NAMES } from "./calendar-words";

export type ParsedTime = {
  /** The calendar date when the text gives one; `year` is null when only month and day are given. */
  date: { year: number | null; month: number; day: number } | null;
  hour: number;
  minute: number;
  second: number;
  /** An explicit zone or offset in the text: "UTC", "+01:00", or an IANA zone for an abbreviation ("PST"); null when none was given. */
  zone: string | null;
  /** The end of a range ("01:06-05:15"), present only when the text gives one. */
  until?: { hour: number; minute: number; second: number };
};

export type TimeReading =
  | { ok: true; value: ParsedTime; /** characters consumed from the start of the text */ length: number }
  | { ok: false; error: string };

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const MONTH = String.raw`(${MONTH_NAMES})\.?`;
const DAY = String.raw`(\d{1,2})(?:st|nd|rd|th)?`;
// The meridiem and zone must end a word, so "10:50 Amazon" and "10:50 Zendesk" read as 10:50 and text.
// "07.10.2025" is a date, not the clock 07:10: minutes never run on into ".digit".
const CLOCK = String.raw`(\d{1,2})[:.h](\d{2})(?!\.\d)(?::(\d{2})(?:\.\d+)?)?(?:\s*([ap])\.?\s?m\.?(?![a-z0-9]))?`;
// "UTC+2" before "UTC" so the offset is not left behind; offsets only up to ±14:59, so "+2000 errors" stays text.
const ZONE = String.raw`(?:\s*((?:UTC|GMT)[+-](?:1[0-4]|0?\d)(?::?[0-5]\d)?|[+-](?:0\d|1[0-4]):?[0-5]\d|Z|UTC|GMT)(?![a-z0-9]))?`;
const SEP = String.raw`(?:[T\s]+|,\s*|\s+at\s+)`;
// Only real weekday names, before a date: "Thu, 14 Mar 2024 00:05", "Saturday Oct 30th".
const WEEKDAY = String.raw`(?:${WEEKDAY_NAMES})\.?,?\s+`;
const RANGE_TO = String.raw`\s*(?:-|–|—|to|until)\s*`;
// A date after a time ("12:45 PM PST Saturday Oct 30th - …") counts only when a separator or the end follows it.
const TRAILING_DATE = new RegExp(
  String.raw`^,?\s+(?:on\s+)?(?:${WEEKDAY})?(?:${MONTH}\s+${DAY}(?:,?\s+(\d{4}))?|${DAY}\s+${MONTH}(?:,?\s+(\d{4}))?)(?=\s*(?:[-–—:|,]|$))`,
  "i",
);
// Upper case only, so "10:50 et al" or "10:47 est." stay text.
const ABBREVIATION = /^\s*\(?([A-Z]{1,5})\)?(?![A-Za-z0-9])/;

/** Where a pattern's parts are: the clock's first group, the range end's, and the zone's (default: after the clock). */
type Reader = (m: RegExpMatchArray) => Pick<ParsedTime, "date"> & { clock: number; untilClock?: number; zoneGroup?: number };

const PATTERNS: { regex: RegExp; read: Reader }[] = [
  // 2024-03-14 01:06, 2024-03-14T01:06:00+01:00, 2024/03/14 01:06
  {
    regex: new RegExp(String.raw`^(\d{4})[-/.](\d{2})[-/.](\d{2})${SEP}${CLOCK}${ZONE}`, "i"),
    read: (m) => ({ date: { year: +m[1], month: +m[2], day: +m[3] }, clock: 4 }),
  },
  // 07.10.2025 06:00, 7.10.2025, 06:00: dots are written day first (Germany, most of Europe)
  {
    regex: new RegExp(String.raw`^(\d{1,2})\.(\d{1,2})\.(\d{4})${SEP}${CLOCK}${ZONE}`, "i"),
    read: (m) => ({ date: { year: +m[3], month: +m[2], day: +m[1] }, clock: 4 }),
  },
  // 03/14/2025 16:00 or 14/03/2025 16:00: slashes are month first in the US and day first elsewhere
  {
    regex: new RegExp(String.raw`^(\d{1,2})/(\d{1,2})/(\d{4})${SEP}${CLOCK}${ZONE}`, "i"),
    read: (m) => ({ date: slashDate(+m[1], +m[2], +m[3]), clock: 4 }),
  },
  // March 6th 09:11, Mar 6, 2024 at 9:11 pm, Saturday Oct 30th 12:45 PM
  {
    regex: new RegExp(String.raw`^(?:${WEEKDAY})?${MONTH}\s+${DAY}(?:,?\s+(\d{4}))?${SEP}${CLOCK}${ZONE}`, "i"),
    read: (m) => ({ date: { year: m[3] ? +m[3] : null, month: monthNumber(m[1]), day: +m[2] }, clock: 4 }),
  },
  // 6 March 2024 09:11, 6th Mar, 09:11, Thu, 14 Mar 2024 00:05
  {
    regex: new RegExp(String.raw`^(?:${WEEKDAY})?${DAY}\s+${MONTH}(?:,?\s+(\d{4}))?${SEP}${CLOCK}${ZONE}`, "i"),
    read: (m) => ({ date: { year: m[3] ? +m[3] : null, month: monthNumber(m[2]), day: +m[1] }, clock: 4 }),
  },
  // 01:06-05:15, 10:00 AM to 11:30 AM UTC: read before a lone time, or "-05:15" would pass for an offset
  {
    regex: new RegExp(String.raw`^${CLOCK}${RANGE_TO}${CLOCK}${ZONE}`, "i"),
    read: () => ({ date: null, clock: 1, untilClock: 5, zoneGroup: 9 }),
  },
  // 10:47, 10:47 AM, 22:00:15 UTC
  { regex: new RegExp(String.raw`^${CLOCK}${ZONE}`, "i"), read: () => ({ date: null, clock: 1 }) },
];

/**
 * The date of "a/b/yyyy" when only one order makes it a date ("14/03", "03/14")
 * or both orders agree ("03/03"); null when either order could be meant.
 */
function slashDate(first: number, second: number, year: number): ParsedTime["date"] {
  const isMonth = (value: number) => value >= 1 && value <= 12;
  if (first !== second && isMonth(first) && isMonth(second)) return null;
  return first > 12 ? { year, month: second, day: first } : { year, month: first, day: second };
}

function monthNumber(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
}

/** Reads a time expression at the start of `text`. */
export function readTime(text: string): TimeReading {
  const input = text.trimStart();
  const skipped = text.length - input.length;
  for (const { regex, read } of PATTERNS) {
    const match = input.match(regex);
    if (!match) continue;
    // A time must not run on into more digits or letters ("10:471", "10:47am5").
    const next = input.charAt(match[0].length);
    if (/[0-9A-Za-z]/.test(next) && !/^\s/.test(next)) continue;
    const { date, clock, untilClock, zoneGroup = clock + 4 } = read(match);
    // Guessing between 4 March and 3 April would misplace the event without a word: refused, so the caller keeps the line and says why.
    const slash = date ? null : match[0].match(/^(\d{1,2})\/(\d{1,2})\/(\d{4})/);
    if (slash) {
      const [, first, second, year] = slash.map(Number);
      const iso = (month: number, day: number) => `${year}-${pad(month)}-${pad(day)}`;
      return { ok: false, error: `"${slash[0]}" could be ${iso(first, second)} or ${iso(second, first)}: write the date as YYYY-MM-DD` };
    }
    const [hourText, minuteText, secondText, meridiem] = match.slice(clock, clock + 4);
    const checked = checkClock(+hourText, +minuteText, secondText ? +secondText : 0, meridiem, match[0].trim());
    if (!checked.ok) return checked;
    const value: ParsedTime = { date, ...checked.value, zone: normaliseZone(match[zoneGroup]) };
    if (untilClock) {
      const [endHour, endMinute, endSecond, endMeridiem] = match.slice(untilClock, untilClock + 4);
      const until = checkClock(+endHour, +endMinute, endSecond ? +endSecond : 0, endMeridiem, match[0].trim());
      if (!until.ok) return until;
      value.until = until.value;
    }
    const length = match[0].length + readAfterTime(input.slice(match[0].length), value);
    if (value.date && !isRealDate(value.date.year ?? 2000, value.date.month, value.date.day)) {
      return { ok: false, error: `"${input.slice(0, length).trim()}" is not a real date` };
    }
    return { ok: true, value, length: skipped + length };
  }
  return { ok: false, error: `"${text.trim().slice(0, 40)}" does not start with a time` };
}

/**
 * Reads what may follow a time: a zone abbreviation ("PST") and, after a
 * time without a date, the date ("Saturday Oct 30th"). Fills `value` and
 * returns the characters consumed.
 */
function readAfterTime(rest: string, value: ParsedTime): number {
  let consumed = 0;
  const abbreviation = value.zone ? null : rest.match(ABBREVIATION);
  const zone = abbreviation && zoneForAbbreviation(abbreviation[1]);
  if (abbreviation && zone) {
    value.zone = zone;
    consumed = abbreviation[0].length;
  }
  const trailing = value.date ? null : rest.slice(consumed).match(TRAILING_DATE);
  if (trailing) {
    const [, monthFirst, dayAfterMonth, yearAfterDay, dayFirst, monthAfterDay, yearAfterMonth] = trailing;
    value.date = monthFirst
      ? { year: yearAfterDay ? +yearAfterDay : null, month: monthNumber(monthFirst), day: +dayAfterMonth }
      : { year: yearAfterMonth ? +yearAfterMonth : null, month: monthNumber(monthAfterDay), day: +dayFirst };
    consumed += trailing[0].length;
  }
  return consumed;
}

/** Reads a whole field that must contain only a time expression. */
export function parseTimeInput(text: string): TimeReading {
  const reading = readTime(text);
  if (!reading.ok) return text.trim() === "" ? { ok: false, error: "Enter a time such as 10:47" } : reading;
  const rest = text.slice(reading.length).trim();
  if (rest) return { ok: false, error: `Could not read "${rest}" after the time` };
  return reading;
}

function checkClock(
  hour: number,
  minute: number,
  second: number,
  meridiem: string | undefined,
  source: string,
): { ok: true; value: { hour: number; minute: number; second: number } } | { ok: false; error: string } {
  if (minute > 59 || second > 59) return { ok: false, error: `"${source}" is not a valid time` };
  if (meridiem) {
    if (hour < 1 || hour > 12) return { ok: false, error: `"${source}" is not a valid time: with AM/PM the hour is 1–12` };
    const isPm = meridiem.toLowerCase() === "p";
    hour = (hour % 12) + (isPm ? 12 : 0);
  } else if (hour > 23) {
    return { ok: false, error: `"${source}" is not a valid time` };
  }
  return { ok: true, value: { hour, minute, second } };
}

const pad = (value: number) => String(value).padStart(2, "0");

function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function normaliseZone(zone: string | undefined): string | null {
  if (!zone) return null;
  const upper = zone.toUpperCase();
  if (upper === "Z" || upper === "UTC" || upper === "GMT") return "UTC";
  const offset = upper.replace(/^(UTC|GMT)/, "").match(/^([+-])(\d{1,2}):?(\d{2})?$/);
  if (!offset) return null;
  return `${offset[1]}${offset[2].padStart(2, "0")}:${offset[3] ?? "00"}`;
}
