import { describe, expect, it } from "vitest";
import type { EventKind } from "../postmortem";
import type { LaidOutEvent } from "./layout";
import { groupTimelineMarkers } from "./markers";

const laidOut = (kinds: EventKind[]): LaidOutEvent[] =>
  kinds.map((kind, index) => ({ index, kind, ms: index * 1000, x: kinds.length === 1 ? 0 : index / (kinds.length - 1) }));

describe("groupTimelineMarkers", () => {
  it("gives every event its own marker when they fit", () => {
    const events = laidOut(["trigger", "detected", "resolved"]);
    expect(groupTimelineMarkers(events, 10)).toEqual([
      { x: 0, kind: "trigger", indexes: [0] },
      { x: 0.5, kind: "detected", indexes: [1] },
      { x: 1, kind: "resolved", indexes: [2] },
    ]);
  });

  it("groups 5,000 events into at most the markers allowed, keeping every event in exactly one", () => {
    const events = laidOut(Array.from({ length: 5000 }, (_, i) => (i % 7 === 0 ? "action" : "note")));
    const markers = groupTimelineMarkers(events, 240);
    expect(markers.length).toBeLessThanOrEqual(240);
    expect(markers.length).toBeGreaterThan(200);
    expect(markers.flatMap((marker) => marker.indexes)).toEqual(events.map((event) => event.index));
  });

  it("draws a group as its most telling kind, at that event's place", () => {
    const kinds: EventKind[] = Array.from({ length: 1000 }, () => "note");
    kinds[500] = "detected";
    kinds[501] = "action";
    const markers = groupTimelineMarkers(laidOut(kinds), 100);
    const detected = markers.find((marker) => marker.indexes.includes(500))!;
    expect(detected.kind).toBe("detected");
    expect(detected.x).toBeCloseTo(500 / 999);
    expect(markers.filter((marker) => marker.kind === "detected")).toHaveLength(1);
  });
});
