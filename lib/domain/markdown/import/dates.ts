/** Calendar dates written loosely in headers, titles and file names. */
import { isIsoDate } from "@/lib/domain/time";
import { readTime } from "@/lib/domain/timeline/parse-time";
import { readDayHeading } from "@/lib/domain/timeline/read-day-heading";
import { MONTH_NAMES } from "@/lib/domain/timeline/calendar-words";

const MONTH = String.raw`(?:${MONTH_NAMES})\.?`;
const CANDIDATES = [
  /\b(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\b/,
  /\b\d{1,2}\.\d{1,2}\.\d{4}\b/,
  new RegExp(String.raw`\b${MONTH}\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}\b`, "i"),
  new RegExp(String.raw`\b\d{1,2}(?:st|nd|rd|th)?\s+${MONTH},?\s+\d{4}\b`, "i"),
];

const pad = (value: string) => value.padStart(2, "0");

/** The ISO day a value names exactly ("2024-03-14", "07.10.2025", "Thu, 14 Mar 2024", "March 6th, 2024"), or null. */
export function readDate(text: string, referenceDay: string | null = null): string | null {
  const trimmed = text.trim().replace(/\.$/, "");
  const iso = trimmed.match(/^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T\s].*)?$/);
  // Dots after the day are how most of Europe writes a date: day first.
  const dotted = trimmed.match(/^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:\s.*)?$/);
  if (iso || dotted) {
    const day = iso ? `${iso[1]}-${pad(iso[2])}-${pad(iso[3])}` : `${dotted![3]}-${pad(dotted![2])}-${pad(dotted![1])}`;
    return isIsoDate(day) ? day : null;
  }
  return readDayHeading(trimmed, referenceDay);
}

/** A date with perhaps a time and a zone ("2025-06-02 09:40 CEST", "June 2, 2025"): its day, the zone written, and whether a time was. */
export function readMoment(text: string): { day: string; zone: string | null; hasTime: boolean } | null {
  const reading = readTime(text);
  const date = reading.ok ? reading.value.date : null;
  if (reading.ok && date?.year) {
    const day = `${date.year}-${pad(String(date.month))}-${pad(String(date.day))}`;
    return isIsoDate(day) ? { day, zone: reading.value.zone, hasTime: true } : null;
  }
  const day = readDate(text);
  return day ? { day, zone: null, hasTime: false } : null;
}

/** The first date with a year found anywhere in a text ("Outage of 2024-03-14", "Postmortem, March 6th 2024"), or null. */
export function findDate(text: string): string | null {
  for (const pattern of CANDIDATES) {
    const match = text.match(pattern);
    if (!match) continue;
    const day = readDate(match[0]);
    if (day) return day;
  }
  return null;
}

// "*Posted by the Platform team, February 9, 2026*" dates the post; the incident is usually dated in the text.
const BYLINE = /\b(posted|published|updated|written|edited|last modified)\b/i;

// "On February 12th", "the 3rd of March": a day without its year (one with a year is a CANDIDATE).
const YEARLESS = [
  new RegExp(String.raw`\b${MONTH}\s+\d{1,2}(?:st|nd|rd|th)?\b(?!,?\s+\d{4}|:\d)`, "i"),
  new RegExp(String.raw`\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?${MONTH}(?![\p{L}]|,?\s+\d{4})`, "iu"),
];

/**
 * The incident's day as a document's opening tells it ("On Tuesday,
 * February 3rd, 2026, customers…"): the first full date on a line that is not
 * a byline; else a day without a year ("On February 12th our resolvers
 * failed") in the year of `publishedDay` (the year before when that would
 * put it after the post was published); else a byline's date; null when
 * there is none.
 */
export function findOpeningDate(text: string, publishedDay: string | null = null): string | null {
  const lines = text.split("\n");
  const first = (isByline: boolean) => {
    for (const line of lines) {
      const day = BYLINE.test(line) === isByline ? findDate(line) : null;
      if (day) return day;
    }
    return null;
  };
  const yearless = () => {
    const reference = publishedDay ?? first(true);
    if (!reference) return null;
    for (const line of lines) {
      if (BYLINE.test(line)) continue;
      for (const pattern of YEARLESS) {
        const match = line.match(pattern);
        // Prose capitalises a month: "5 may fail" names no day.
        const day = match && /\b\p{Lu}/u.test(match[0]) ? readDayHeading(match[0].replace(/\bof\s+/i, ""), reference) : null;
        if (day) return day > reference ? `${Number(day.slice(0, 4)) - 1}${day.slice(4)}` : day;
      }
    }
    return null;
  };
  return first(false) ?? yearless() ?? first(true);
}

// "Date: …", "Published March 2, 2024", "*Posted on …*", "Last updated: …": a line that dates the document.
const DATE_LINE = /^[\s*_>#-]*(?:date|dated|published|posted|updated|last updated|written|incident date|date of incident)\b/i;

/**
 * The date a document states anywhere, its last lines included (a blog post
 * pasted as text ends with "Published March 2, 2024"): a line that dates the
 * document first, else the first full date in it; null when it states none.
 */
export function findStatedDate(text: string): string | null {
  for (const line of text.split("\n")) {
    const day = DATE_LINE.test(line) ? findDate(line) : null;
    if (day) return day;
  }
  return findDate(text);
}

/** A date and a title hidden in a file name: "2024-02-10-search-empty.md" → 2024-02-10, "Search empty". */
export function readFileName(fileName: string): { date: string | null; title: string | null } {
  const base = fileName.split(/[\\/]/).pop() ?? "";
  const stem = base.replace(/\.(md|markdown|mdown|txt|text)$/i, "");
  const date = findDate(stem.replace(/_/g, "-"));
  const words = stem
    .replace(/^\d{4}[-_.]\d{1,2}[-_.]\d{1,2}[-_ ]*/, "")
    // Numbering and content hashes name files, not incidents: "000_c27a4f90009400df".
    .replace(/[-_ ]?[0-9a-f]{8,}$/i, "")
    .replace(/^\d+(?:[-_ ]+|$)/, "")
    .replace(/[-_]+/g, " ")
    .trim();
  const title = /\p{L}{2}/u.test(words) ? words.charAt(0).toUpperCase() + words.slice(1) : null;
  return { date, title };
}
