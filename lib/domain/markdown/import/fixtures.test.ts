/**
 * Our own fixture documents, in the shapes teams commonly write: the Google
 * SRE template (header lines, a `| Time | Event |` table, an action items
 * table), a wiki page (Date:/Authors: lines, a checklist of actions, a mixed
 * timeline with an impossible time), and a chat log crossing midnight in PST.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { postmortemInputSchema, type PostmortemDraft } from "@/lib/schemas/postmortem";
import { parseMarkdown } from "./parse-markdown";

const dir = path.join(__dirname, "fixtures");
const now = new Date("2026-01-15T12:00:00Z");

function parseFixture(name: string): { draft: PostmortemDraft; warnings: string[] } {
  const { document, warnings } = parseMarkdown(readFileSync(path.join(dir, name), "utf8"), { fileName: name, now });
  return { draft: postmortemInputSchema.parse(document), warnings };
}

describe("fixture documents", () => {
  it.each(readdirSync(dir, { withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => entry.name))("%s parses into a valid document", (name) => {
    const { document } = parseMarkdown(readFileSync(path.join(dir, name), "utf8"), { fileName: name, now });
    expect(postmortemInputSchema.safeParse(document).error).toBeUndefined();
  });

  it("Google SRE template: header lines, the time table in UTC, the action items table, lessons by kind", () => {
    const { draft, warnings } = parseFixture("google-sre.md");
    expect(draft).toMatchObject({
      title: "Search API outage during a shard migration (incident #4711)",
      incidentDate: "2023-06-13",
      authors: ["jlee", "mgarcia"],
      status: "published",
      timezone: "UTC",
      summary: "Search returned errors for 66 minutes after a shard migration left three shards without replicas.",
      impact: "About 1.2 million search queries failed; no data was lost.",
      rootCause: {
        narrative: "The migration tool assumed that every shard had a replica and moved primaries without checking.",
        trigger: "A scheduled migration started at 09:12.",
      },
    });
    expect(draft.timeline).toHaveLength(7);
    expect(draft.timeline[0]).toEqual({ at: "2023-06-13T09:12:00Z", kind: "note", text: "Scheduled shard migration starts.", link: null });
    expect(draft.timeline[2]).toMatchObject({ at: "2023-06-13T09:15:00Z", kind: "alert" });
    expect(draft.timeline[6]).toMatchObject({ at: "2023-06-13T10:45:00Z", kind: "resolved", text: "All shards healthy; incident resolved." });

    expect(draft.correctiveActions).toEqual([
      expect.objectContaining({ title: "Make the migration tool refuse to move a shard without a replica", type: "prevent", owner: "jlee", url: "https://bugs.example.com/2101", description: "Bug: BUG-2101" }),
      expect.objectContaining({ title: "Alert on shards with fewer than two replicas", type: "detect", owner: "mgarcia", url: null, description: "Bug: BUG-2102" }),
      expect.objectContaining({ title: "Write a runbook for restoring a shard from a snapshot", type: "mitigate", owner: null, description: "Owner: TODO" }),
      expect.objectContaining({ type: "process", owner: "sre-team", url: "https://bugs.example.com/2104", description: "" }),
    ]);
    expect(draft.lessons).toEqual({
      wentWell: "* The error rate alert fired within three minutes.\n* Snapshots were less than an hour old.",
      wentWrong: "* Nobody knew that the migration tool skipped its replica check.",
      lucky: "* The incident happened outside peak traffic.",
    });
    // Resolution and Detection have no field: kept as sections, in the order read.
    expect(draft.sections.map((section) => section.title)).toEqual(["Resolution", "Detection", "Supporting information"]);
    expect(warnings).toEqual(['Line 51: heading "Supporting information" matched no field; kept as an extra section']);
  });

  it("wiki page: header lines, the zone in the heading, dates carried forward, a checklist with inline details", () => {
    const { draft, warnings } = parseFixture("wiki-checklist.md");
    expect(draft).toMatchObject({
      title: "Checkout latency spike after a cache TTL change",
      incidentDate: "2024-03-06",
      authors: ["Priya Raman", "Tomás Ortega"],
      severity: "SEV2",
      services: ["checkout-api", "redis-cache"],
      timezone: "Europe/Berlin",
    });
    expect(draft.timeline.map((event) => [event.at, event.text])).toEqual([
      ["2024-03-06T09:11:00+01:00", "Cache TTL change deployed to production"],
      ["2024-03-06T09:14:00+01:00", "p99 latency on checkout-api rises above 2 s"],
      ["2024-03-06T09:20:00+01:00", "Alert fires: CheckoutLatencyHigh"],
      ["2024-03-06T09:25:00+01:00", "Incident channel opened; Jonas is the incident commander"],
      [null, "13:55 PM Someone tries the rollback from a laptop"],
      ["2024-03-06T09:48:00+01:00", "TTL change reverted; latency recovering"],
      ["2024-03-06T10:05:00+01:00", "Latency back to baseline"],
    ]);
    expect(warnings).toContain('Line 18: "13:55 PM" is not a valid time: with AM/PM the hour is 1–12; kept as an untimed event');
    expect(draft.contributingFactors.map((factor) => factor.category)).toEqual(["technical", "environment_drift", "monitoring"]);
    expect(draft.correctiveActions).toEqual([
      expect.objectContaining({ title: "Revert the TTL change", status: "done", owner: "Priya" }),
      expect.objectContaining({ title: "Add a cache hit ratio alert", status: "open", owner: "tomas", dueDate: "2024-03-20" }),
      expect.objectContaining({ title: "Load test cache changes in staging with production-sized data", priority: "high", url: "https://tracker.example.com/INC-42" }),
      expect.objectContaining({ title: "Document TTL changes in the change calendar", status: "in_progress" }),
    ]);
    expect(draft.lessons.wentWell).toBe("The rollback took four minutes once started.");
    expect(draft.sections).toEqual([{ title: "Notes", body: "Thanks to the support team for the quick heads-up.", internal: false }]);
  });

  it("chat log in PST: the zone from the lines, the date after the time, midnight crossed, a range", () => {
    const { draft, warnings } = parseFixture("chat-log-pst.md");
    expect(draft.timezone).toBe("America/Los_Angeles");
    expect(draft.tags).toEqual(["auth", "deploy"]);
    expect(draft.timeline.map((event) => event.at)).toEqual([
      "2021-10-30T23:48:00-07:00",
      "2021-10-30T23:52:00-07:00",
      "2021-10-30T23:58:00-07:00",
      "2021-10-31T00:03:00-07:00",
      "2021-10-31T00:20:00-07:00",
      "2021-10-31T00:31:00-07:00",
      "2021-10-31T01:06:00-07:00",
      "2021-10-31T05:20:00-07:00",
    ]);
    expect(draft.timeline[0]).toMatchObject({ kind: "trigger", text: "deploy of auth-service v2.14 begins" });
    expect(draft.timeline[6].text).toBe("elevated latency while caches warm up (until 05:15)");
    expect(draft.incidentDate).toBe("2021-10-30");
    expect(draft.summary).toBe("Copied from the #incident channel; nothing was edited but the names.");
    expect(warnings).toEqual([]);
  });
});
