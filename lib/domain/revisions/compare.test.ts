import { describe, expect, it } from "vitest";
import { compareRevisions } from "./compare";

const base = {
  title: "Checkout outage",
  summary: "The cache expired at once.",
  severity: "SEV2",
  status: "draft",
  timezone: "UTC",
  incidentDate: null,
  services: ["checkout"],
  tags: [],
  authors: [],
  impact: "",
  impactFigures: { usersAffected: 10, errorRate: null, durationMinutes: null, requestsFailed: null, revenueLost: null },
  timeline: [],
  rootCause: { trigger: "", narrative: "", whys: [] },
  contributingFactors: [],
  correctiveActions: [],
  lessons: { wentWell: "", wentWrong: "", lucky: "" },
  sections: [],
};

describe("compareRevisions", () => {
  it("finds nothing between identical versions", () => {
    expect(compareRevisions(base, structuredClone(base))).toEqual([]);
  });

  it("names each changed field and marks the words that changed", () => {
    const after = { ...base, summary: "The whole cache expired at once.", severity: "SEV1" };
    const changes = compareRevisions(base, after);
    expect(changes.map((c) => c.label)).toEqual(["Summary", "Severity"]);
    const summary = changes[0].parts;
    expect(summary.filter((p) => p.change === "added").map((p) => p.value.trim())).toContain("whole");
    expect(summary.filter((p) => p.change === "removed")).toEqual([]);
    expect(summary.map((p) => (p.change === "removed" ? "" : p.value)).join("")).toBe("The whole cache expired at once.");
  });

  it("shows a one-word change as old → new, in the form's words", () => {
    const changes = compareRevisions(base, { ...base, status: "in_review" });
    expect(changes).toEqual([
      {
        field: "status",
        label: "Status",
        parts: [
          { value: "Draft", change: "removed" },
          { value: " → ", change: "same" },
          { value: "In review", change: "added" },
        ],
      },
    ]);
  });

  it("diffs lists and nested objects through their text form", () => {
    const after = { ...base, services: ["checkout", "payments"], impactFigures: { ...base.impactFigures, usersAffected: 12 } };
    const changes = compareRevisions(base, after);
    expect(changes.map((c) => c.field)).toEqual(["services", "impactFigures"]);
    expect(changes[0].parts.some((p) => p.change === "added" && p.value.includes("payments"))).toBe(true);
    expect(changes[1].parts.find((p) => p.change === "removed")?.value).toContain("10");
  });
});
