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
 * incident began), else the start of the incident day, else creation.
 */
export function postDate(doc: Dated, style: "jekyll" | "iso"): string | null {
  const stored = earliestEvent(doc) ?? startOfIncidentDay(doc) ?? created(doc);
  return stored ? formatPostDate(stored, doc.timezone, style) : null;
}

/** The post's day for its file name: the incident date, else the first timed event's day, else creation's day (in the postmortem's zone). */
export function postDay(doc: Dated): string {
  if (doc.incidentDate) return doc.incidentDate;
  const stored = earliestEvent(doc) ?? created(doc);
  return (stored && formatPostDate(stored, doc.timezone, "day")) ?? doc.createdAt.slice(0, 10);
}
