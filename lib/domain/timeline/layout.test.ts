import { describe, expect, it } from "vitest";
import { layoutTimeline } from "./layout";

const at = (hhmm: string, day = "14") => `2024-03-${day}T${hhmm}:00Z`;

describe("layoutTimeline", () => {
  it("needs two distinct times", () => {
    expect(layoutTimeline([])).toBeNull();
    expect(layoutTimeline([{ at: at("10:00"), kind: "trigger" }, { at: null, kind: "note" }])).toBeNull();
  });

  it("places events proportionally from 0 to 1 and shades impact and detection gap", () => {
    const layout = layoutTimeline([
      { at: at("10:00"), kind: "trigger" },
      { at: at("10:30"), kind: "detected" },
      { at: null, kind: "note" },
      { at: at("11:00"), kind: "mitigated" },
      { at: at("12:00"), kind: "resolved" },
    ])!;
    expect(layout.events.map((e) => [e.index, e.x])).toEqual([
      [0, 0],
      [1, 0.25],
      [3, 0.5],
      [4, 1],
    ]);
    expect(layout.breaks).toEqual([]);
    expect(layout.impact).toEqual({ from: 0, to: 0.5 });
    expect(layout.detectionGap).toEqual({ from: 0, to: 0.25 });
  });

  it("compresses a long quiet stretch into a marked break", () => {
    const layout = layoutTimeline([
      { at: at("08:00", "12"), kind: "trigger" },
      { at: at("10:00", "14"), kind: "detected" },
      { at: at("10:30", "14"), kind: "resolved" },
    ])!;
    expect(layout.breaks).toHaveLength(1);
    expect(layout.breaks[0].hiddenMs).toBe(50 * 3_600_000);
    const [first, second, third] = layout.events.map((e) => e.x);
    expect(first).toBe(0);
    expect(second).toBeCloseTo(0.06);
    expect(third).toBeCloseTo(1);
    expect(layout.detectionGap).toEqual({ from: 0, to: second });
  });
});
