/** Which day and time an exported post carries; all formatting goes through lib/domain/time. */
import type { PostmortemDocument } from "@/lib/schemas/postmortem";
import { earliestEventTime, formatPostDate, parseEventTime, type StoredTime } from "@/lib/domain/time";

type Dated = Pick<PostmortemDocument, "timeline" | "timezone" | "incidentDate" | "createdAt">;

const earliestEvent = (doc: Dated) => earliestEventTime(doc.timeline.map((event) => event.at), doc.timezone);
const startOfIncidentDay = (doc: Dated) => (doc.incidentDate ? parseEventTime(`${doc.incidentDate}T00:00:00`, doc.timezone) : null);
const created = (doc: Dated): StoredTime | null => {
  try {
    return parseEventTime(doc.createdAt, doc.timezone);
  } catch {
    return null;
  }
};

/**
 * The post's date-time in front matter: the first timed event (when the
 * incident began), else the start of the incident day, else creation; with
 * the offset of that day in the postmortem's zone, or none when no zone or
 * offset is known.
 */
export function postDate(doc: Dated, style: "jekyll" | "iso"): string | null {
  const stored = earliestEvent(doc) ?? startOfIncidentDay(doc) ?? created(doc);
  if (!stored) return null;
  const written = formatPostDate(stored, doc.timezone, style);
  // A wall-clock time with no zone anywhere has no offset to write: none is invented (Jekyll and Hugo read the site's zone).
  if (written && !stored.instant && !doc.timezone) return style === "jekyll" ? written.slice(0, 19) : written.replace(/(Z|[+-]\d{2}:?\d{2})$/, "");
  return written;
}

/** The post's day for its file name: the incident date, else the first timed event's day, else creation's day (in the postmortem's zone). */
export function postDay(doc: Dated): string {
  if (doc.incidentDate) return doc.incidentDate;
  const stored = earliestEvent(doc) ?? created(doc);
  return (stored && formatPostDate(stored, doc.timezone, "day")) ?? doc.createdAt.slice(0, 10);
}
