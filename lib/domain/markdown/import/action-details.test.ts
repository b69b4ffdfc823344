import { describe, expect, it } from "vitest";
import { readDetailParts, takeInlineDetails } from "./action-details";

describe("action details", () => {
  it("reads the export's details", () => {
    expect(readDetailParts("type: prevent · priority: high · owner: Jo Smith · due: 2024-03-29 · status: in progress · tracker", null)).toEqual({
      details: { type: "prevent", priority: "high", owner: "Jo Smith", dueDate: "2024-03-29", status: "in_progress" },
      unread: ["tracker"],
    });
    expect(readDetailParts("status: won't do", null).details).toEqual({ status: "wont_do" });
  });

  it.each([
    ["Revert the TTL change (owner: Priya)", "Revert the TTL change", { owner: "Priya" }],
    ["Add an alert — owner: @tomas, due 2024-03-20", "Add an alert", { owner: "tomas", dueDate: "2024-03-20" }],
    ["[P1] Load test the cache", "Load test the cache", { priority: "high" }],
    ["Document TTL changes (in progress)", "Document TTL changes", { status: "in_progress" }],
    ["Ship the fix [done]", "Ship the fix", { status: "done" }],
    ["Write the runbook (due March 29, 2024)", "Write the runbook", { dueDate: "2024-03-29" }],
    ["Ping @alice", "Ping", { owner: "alice" }],
  ])("takes the details out of %j", (title, rest, details) => {
    expect(takeInlineDetails(title, "2024-03-01")).toEqual({ title: rest, details });
  });

  it("ends an owner at a ticket or another key after a comma, and keeps a date's comma", () => {
    expect(readDetailParts("owner: @htanaka, NET-901", null)).toEqual({ details: { owner: "htanaka" }, unread: ["NET-901"] });
    expect(readDetailParts("owner: Priya Raman, due March 1, 2026", null)).toEqual({ details: { owner: "Priya Raman", dueDate: "2026-03-01" }, unread: [] });
    expect(takeInlineDetails("Validate Corefile in CI (owner: @htanaka, NET-901)", null)).toEqual({
      title: "Validate Corefile in CI",
      details: { owner: "htanaka" },
      tickets: ["NET-901"],
    });
  });

  it("leaves a parenthesis that is not details in the title", () => {
    expect(takeInlineDetails("Migrate the database (phase 2)", null)).toEqual({ title: "Migrate the database (phase 2)", details: {} });
    expect(takeInlineDetails("Fix A, B and C", null)).toEqual({ title: "Fix A, B and C", details: {} });
    // A ticket alone is no details.
    expect(takeInlineDetails("Pin the repo server (NET-903)", null)).toEqual({ title: "Pin the repo server (NET-903)", details: {} });
  });
});
