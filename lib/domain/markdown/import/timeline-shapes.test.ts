/** Every timeline shape the importer reads, one document each. */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { postmortemInputSchema } from "@/lib/schemas/postmortem";
import { parseMarkdown } from "./parse-markdown";
import { readTime } from "@/lib/domain/timeline/parse-time";
import { readDayHeading } from "@/lib/domain/timeline/read-day-heading";
import { splitTrailingMoment } from "@/lib/domain/timeline/trailing-moment";
import { allStrings, missingSentences, normalizeForComparison } from "./test-support";

const now = new Date("2026-01-15T12:00:00Z");

/** The timeline of a document whose "## Timeline" section is `body` (after an optional header). */
function timelineOf(body: string, header = "Date: 2024-03-14") {
  const { document, warnings } = parseMarkdown(`# Outage\n\n${header}\n\n## Timeline\n\n${body}\n`, { now });
  const draft = postmortemInputSchema.parse(document);
  return { events: draft.timeline.map(({ at, text }) => [at, text]), draft, warnings };
}

describe("timeline shapes", () => {
  it("bold times with the text on the next line (example 001)", () => {
    expect(timelineOf("**10:47 AM**\nThe new config is deployed.\n\n**10:50 AM**\nDatadog reports errors.").events).toEqual([
      ["2024-03-14T10:47:00", "The new config is deployed."],
      ["2024-03-14T10:50:00", "Datadog reports errors."],
    ]);
  });

  it("a bold time alone, its text in the next paragraph", () => {
    expect(timelineOf("**10:47 AM**\n\nThe new config is deployed.").events).toEqual([["2024-03-14T10:47:00", "The new config is deployed."]]);
  });

  it("'March 6th, 09:11 - text', then times carried on that day", () => {
    expect(timelineOf("March 6th, 09:11 - Deploy starts\n09:30 - Alert fires").events).toEqual([
      ["2024-03-06T09:11:00", "Deploy starts"],
      ["2024-03-06T09:30:00", "Alert fires"],
    ]);
  });

  it("'2024-03-14 01:06 UTC' sets the zone", () => {
    const { events, draft } = timelineOf("- 2024-03-14 01:06 UTC Pager fires\n- 01:10 Acknowledged", "");
    expect(draft.timezone).toBe("UTC");
    expect(events).toEqual([
      ["2024-03-14T01:06:00Z", "Pager fires"],
      ["2024-03-14T01:10:00Z", "Acknowledged"],
    ]);
  });

  it("'- 16:03 text' list items", () => {
    expect(timelineOf("- 16:03 Rollback starts\n* 16:10 Done").events).toEqual([
      ["2024-03-14T16:03:00", "Rollback starts"],
      ["2024-03-14T16:10:00", "Done"],
    ]);
  });

  it("'### 08:52 PM' headings with their paragraphs, under day headings", () => {
    const { events } = timelineOf("### Thu, 14 Mar 2024\n\n### 08:52 PM\n\nAlert fires.\n\nMore about it.\n\n### Friday, March 15th\n\n### 01:10 AM\n\nResolved.");
    expect(events).toEqual([
      ["2024-03-14T20:52:00", "Alert fires.\nMore about it."],
      ["2024-03-15T01:10:00", "Resolved."],
    ]);
  });

  it("a table with date-time cells, and one with separate Date and Time (UTC) columns", () => {
    expect(timelineOf("| Time | Event |\n|---|---|\n| 2023-06-13 09:12 | Migration starts |\n| 2023-06-13 09:14 | Errors climb |").events).toEqual([
      ["2023-06-13T09:12:00", "Migration starts"],
      ["2023-06-13T09:14:00", "Errors climb"],
    ]);
    const split = timelineOf("| Date | Time (UTC) | What happened | Who |\n|---|---|---|---|\n| 2023-06-13 | 09:12 | Migration starts | ops |");
    expect(split.draft.timezone).toBe("UTC");
    expect(split.events).toEqual([["2023-06-13T09:12:00Z", "Migration starts — ops"]]);
  });

  it("'12:45 PM PST Saturday Oct 30th - text': zone and date after the time", () => {
    const { events, draft } = timelineOf("- 12:45 PM PST Saturday Oct 30th - Customers report failed logins", "Date: 2021-10-29");
    expect(draft.timezone).toBe("America/Los_Angeles");
    expect(events).toEqual([["2021-10-30T12:45:00-07:00", "Customers report failed logins"]]);
  });

  it("ranges: the start, and the end kept in the text", () => {
    expect(timelineOf("- 01:06-05:15 Elevated latency").events).toEqual([["2024-03-14T01:06:00", "Elevated latency (until 05:15)"]]);
  });

  it("a chat log in a code block, crossing midnight", () => {
    expect(timelineOf("```\n23:58 alice: deploying v2\n00:03 bob: errors everywhere\n  still failing\n```").events).toEqual([
      ["2024-03-14T23:58:00", "alice: deploying v2"],
      ["2024-03-15T00:03:00", "bob: errors everywhere\nstill failing"],
    ]);
  });

  it("a list item that runs on with a pasted chat log: each timed line is an event", () => {
    expect(timelineOf("- 09:25 Channel opened\n09:31 Cause found\n09:48 Fixed").events).toEqual([
      ["2024-03-14T09:25:00", "Channel opened"],
      ["2024-03-14T09:31:00", "Cause found"],
      ["2024-03-14T09:48:00", "Fixed"],
    ]);
  });

  it("an impossible time keeps its line as an untimed event, with a warning naming the line", () => {
    const { events, warnings } = timelineOf("- 10:47 Deploy\n- 13:55 PM Someone checks");
    expect(events).toEqual([["2024-03-14T10:47:00", "Deploy"], [null, "13:55 PM Someone checks"]]);
    expect(warnings).toEqual(['Line 8: "13:55 PM" is not a valid time: with AM/PM the hour is 1–12; kept as an untimed event']);
  });

  it("times with no date anywhere: today, said once", () => {
    const { events, warnings } = timelineOf("- 10:47 Deploy\n- 10:50 Alert", "");
    expect(events.map(([at]) => at)).toEqual(["2026-01-15T10:47:00", "2026-01-15T10:50:00"]);
    expect(warnings).toEqual(["Line 7: no date found for the timeline: its times were placed on 2026-01-15. Set the incident date to fix it"]);
  });

  it("the day from the title or the file name when no date is written", () => {
    const fromTitle = parseMarkdown("# Login outage of March 6th, 2024\n\n## Timeline\n\n- 10:47 Deploy\n", { now });
    expect(fromTitle.document.timeline?.[0].at).toBe("2024-03-06T10:47:00");
    const fromFile = parseMarkdown("# Login outage\n\n## Timeline\n\n- 10:47 Deploy\n", { now, fileName: "2023-06-13-login-outage.md" });
    expect(fromFile.document).toMatchObject({ incidentDate: "2023-06-13", timeline: [{ at: "2023-06-13T10:47:00" }] });
    expect(fromFile.warnings).toEqual([]);
  });

  it("the zone stated in prose, in a heading, or as an abbreviation", () => {
    expect(timelineOf("All times are in CET.\n\n- 10:47 Deploy").draft.timezone).toBe("Europe/Berlin");
    expect(parseMarkdown("# X\n\n## Timeline (all times UTC)\n\n- 10:47 Deploy\n").document.timezone).toBe("UTC");
    expect(timelineOf("Times are PST.\n\n- 10:47 Deploy").draft.timezone).toBe("America/Los_Angeles");
    expect(parseMarkdown("# X\n\n## Timeline (IST)\n\n- 10:47 Deploy\n").document.timezone).toBe("Asia/Kolkata");
    expect(timelineOf("All times in XYZ.\n\n- 10:47 Deploy").warnings[0]).toBe('Line 7: "XYZ" is not a time zone Hindsight knows; times were read without a zone');
  });

  it("an event's link: a trailing [link](…) or a written link; a bare URL stays text", () => {
    const { draft } = timelineOf("- 10:47 Deploy [#812](https://git.example.com/pull/812)\n- 10:50 See https://status.example.com");
    expect(draft.timeline.map((event) => event.link)).toEqual(["https://git.example.com/pull/812", null]);
    expect(draft.timeline[1].text).toBe("See https://status.example.com");
  });
});

