/** Recognises a line that names only a day ("Thu, 14 Mar 2024", "March 6th", "2024-03-14"). */
import { DateTime } from "luxon";
import { WEEKDAY_NAMES } from "./calendar-words";

const WEEKDAY = String.raw`(?:(?:${WEEKDAY_NAMES})\.?,?\s+)?`;
const FORMATS = ["d LLL yyyy", "d LLLL yyyy", "LLL d yyyy", "LLLL d yyyy", "yyyy-MM-dd", "LLL d", "LLLL d", "d LLL", "d LLLL"];

/** The ISO day a heading line names, or null. Without a year, the year of `referenceDay` (or this year) is used. */
export function readDayHeading(line: string, referenceDay: string | null): string | null {
  const text = line
    .replace(/^#+\s*/, "")
    .replace(/[*_`]/g, "")
    .replace(new RegExp(`^${WEEKDAY}`, "i"), "")
    .replace(/(\d)(st|nd|rd|th)\b/gi, "$1")
    .replace(/,/g, " ")
    .replace(/\s+/g, " ")
    .replace(/:$/, "")
    .trim();
  if (text.length > 30 || !/\d/.test(text)) return null;
  for (const format of FORMATS) {
    const parsed = DateTime.fromFormat(text, format, { locale: "en", zone: "utc" });
    if (!parsed.isValid) continue;
    const year = format.includes("yyyy") ? parsed.year : Number((referenceDay ?? DateTime.now().toISODate()!).slice(0, 4));
    return parsed.set({ year }).toISODate();
  }
  return null;
}
