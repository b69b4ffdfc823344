/**
 * Incident metrics derived from the timeline — never typed twice. Each is in
 * minutes, or null ("N/A") when an event it needs is missing or untimed, or
 * when the events are in an impossible order: never a wrong number.
 */
import type { EventKind } from "./postmortem";
import { eventMillis } from "./instants";

type TimedInput = { at: string | null; kind: EventKind };

export type IncidentMetrics = {
  /** Impact start (or trigger) → first detection or alert. */
  timeToDetect: number | null;
  /** Impact start (or trigger) → first mitigation. */
  timeToMitigate: number | null;
  /** Impact start (or trigger) → resolution. */
  timeToResolve: number | null;
  /** Impact start (or trigger) → the end of impact (mitigated, else resolved). */
  impactDuration: number | null;
  /** The first sign of trouble on the timeline → detection, when something came before the impact was noticed. */
  detectionGap: number | null;
};

const MINUTE = 60_000;

/** The earliest timed event of the given kinds, with its time in ms, or null. */
export function firstEventOf<T extends TimedInput>(timeline: T[], kinds: EventKind[]): { event: T; ms: number } | null {
  let first: { event: T; ms: number } | null = null;
  for (const event of timeline) {
    if (!kinds.includes(event.kind)) continue;
    const ms = eventMillis(event.at);
    if (ms !== null && (first === null || ms < first.ms)) first = { event, ms };
  }
  return first;
}

/** Computes the metrics of a timeline given as exchange-format events. */
export function computeMetrics(timeline: TimedInput[]): IncidentMetrics {
  const timed = timeline
    .map((event) => ({ kind: event.kind, ms: eventMillis(event.at) }))
    .filter((event): event is { kind: EventKind; ms: number } => event.ms !== null);
  const first = (...kinds: EventKind[]) => firstEventOf(timeline, kinds)?.ms ?? null;
  const last = (...kinds: EventKind[]) => {
    const matches = timed.filter((event) => kinds.includes(event.kind)).map((event) => event.ms);
    return matches.length ? Math.max(...matches) : null;
  };
  const span = (from: number | null, to: number | null) => (from === null || to === null || to < from ? null : (to - from) / MINUTE);

  const start = first("impact_start") ?? first("trigger");
  const detected = first("detected", "alert");
  const mitigated = first("mitigated");
  const resolved = last("resolved");
  const firstSign = timed.length ? Math.min(...timed.map((event) => event.ms)) : null;

  return {
    timeToDetect: span(start, detected),
    timeToMitigate: span(start, mitigated),
    timeToResolve: span(start, resolved),
    impactDuration: span(start, mitigated ?? resolved),
    detectionGap: detected !== null && firstSign !== null && firstSign < detected ? span(firstSign, detected) : null,
  };
}

export const METRIC_LABELS: Record<keyof IncidentMetrics, string> = {
  timeToDetect: "Time to detect",
  timeToMitigate: "Time to mitigate",
  timeToResolve: "Total time to resolution",
  impactDuration: "Impact duration",
  detectionGap: "Detection gap",
};
