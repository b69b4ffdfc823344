/**
 * A line that names an event and ends with its date and time ("Maintenance
 * window April 5th, 02:00"): in a timeline it is an event, never a heading.
 */
import { MONTH_NAMES } from "./calendar-words";

const MONTH = String.raw`(?:${MONTH_NAMES})\.?`;
const DAY = String.raw`\d{1,2}(?:st|nd|rd|th)?`;
const MOMENT = String.raw`(?:${MONTH}\s+${DAY}|${DAY}\s+${MONTH})(?:,?\s+\d{4})?(?:,\s*|\s+at\s+|\s+)\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,5})?`;
const TRAILING = new RegExp(String.raw`^\s*(\S.{0,79}?)[\s,:–—-]+(${MOMENT})\s*$`, "i");

/** The label and the moment of such a line, or null. */
export function splitTrailingMoment(line: string): { label: string; moment: string } | null {
  const match = TRAILING.exec(line);
  return match ? { label: match[1].trim(), moment: match[2] } : null;
}
