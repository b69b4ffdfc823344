/**
 * Positions for the visual timeline: timed events on a horizontal axis from
 * 0 to 1, with long quiet stretches (a 50-hour detection gap) compressed to a
 * fixed share of the width and marked, so multi-day incidents stay readable.
 */
import type { EventKind } from "../postmortem";
import { eventMillis } from "../instants";

export type LaidOutEvent = { index: number; kind: EventKind; ms: number; x: number };
export type AxisBreak = { x: number; hiddenMs: number };
export type Band = { from: number; to: number };

export type TimelineLayout = {
  events: LaidOutEvent[];
  breaks: AxisBreak[];
  /** Impact start (or trigger) → mitigation (or resolution). */
  impact: Band | null;
  /** First sign → detection. */
  detectionGap: Band | null;
};

const BREAK_SHARE = 0.06;

/** Lays out the timed events of a timeline; untimed ones are left out (the text list shows them). */
export function layoutTimeline(timeline: { at: string | null; kind: EventKind }[]): TimelineLayout | null {
  const timed = timeline
    .map((event, index) => {
      return { index, kind: event.kind, ms: eventMillis(event.at) };
    })
    .filter((event): event is { index: number; kind: EventKind; ms: number } => event.ms !== null)
    .sort((a, b) => a.ms - b.ms);
  if (timed.length < 2 || timed[timed.length - 1].ms === timed[0].ms) return null;

  const total = timed[timed.length - 1].ms - timed[0].ms;
  // A gap counts as "quiet" when it alone is over 40 % of the span and longer than two hours.
  const isQuiet = (gap: number) => gap > total * 0.4 && gap > 2 * 3_600_000;
  const gaps = timed.slice(1).map((event, i) => event.ms - timed[i].ms);
  const quiet = gaps.filter(isQuiet);
  const shown = total - quiet.reduce((sum, gap) => sum + gap, 0);
  const shownShare = 1 - BREAK_SHARE * quiet.length;

  const breaks: AxisBreak[] = [];
  const positions = new Map<number, number>([[timed[0].ms, 0]]);
  // Positions from whole-millisecond sums, so that round figures stay round.
  let shownSoFar = 0;
  const xOf = () => (shownSoFar / (shown || 1)) * shownShare + breaks.length * BREAK_SHARE;
  gaps.forEach((gap, i) => {
    if (isQuiet(gap)) breaks.push({ x: xOf() + BREAK_SHARE / 2, hiddenMs: gap });
    else shownSoFar += gap;
    positions.set(timed[i + 1].ms, Math.min(1, xOf()));
  });
  const at = (ms: number | undefined) => (ms === undefined ? undefined : positions.get(ms));
  const firstOf = (...kinds: EventKind[]) => timed.find((event) => kinds.includes(event.kind))?.ms;

  const impactFrom = at(firstOf("impact_start") ?? firstOf("trigger"));
  const impactTo = at(firstOf("mitigated") ?? firstOf("resolved"));
  const detected = at(firstOf("detected", "alert"));
  return {
    events: timed.map((event) => ({ ...event, x: positions.get(event.ms) ?? 0 })),
    breaks,
    impact: impactFrom !== undefined && impactTo !== undefined && impactTo > impactFrom ? { from: impactFrom, to: impactTo } : null,
    detectionGap: detected !== undefined && detected > 0 ? { from: 0, to: detected } : null,
  };
}
