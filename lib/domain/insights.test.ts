import { describe, expect, it } from "vitest";
import { averagesOverTime, countsOverTime, MAX_PERIODS, timelineBetween, undatedActionsNote } from "./insights";

const incidents = (rows: [string, string, number][]) =>
  countsOverTime(
    rows.map(([month, severity, count]) => ({ month, severity, count })),
    (r) => r.month,
    (r) => r.severity,
    (r) => r.count,
  );

describe("countsOverTime", () => {
  it("draws every month between the first and the last, the empty ones as nothing", () => {
    const { unit, rows } = incidents([
      ["2025-05", "SEV1", 1],
      ["2025-08", "SEV2", 2],
      ["2025-05", "SEV1", 1],
    ]);
    expect(unit).toBe("month");
    expect(rows).toEqual([
      { label: "2025-05", values: { SEV1: 2 } },
      { label: "2025-06", values: {} },
      { label: "2025-07", values: {} },
      { label: "2025-08", values: { SEV2: 2 } },
    ]);
  });

  it("keeps the gap between 2025-05, 2026-03 and 2026-12: twenty months, not three bars", () => {
    const { rows } = incidents([
      ["2025-05", "SEV2", 1],
      ["2026-03", "SEV1", 1],
      ["2026-12", "none", 1],
    ]);
    expect(rows).toHaveLength(20);
    expect(rows.map((r) => r.label).slice(0, 3)).toEqual(["2025-05", "2025-06", "2025-07"]);
    expect(rows.filter((r) => Object.keys(r.values).length > 0).map((r) => r.label)).toEqual(["2025-05", "2026-03", "2026-12"]);
  });

  it(`groups a long span into quarters, years or decades so that there are at most ${MAX_PERIODS} bars`, () => {
    const quarters = incidents([
      ["2010-01", "SEV1", 1],
      ["2010-03", "SEV1", 1],
      ["2024-12", "SEV2", 3],
    ]);
    expect(quarters.unit).toBe("quarter");
    expect(quarters.rows[0]).toEqual({ label: "2010-Q1", values: { SEV1: 2 } });
    expect(quarters.rows.at(-1)).toEqual({ label: "2024-Q4", values: { SEV2: 3 } });
    expect(quarters.rows).toHaveLength(60);

    expect(incidents([["1990-01", "SEV1", 1], ["2024-06", "SEV1", 1]]).unit).toBe("year");
    expect(incidents([["1000-01", "SEV1", 1], ["2024-06", "SEV1", 1]]).unit).toBe("decade");
    const centuries = incidents([["0001-01", "SEV1", 1], ["0999-01", "SEV1", 1], ["2024-06", "SEV1", 1]]);
    expect(centuries.unit).toBe("century");
    expect(centuries.rows.length).toBeLessThanOrEqual(MAX_PERIODS);
    expect(centuries.rows.reduce((sum, r) => sum + (r.values.SEV1 ?? 0), 0)).toBe(3);
    for (const [first, last] of [["0000-01", "9999-12"], ["2024-01", "2024-01"], ["1900-01", "2099-12"]]) {
      expect(timelineBetween(first, last).labels.length).toBeLessThanOrEqual(MAX_PERIODS);
    }
  });

  it("starts at quarters when asked, and gives nothing for nothing", () => {
    const rows = [{ month: "2024-02", n: 1 }, { month: "2024-08", n: 2 }];
    expect(countsOverTime(rows, (r) => r.month, () => "done", (r) => r.n, { smallest: "quarter" }).rows).toEqual([
      { label: "2024-Q1", values: { done: 1 } },
      { label: "2024-Q2", values: {} },
      { label: "2024-Q3", values: { done: 2 } },
    ]);
    expect(incidents([]).rows).toEqual([]);
    expect(incidents([["junk", "SEV1", 1]]).rows).toEqual([]);
  });
});

describe("averagesOverTime", () => {
  it("leaves months without a measurement empty (not zero) and weights a period's average by its incidents", () => {
    const rows = [
      { month: "2024-01", minutes: 60, incidents: 1 },
      { month: "2024-03", minutes: 120, incidents: 3 },
    ];
    expect(averagesOverTime(rows, (r) => r.month, (r) => r.minutes, (r) => r.incidents, "ttr").rows).toEqual([
      { label: "2024-01", values: { ttr: 60 } },
      { label: "2024-02", values: {} },
      { label: "2024-03", values: { ttr: 120 } },
    ]);
    expect(averagesOverTime(rows, (r) => r.month, (r) => r.minutes, (r) => r.incidents, "ttr", { smallest: "quarter" }).rows).toEqual([
      { label: "2024-Q1", values: { ttr: 105 } },
    ]);
  });
});

describe("undatedActionsNote", () => {
  it("says nothing when every open action has a due date", () => {
    expect(undatedActionsNote(0)).toBeNull();
    expect(undatedActionsNote(1)).toBe("1 open action has no due date.");
    expect(undatedActionsNote(3)).toBe("3 open actions have no due date.");
  });
});
