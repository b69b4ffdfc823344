/**
 * Markers for the visual timeline. A few hundred events each get their own;
 * a huge timeline (5,000 events from a chat export) would draw thousands of
 * overlapping shapes, so its events are grouped by position into at most
 * `maxMarkers` slots, each drawn as its most telling kind.
 */
import type { EventKind } from "../postmortem";
import type { LaidOutEvent } from "./layout";

export type TimelineMarker = {
  x: number;
  kind: EventKind;
  /** Indexes into the timeline of the events this marker stands for, in time order. */
  indexes: number[];
};

// Milestones first: the shape a reader looks for should never hide behind a routine note.
const SIGNIFICANCE: EventKind[] = ["impact_start", "trigger", "detected", "resolved", "mitigated", "alert", "escalation", "action", "communication", "note"];

/** One marker per event when they fit, else at most `maxMarkers` groups of neighbouring events. */
export function groupTimelineMarkers(events: LaidOutEvent[], maxMarkers: number): TimelineMarker[] {
  if (events.length <= maxMarkers) return events.map((event) => ({ x: event.x, kind: event.kind, indexes: [event.index] }));
  const slots = new Map<number, LaidOutEvent[]>();
  for (const event of events) {
    const slot = Math.min(maxMarkers - 1, Math.floor(event.x * maxMarkers));
    const members = slots.get(slot);
    if (members) members.push(event);
    else slots.set(slot, [event]);
  }
  return [...slots.values()].map((members) => {
    const lead = members.reduce((best, event) => (SIGNIFICANCE.indexOf(event.kind) < SIGNIFICANCE.indexOf(best.kind) ? event : best));
    return { x: lead.x, kind: lead.kind, indexes: members.map((event) => event.index) };
  });
}
