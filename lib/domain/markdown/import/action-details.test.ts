import { describe, expect, it } from "vitest";
import { findDueDate, findOwner, readDetailParts, takeInlineDetails, trailingOwner } from "./action-details";

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

  it.each([
    ["Add a latency alert (Priya Raman, due 2024-09-27)", "Add a latency alert", { owner: "Priya Raman", dueDate: "2024-09-27" }],
    ["Derive the timeout at startup - Grace Liu", "Derive the timeout at startup", { owner: "Grace Liu" }],
    ["Write the checklist — Platform team", "Write the checklist", { owner: "Platform team" }],
    ["Add a replay dashboard by August 2, 2024", "Add a replay dashboard", { dueDate: "2024-08-02" }],
    ["Synthetic probe (owner: netops, P1)", "Synthetic probe", { owner: "netops", priority: "high" }],
    ["Check the input (Priya, 2024-05-01)", "Check the input", { owner: "Priya", dueDate: "2024-05-01" }],
  ])("reads hand-written owners and dates in %j", (title, rest, details) => {
    expect(takeInlineDetails(title, "2024-03-01")).toEqual({ title: rest, details });
  });

  it.each(["Give the resizer an owner 🧑‍💻", "Update Runbook Page", "Fix the cache (Redis cluster 2)", "Roll out the change, Phase Two"])("leaves %j whole", (title) => {
    expect(takeInlineDetails(title, null).title).toBe(title);
  });

  it("finds a due date and an owner anywhere in an action's text", () => {
    expect(findDueDate("Billing data is pulled hourly. Due by April 30, 2025.", null)).toBe("2025-04-30");
    expect(findDueDate("We will ship it before 2024-06-01 if we can", null)).toBe("2024-06-01");
    expect(findDueDate("It broke on April 3 again", null)).toBeNull();
    expect(findOwner("Every release runs a smoke test. Owner: Marta.")).toBe("Marta");
    expect(findOwner("It is owned by the Platform team from now on.")).toBe("Platform team");
    expect(findOwner("The owner of the page was unclear.")).toBeNull();
    expect(trailingOwner("It warms its cache before it takes traffic — Aylin Demir.")).toBe("Aylin Demir");
    expect(trailingOwner("It warms its cache — slowly.")).toBeNull();
  });
});