/** Our own timelines as people write them (fixtures/timelines): narrative between events, dates late in the text or nowhere. */
describe("timeline fixtures", () => {
  const dir = path.join(__dirname, "fixtures", "timelines");
  const read = (name: string) => {
    const text = readFileSync(path.join(dir, name), "utf8");
    const { document, warnings } = parseMarkdown(text, { fileName: name, now });
    const draft = postmortemInputSchema.parse(document);
    return { draft, warnings, text, events: draft.timeline.map(({ at, text: eventText }) => [at, eventText.split("\n")[0]]) };
  };

  // An event's time and a day heading are structure (the event's `at`): the words around them must be kept.
  const wordsOf = (sentence: string) => {
    if (readDayHeading(sentence, "2024-01-01")) return "";
    const reading = readTime(sentence);
    if (reading.ok) return sentence.slice(reading.length).replace(/^[\s\])*_:–—-]+/, "");
    return splitTrailingMoment(sentence)?.label ?? sentence;
  };

  it.each(readdirSync(dir))("%s keeps every sentence", (name) => {
    const { draft, text } = read(name);
    const kept = normalizeForComparison(allStrings(draft));
    expect(missingSentences(text, draft).filter((sentence) => !kept.includes(normalizeForComparison(wordsOf(sentence))))).toEqual([]);
  });

  it("plain text whose only full date is its last line: every event in that year, narrative in the events, no extra section", () => {
    const { draft, events, warnings } = read("published-at-end.txt");
    expect(events).toEqual([
      ["2024-04-03T23:40:00", "Cache node restarted"],
      ["2024-04-03T23:52:00", "Error rate alert fired"],
      ["2024-04-04T00:15:00", "Traffic shifted to the standby cluster"],
      ["2024-04-04T01:05:00", "Incident resolved"],
    ]);
    expect(draft.timeline[0].text).toBe("Cache node restarted\nThe restart was part of routine patching. Nobody expected the warm-up to matter.");
    expect(draft.incidentDate).toBe("2024-04-03");
    expect(draft.sections).toEqual([]);
    expect(warnings).toEqual([]);
  });

  it("Markdown: a paragraph between list events describes the event before it", () => {
    const { draft, events, warnings } = read("markdown-narrative.md");
    expect(events.map(([at]) => at)).toEqual(["2023-11-28T09:12:00", "2023-11-28T09:31:00", "2023-11-28T09:40:00", "2023-11-28T10:05:00"]);
    expect(draft.timeline[1].text).toBe("First customer reports a double charge\n\nSupport escalated the ticket to the payments team after a second report came in.");
    expect(draft.sections).toEqual([]);
    expect(warnings).toEqual([]);
  });

  it("a non-event line naming a moment is itself an event, and the timeline goes on after it", () => {
    const { draft, events } = read("maintenance-window.txt");
    expect(events).toEqual([
      ["2025-04-04T18:20:00", "Index rebuild job scheduled for the maintenance window"],
      ["2025-04-05T02:00:00", "Maintenance window"],
      ["2025-04-05T07:45:00", "Customers report empty search results"],
      ["2025-04-05T09:10:00", "Old index restored from snapshot"],
    ]);
    expect(draft.incidentDate).toBe("2025-04-04");
    expect(draft.sections.map((section) => section.title)).not.toContain("Maintenance window April 5th, 02:00");
  });

  it("day headings across a month end", () => {
    const { draft, events } = read("multi-day-months.md");
    expect(events.map(([at]) => at)).toEqual(["2022-01-30T22:10:00", "2022-01-30T23:55:00", "2022-02-01T08:30:00", "2022-02-01T17:45:00"]);
    expect(draft.incidentDate).toBe("2022-01-30");
  });

  it("across the new year: December 31st in a post dated January 4th is the year before, and January follows it", () => {
    const { draft, events } = read("year-crossing.md");
    expect(events.map(([at]) => at)).toEqual(["2022-12-31T23:50:00", "2023-01-01T00:20:00", "2023-01-01T03:10:00"]);
    expect(draft.incidentDate).toBe("2022-12-31");
  });

  it("a byline's date, and a file name's year for a date written without one", () => {
    expect(read("byline-date.md")).toMatchObject({ draft: { incidentDate: "2021-09-14" }, warnings: [] });
    expect(read("byline-date.md").events[0][0]).toBe("2021-09-14T14:02:00");
    const fromFile = read("2020-06-09-queue-backlog.md");
    expect(fromFile.events.map(([at]) => at)).toEqual(["2020-06-09T10:00:00", "2020-06-09T10:20:00", "2020-06-09T11:05:00"]);
    expect(fromFile.draft.incidentDate).toBe("2020-06-09");
  });

  it("no year anywhere: said in a warning, and the incident date left for the editor to ask", () => {
    const { draft, events, warnings } = read("no-year.txt");
    expect(events[0]).toEqual(["2026-05-05T10:00:00", "Certificate expired on the identity provider"]);
    expect(draft.incidentDate).toBeNull();
    expect(warnings).toEqual(["Line 7: the document states no year: its dates were placed in 2026. Set the incident date to fix it"]);
  });
});
