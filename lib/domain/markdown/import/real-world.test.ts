/**
 * Shapes seen in postmortems teams actually import (SRE templates, wiki
 * exports, blog posts, European dates), each reduced to a small document.
 */
import { describe, expect, it } from "vitest";
import { postmortemInputSchema } from "@/lib/schemas/postmortem";
import { parseMarkdown } from "./parse-markdown";

const now = new Date("2026-12-01T12:00:00Z");

function read(markdown: string) {
  const { document, warnings } = parseMarkdown(markdown, { now });
  return { draft: postmortemInputSchema.parse(document), warnings };
}

const events = (draft: ReturnType<typeof read>["draft"]) => draft.timeline.map(({ at, text }) => [at, text]);

describe("header lines after one that cannot be read", () => {
  it("reads every field line after a status in words", () => {
    const { draft, warnings } = read(
      [
        "# Search index corruption",
        "",
        "**Date:** 2025-11-18",
        "",
        "**Status:** Complete, action items in progress",
        "",
        "**Summary:** Search results were stale for 6 hours.",
        "",
        "**Impact:** 40% of queries returned incomplete results.",
        "",
        "**Root Causes:** Migration 0187 renamed a field.",
        "",
        "**Trigger:** Deployment of release 2025.11.18-2.",
        "",
        "**Resolution:** Indexer patched, full reindex run.",
        "",
        "**Detection:** Customer support tickets.",
        "",
      ].join("\n"),
    );
    expect(draft.summary).toBe("Search results were stale for 6 hours.\n\n**Status:** Complete, action items in progress");
    expect(draft.impact).toBe("40% of queries returned incomplete results.");
    expect(draft.rootCause).toMatchObject({ narrative: "Migration 0187 renamed a field.", trigger: "Deployment of release 2025.11.18-2." });
    expect(draft.sections.map((section) => [section.title, section.body])).toEqual([
      ["Resolution", "Indexer patched, full reindex run."],
      ["Detection", "Customer support tickets."],
    ]);
    expect(warnings).toEqual(['Line 5: could not read the status "Complete, action items in progress"; kept the line as text']);
  });

  it("reads the lines after an unknown key, in the same paragraph and after it", () => {
    const { draft } = read(
      [
        "Incident Report - Message Queue Backlog",
        "",
        "**Incident ID:** OPS-4471",
        "**Severity:** SEV-2",
        "**Incident Commander:** Dana Whitfield",
        "",
        "**Description:** The queue backed up.",
        "",
        "**Customer impact:** Password reset emails were late.",
        "",
        "**Root cause analysis:** A tracing plugin filled the disk.",
        "",
      ].join("\n"),
    );
    expect(draft.severity).toBe("SEV2");
    expect(draft.summary).toBe("The queue backed up.\n\n**Incident ID:** OPS-4471\n**Incident Commander:** Dana Whitfield");
    expect(draft.impact).toBe("Password reset emails were late.");
    expect(draft.rootCause.narrative).toBe("A tracing plugin filled the disk.");
  });

  it("still reads a key line after prose as a sentence", () => {
    const { draft } = read("# Outage\n\nThe cache expired.\n\nImpact: nobody noticed for a while.\n");
    expect(draft.impact).toBe("");
    expect(draft.summary).toBe("The cache expired.\n\nImpact: nobody noticed for a while.");
  });
});

