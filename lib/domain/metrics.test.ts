import { describe, expect, it } from "vitest";
import type { EventKind } from "./postmortem";
import { computeMetrics, METRIC_LABELS } from "./metrics";

const at = (time: string, day = "2025-05-25") => `${day}T${time}:00Z`;
const event = (kind: EventKind, time: string | null, day?: string) => ({ kind, at: time === null ? null : at(time, day) });

/** Example 001's timeline (all UTC, 25 May 2025): config deployed 10:47, all systems operational 12:12. */
const example001 = [
  event("trigger", "10:47"),
  event("detected", "10:50"),
  event("alert", "10:52"),
  event("action", "10:55"),
  event("action", "11:10"),
  event("note", "11:25"),
  event("action", "11:32"),
  event("mitigated", "11:39"),
  event("resolved", "12:12"),
];

describe("computeMetrics", () => {
  it("gives example 001's 85 minutes to resolution, and the other spans", () => {
    expect(computeMetrics(example001)).toEqual({
      timeToDetect: 3,
      timeToMitigate: 52,
      timeToResolve: 85,
      impactDuration: 52,
      detectionGap: 3,
    });
  });

  it("measures from the impact start when there is one, not the trigger", () => {
    const metrics = computeMetrics([event("trigger", "10:00"), event("impact_start", "10:10"), event("alert", "10:25"), event("resolved", "11:10")]);
    expect(metrics.timeToDetect).toBe(15);
    expect(metrics.timeToResolve).toBe(60);
    // The trigger came before anyone noticed: the gap counts from the first sign.
    expect(metrics.detectionGap).toBe(25);
  });

  it("takes the first detection and the last resolution", () => {
    const metrics = computeMetrics([
      event("impact_start", "10:00"),
      event("resolved", "10:30"),
      event("alert", "10:20"),
      event("detected", "10:05"),
      event("resolved", "11:00"),
    ]);
    expect(metrics.timeToDetect).toBe(5);
    expect(metrics.timeToResolve).toBe(60);
  });

  it("is N/A (null) for each metric whose events are missing", () => {
    expect(computeMetrics([])).toEqual({ timeToDetect: null, timeToMitigate: null, timeToResolve: null, impactDuration: null, detectionGap: null });
    const noStart = computeMetrics([event("detected", "10:00"), event("resolved", "11:00")]);
    expect(noStart.timeToDetect).toBeNull();
    expect(noStart.timeToResolve).toBeNull();
    const noResolution = computeMetrics([event("impact_start", "10:00"), event("detected", "10:10")]);
    expect(noResolution).toMatchObject({ timeToDetect: 10, timeToMitigate: null, timeToResolve: null, impactDuration: null });
  });

  it("impact lasts until mitigation, else until resolution", () => {
    expect(computeMetrics([event("impact_start", "10:00"), event("resolved", "10:45")]).impactDuration).toBe(45);
    expect(computeMetrics([event("impact_start", "10:00"), event("mitigated", "10:20"), event("resolved", "10:45")]).impactDuration).toBe(20);
  });

  it("ignores events without a time, or with an unreadable one", () => {
    const metrics = computeMetrics([
      event("impact_start", "10:00"),
      event("detected", null),
      { kind: "detected", at: "13:55 PM" },
      event("detected", "10:30"),
      event("resolved", null),
    ]);
    expect(metrics.timeToDetect).toBe(30);
    expect(metrics.timeToResolve).toBeNull();
  });

  it("is never negative: an impossible order gives null, not a wrong number", () => {
    const metrics = computeMetrics([event("impact_start", "12:00"), event("detected", "11:00"), event("mitigated", "11:30"), event("resolved", "11:45")]);
    expect(metrics).toEqual({ timeToDetect: null, timeToMitigate: null, timeToResolve: null, impactDuration: null, detectionGap: null });
  });

  it("counts across days and offsets by the instant", () => {
    const metrics = computeMetrics([
      { kind: "impact_start", at: "2024-03-12T22:00:00+01:00" },
      { kind: "detected", at: "2024-03-15T00:00:00+01:00" },
      { kind: "resolved", at: "2024-03-14T23:30:00Z" },
    ]);
    expect(metrics.timeToDetect).toBe(50 * 60);
    expect(metrics.timeToResolve).toBe(50.5 * 60);
  });

  it("labels the metrics as the export writes them", () => {
    expect(METRIC_LABELS.timeToResolve).toBe("Total time to resolution");
    expect(METRIC_LABELS.timeToDetect).toBe("Time to detect");
    expect(METRIC_LABELS.detectionGap).toBe("Detection gap");
  });
});
