import { describe, expect, it } from "vitest";
import { pivot } from "./insights";

describe("pivot", () => {
  it("groups by period in order and sums values per series", () => {
    const rows = [
      { month: "2024-03", sev: "SEV1", n: 2 },
      { month: "2024-01", sev: "SEV2", n: 1 },
      { month: "2024-03", sev: "SEV2", n: 3 },
      { month: "2024-03", sev: "SEV1", n: 1 },
    ];
    expect(pivot(rows, (r) => r.month, (r) => r.sev, (r) => r.n)).toEqual([
      { label: "2024-01", values: { SEV2: 1 } },
      { label: "2024-03", values: { SEV1: 3, SEV2: 3 } },
    ]);
  });

  it("gives nothing for nothing", () => {
    expect(pivot([], () => "", () => "", () => 0)).toEqual([]);
  });
});