describe("when the incident happened", () => {
  it("a Start line dates the incident and its zone reads the timeline; the times stay in the text", () => {
    const { draft } = read(
      [
        "Queue backlog",
        "",
        "**Start:** 2025-06-02 09:40 CEST",
        "**End:** 2025-06-02 13:05 CEST",
        "",
        "**Sequence of events:**",
        "09:40 rabbit-2 reaches its disk alarm",
        "13:05 Backlog drained",
        "",
      ].join("\n"),
    );
    expect(draft.incidentDate).toBe("2025-06-02");
    expect(draft.timezone).toBe("Europe/Berlin");
    expect(events(draft)).toEqual([
      ["2025-06-02T09:40:00+02:00", "rabbit-2 reaches its disk alarm"],
      ["2025-06-02T13:05:00+02:00", "Backlog drained"],
    ]);
    expect(draft.summary).toBe("**Start:** 2025-06-02 09:40 CEST\n**End:** 2025-06-02 13:05 CEST");
  });

  it.each(["Started", "Incident start", "Incident date", "Date"])("a %s line with only a date is the incident date", (key) => {
    const { draft } = read(`# Outage\n\n${key}: March 3rd 2025\n\n## Timeline\n\n- 14:30 on-call starts\n`);
    expect(draft.incidentDate).toBe("2025-03-03");
    expect(draft.summary).toBe("");
    expect(events(draft)).toEqual([["2025-03-03T14:30:00", "on-call starts"]]);
  });

  it.each(["End", "Ended", "Detected"])("an %s line dates the timeline when nothing else does, and stays as written", (key) => {
    const { draft, warnings } = read(`# Outage\n\n${key}: 2025-06-02 13:05 UTC\n\n## Timeline\n\n- 12:30 deploy\n`);
    expect(events(draft)).toEqual([["2025-06-02T12:30:00Z", "deploy"]]);
    expect(draft.timezone).toBe("UTC");
    expect(draft.summary).toBe(`${key}: 2025-06-02 13:05 UTC`);
    expect(warnings).toEqual([]);
  });

  it("front matter's incident_start or started_at is the incident date; with a time it is also kept (in the post's front matter)", () => {
    const withTime = read("---\ntitle: DNS failures\nincident_start: 2025-09-14T02:11:00Z\n---\n\n## Timeline\n\n- 02:13 alert fires\n");
    expect(withTime.draft.incidentDate).toBe("2025-09-14");
    expect(events(withTime.draft)).toEqual([["2025-09-14T02:13:00", "alert fires"]]);
    // Kept as written with the post's own front matter, which the export writes back.
    expect(withTime.draft.sections).toEqual([]);
    expect(withTime.draft.source?.frontMatter).toBe("title: DNS failures\nincident_start: 2025-09-14T02:11:00Z\n");
    expect(withTime.warnings).toEqual([]);
    const dayOnly = read("---\ntitle: DNS failures\nstarted_at: 2025-09-14\n---\n\nText.\n");
    expect(dayOnly.draft).toMatchObject({ incidentDate: "2025-09-14", sections: [] });
  });

  it("a date in the opening paragraph places the timeline, before the byline's", () => {
    const { draft, warnings } = read(
      [
        "# How a certificate rotation took down checkout",
        "",
        "*Posted by the Platform team, February 9, 2026*",
        "",
        "On Tuesday, February 3rd, 2026, customers were unable to complete purchases.",
        "",
        "## Timeline",
        "",
        "- 14:05 UTC — cert-manager renews the certificate.",
        "",
      ].join("\n"),
    );
    expect(events(draft)).toEqual([["2026-02-03T14:05:00Z", "cert-manager renews the certificate."]]);
    expect(draft.incidentDate).toBe("2026-02-03");
    expect(warnings).toEqual([]);
    expect(read("# Checkout down\n\n*Posted February 9, 2026*\n\n## Timeline\n\n- 14:05 renewal\n").draft.incidentDate).toBe("2026-02-09");
  });

  it("a date in the first section, before the timeline, places it", () => {
    const { draft } = read("# Duplicate webhooks\n\n## 1. Summary\n\nFor two hours on 2025-04-22, webhooks were sent twice.\n\n## 4. Timeline\n\n* 14:50 — Terraform apply\n");
    expect(events(draft)).toEqual([["2025-04-22T14:50:00", "Terraform apply"]]);
  });
});

