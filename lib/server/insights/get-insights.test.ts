import { beforeAll, describe, expect, it } from "vitest";
import { giveTestFileFreshDatabase } from "@/lib/server/testing/fresh-database";
import { postmortemInputSchema, type PostmortemInput } from "@/lib/schemas/postmortem";

giveTestFileFreshDatabase();
const { createPostmortem } = await import("@/lib/server/postmortems");
const { getInsights } = await import("./get-insights");

const make = (input: PostmortemInput) => createPostmortem({ draft: postmortemInputSchema.parse(input) });

describe("getInsights", () => {
  beforeAll(async () => {
    await make({
      title: "A",
      severity: "SEV1",
      incidentDate: "2024-01-10",
      services: ["auth"],
      timeline: [
        { at: "2024-01-10T10:00:00Z", kind: "impact_start", text: "start" },
        { at: "2024-01-10T11:30:00Z", kind: "resolved", text: "end" },
      ],
      contributingFactors: [{ category: "testing", text: "no test" }],
      correctiveActions: [
        { title: "late", dueDate: "2024-02-01", status: "open" },
        { title: "finished", dueDate: "2024-02-15", status: "done" },
        { title: "someday" },
      ],
    });
    await make({ title: "B", severity: "SEV2", incidentDate: "2024-01-20", services: ["auth", "billing"] });
    await make({ title: "C", severity: "SEV2", incidentDate: "2024-04-02", services: ["billing"], status: "archived" });
  });

  it("counts incidents per month by severity, leaving archived ones out", async () => {
    const insights = await getInsights({});
    expect(insights.perMonth).toEqual([
      { month: "2024-01", severity: "SEV1", count: 1 },
      { month: "2024-01", severity: "SEV2", count: 1 },
    ]);
    expect(insights.topServices).toEqual([
      { service: "auth", count: 2 },
      { service: "billing", count: 1 },
    ]);
  });

  it("averages time to resolve from the timeline", async () => {
    expect((await getInsights({})).timeToResolve).toEqual([{ month: "2024-01", averageMinutes: expect.closeTo(90, 3), incidents: 1 }]);
  });

  it("splits actions into done, open and overdue by due-date month", async () => {
    const insights = await getInsights({});
    expect(insights.actionsPerMonth).toEqual([{ month: "2024-02", open: 0, overdue: 1, done: 1 }]);
    expect(insights.actionsWithoutDueDate).toEqual({ open: 1, done: 0 });
    expect(insights.factorsPerMonth).toEqual([{ month: "2024-01", category: "testing", count: 1 }]);
  });

  it("applies the filters", async () => {
    expect((await getInsights({ severity: "SEV2" })).perMonth).toEqual([{ month: "2024-01", severity: "SEV2", count: 1 }]);
    expect((await getInsights({ service: "billing" })).topServices.map((s) => s.service)).toEqual(["auth", "billing"]);
    expect((await getInsights({ from: "2024-01-15" })).perMonth).toEqual([{ month: "2024-01", severity: "SEV2", count: 1 }]);
    expect((await getInsights({ to: "2023-12-31" })).perMonth).toEqual([]);
  });

  it("reads times an import gave without a zone (wall-clock only, as `**10:47 AM**` lines are) for time to resolve", async () => {
    const doc = await make({
      title: "Imported",
      incidentDate: "2023-05-25",
      services: ["imported-only"],
      timeline: [
        { at: "2023-05-25T10:47:00", kind: "trigger", text: "The new config is deployed." },
        { at: "2023-05-25T10:50:00", kind: "detected", text: "Datadog reports a drop in logins." },
        { at: "2023-05-25T12:12:00", kind: "resolved", text: "All systems operational." },
      ],
    });
    expect(doc.timeline[0].at).toBe("2023-05-25T10:47:00");
    expect((await getInsights({ service: "imported-only" })).timeToResolve).toEqual([{ month: "2023-05", averageMinutes: expect.closeTo(85, 3), incidents: 1 }]);
  });
});