describe("European and slash dates in the timeline", () => {
  it("reads day.month.year with the zone, not as the clock 07:10", () => {
    const { draft, warnings } = read("# SSO outage\n\n## Timeline\n\n- 07.10.2025 06:00 CET — Zertifikat läuft ab\n- 07.10.2025 06:04 CET — first failed SAML assertion\n");
    expect(draft.timezone).toBe("Europe/Berlin");
    expect(events(draft)).toEqual([
      ["2025-10-07T06:00:00+02:00", "Zertifikat läuft ab"],
      ["2025-10-07T06:04:00+02:00", "first failed SAML assertion"],
    ]);
    expect(warnings).toEqual([]);
  });

  it("reads a slash date only one order makes real; one either order could mean is an untimed event with a warning", () => {
    const { draft, warnings } = read("# Reporting outage\n\nDate: March 3rd 2025\n\n## Timeline\n\n- 15:02 — query found\n- 03/03/2025 16:00 — incident closed\n- 04/03/2025 09:00 — review held\n");
    expect(events(draft)).toEqual([
      ["2025-03-03T15:02:00", "query found"],
      ["2025-03-03T16:00:00", "incident closed"],
      [null, "04/03/2025 09:00 — review held"],
    ]);
    expect(warnings).toEqual(['Line 9: "04/03/2025" could be 2025-04-03 or 2025-03-04: write the date as YYYY-MM-DD; kept as an untimed event']);
  });
});

describe("corrective actions as teams write them", () => {
  it("an owner followed by a ticket, and an owner followed by a due date with a comma", () => {
    const { draft } = read(
      [
        "# Outage",
        "",
        "## What we are doing about it",
        "",
        "- [ ] Validate Corefile in CI (owner: @htanaka, NET-901)",
        "- Add the full chain check (owner: Priya Raman, due March 1, 2026).",
        "",
      ].join("\n"),
    );
    expect(draft.correctiveActions.map(({ title, owner, dueDate, description }) => ({ title, owner, dueDate, description }))).toEqual([
      { title: "Validate Corefile in CI", owner: "htanaka", dueDate: null, description: "Ticket: NET-901" },
      { title: "Add the full chain check", owner: "Priya Raman", dueDate: "2026-03-01", description: "" },
    ]);
  });

  it("an SRE-book table: the bug's state is the status, and a row number column is no description", () => {
    const { draft } = read(
      [
        "# Outage",
        "",
        "## Action Items",
        "",
        "| # | Action Item | Owner | Bug |",
        "|---|---|---|---|",
        "| 1 | Alert on skip rate | lena | SRCH-101 **DONE** |",
        "| 2 | Contract test | marcus | SRCH-102 **IN PROGRESS** |",
        "| 3 | Runbook | oncall | SRCH-103 **TODO** |",
        "| 4 | Backfill | data | FIXED |",
        "| x | Review | sre | SRCH-105 |",
        "",
      ].join("\n"),
    );
    expect(draft.correctiveActions.map(({ title, status, description }) => [title, status, description])).toEqual([
      ["Alert on skip rate", "done", "Bug: SRCH-101"],
      ["Contract test", "in_progress", "Bug: SRCH-102"],
      ["Runbook", "open", "Bug: SRCH-103"],
      ["Backfill", "done", ""],
      ["Review", "open", "#: x\nBug: SRCH-105"],
    ]);
  });

  it("a status column wins over a bug's state", () => {
    const { draft } = read("# Outage\n\n## Action Items\n\n| Action | Bug | Status |\n|---|---|---|\n| Fix it | BUG-1 DONE | open |\n");
    expect(draft.correctiveActions[0]).toMatchObject({ status: "open", description: "Bug: BUG-1 DONE" });
  });
});

describe("section headings as teams write them", () => {
  it("'What made it worse' holds factors, 'What we're doing about it' actions, with or without a colon", () => {
    const { draft, warnings } = read(
      "# Outage\n\n## What made it worse\n\n- The probe ran every 10 minutes.\n\n## What we're doing about it:\n\n1. Run the probe every minute.\n",
    );
    expect(draft.contributingFactors.map((factor) => factor.text)).toEqual(["The probe ran every 10 minutes."]);
    expect(draft.correctiveActions.map((action) => action.title)).toEqual(["Run the probe every minute."]);
    expect(warnings).toEqual([]);
  });

  it("a plain-text heading with a colon names its field", () => {
    const { draft } = read("Outage of the cache\n\nThe cache expired.\n\nCorrective actions:\n\n- Add jitter to the TTL\n");
    expect(draft.correctiveActions.map((action) => action.title)).toEqual(["Add jitter to the TTL"]);
  });
});
