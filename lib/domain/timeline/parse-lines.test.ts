import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isIsoDateTime } from "../time";
import { parseTimelineText, type PastedEvent } from "./parse-lines";
import { readDayHeading } from "./read-day-heading";
import { readTime } from "./parse-time";
import type { TimeContext } from "./resolve-time";

const EXAMPLES = fileURLToPath(new URL("../../../../shared/examples/", import.meta.url));
const inUtc: TimeContext = { timezone: "UTC", referenceDate: "2024-03-14" };
const now = new Date("2024-06-01T12:00:00Z");

const parse = (text: string, context: TimeContext = inUtc) => parseTimelineText(text, context, now);
const pick = (events: PastedEvent[], key: keyof PastedEvent) => events.map((event) => event[key]);

describe("parseTimelineText: the shapes of real postmortems", () => {
  it("reads a bold time on one line and its text on the next", () => {
    const events = parse("**10:47 AM**\nThe new config is deployed to production.\n\n**10:50 AM**\nDatadog reports a drop in logins.");
    expect(events).toEqual([
      { at: "2024-03-14T10:47:00Z", kind: "trigger", text: "The new config is deployed to production.", problem: null },
      { at: "2024-03-14T10:50:00Z", kind: "detected", text: "Datadog reports a drop in logins.", problem: null },
    ]);
  });

  it("reads list lines with the time first", () => {
    const events = parse("- 10:50 Datadog reports a drop in logins\n* 10:52 PagerDuty alerts the on-call SRE\n1. 10:55 We attempt a rollback");
    expect(pick(events, "at")).toEqual(["2024-03-14T10:50:00Z", "2024-03-14T10:52:00Z", "2024-03-14T10:55:00Z"]);
    expect(pick(events, "text")).toEqual([
      "Datadog reports a drop in logins",
      "PagerDuty alerts the on-call SRE",
      "We attempt a rollback",
    ]);
    expect(pick(events, "kind")).toEqual(["detected", "alert", "action"]);
  });

  it("reads a written date with the time and drops the separator before the text", () => {
    const events = parse("March 6th, 09:11 - Deploy of v2.3 starts\nMarch 6th, 09:40 — Alert fires", {
      timezone: "Europe/Berlin",
      referenceDate: "2024-03-01",
    });
    expect(events).toEqual([
      { at: "2024-03-06T09:11:00+01:00", kind: "trigger", text: "Deploy of v2.3 starts", problem: null },
      { at: "2024-03-06T09:40:00+01:00", kind: "alert", text: "Alert fires", problem: null },
    ]);
  });

  it("converts an explicit UTC time into the postmortem's zone", () => {
    const events = parse("2024-03-14 01:06 UTC: Rollback completed", { timezone: "Europe/Berlin", referenceDate: null });
    expect(events).toEqual([{ at: "2024-03-14T02:06:00+01:00", kind: "action", text: "Rollback completed", problem: null }]);
  });

  it("reads Markdown table rows and skips the separator row", () => {
    const events = parse("| Time | Event |\n|:-----|-------|\n| 10:00 | Deploy starts |\n| **10:05** | Alert fires | p95 > 2 s |");
    expect(events).toEqual([
      { at: null, kind: "note", text: "| Time | Event |", problem: null },
      { at: "2024-03-14T10:00:00Z", kind: "trigger", text: "Deploy starts", problem: null },
      { at: "2024-03-14T10:05:00Z", kind: "alert", text: "Alert fires — p95 > 2 s", problem: null },
    ]);
  });

  it("reads chat logs with bracketed times", () => {
    const events = parse("[10:47] alice: the deploy is out\n[10:49] bob: seeing errors");
    expect(pick(events, "at")).toEqual(["2024-03-14T10:47:00Z", "2024-03-14T10:49:00Z"]);
    expect(pick(events, "text")).toEqual(["alice: the deploy is out", "bob: seeing errors"]);
  });

  it("keeps bullet lines without times as untimed events, in their order", () => {
    // As in example 002.
    const text = [
      "  • Update pushed to production.",
      "  • Issues began surfacing.",
      "  • Rollback initiated to the previous stable version.",
      "  • Full service restoration; systems back online.",
      "  • Root cause analysis conducted, and patches developed.",
    ].join("\n");
    const events = parse(text);
    expect(pick(events, "text")).toEqual([
      "Update pushed to production.",
      "Issues began surfacing.",
      "Rollback initiated to the previous stable version.",
      "Full service restoration; systems back online.",
      "Root cause analysis conducted, and patches developed.",
    ]);
    expect(pick(events, "at")).toEqual([null, null, null, null, null]);
    expect(pick(events, "problem")).toEqual([null, null, null, null, null]);
    expect(events[0].kind).toBe("trigger");
  });

  it("moves to the next day when a chat log crosses midnight", () => {
    const events = parse("23:50 Deploy starts\n23:58 Errors spike\n00:10 Rolled back\n00:25 All systems operational");
    expect(pick(events, "at")).toEqual([
      "2024-03-14T23:50:00Z",
      "2024-03-14T23:58:00Z",
      "2024-03-15T00:10:00Z",
      "2024-03-15T00:25:00Z",
    ]);
  });

  it("crosses midnight in wall-clock time too, when there is no zone", () => {
    const events = parse("23:50 Deploy starts\n00:10 Rolled back", { timezone: null, referenceDate: "2024-03-14" });
    expect(pick(events, "at")).toEqual(["2024-03-14T23:50:00", "2024-03-15T00:10:00"]);
  });

  it("keeps equal times on the same day", () => {
    const events = parse("10:00 Deploy starts\n10:00 Alert fires");
    expect(pick(events, "at")).toEqual(["2024-03-14T10:00:00Z", "2024-03-14T10:00:00Z"]);
  });

  it("lets day heading lines set the date of the times that follow", () => {
    const events = parse("## 14 March 2024\n10:00 Deploy starts\n\n**Fri, 15 Mar 2024**\n11:00 Alert fires\n2024-03-20\n09:00 Resolved");
    expect(events).toHaveLength(3);
    expect(pick(events, "at")).toEqual(["2024-03-14T10:00:00Z", "2024-03-15T11:00:00Z", "2024-03-20T09:00:00Z"]);
  });

  it("uses the day heading's year for written dates without one", () => {
    const events = parse("Thu, 14 Mar 2021\nMarch 15th 10:00 Alert fires", { timezone: "UTC", referenceDate: null });
    expect(events).toEqual([{ at: "2021-03-15T10:00:00Z", kind: "alert", text: "Alert fires", problem: null }]);
  });

  it("keeps the whole line of a time it cannot read, with the reason", () => {
    const events = parse("- 13:55 PM something broke\n14:00 Rolled back");
    expect(events[0]).toEqual({
      at: null,
      kind: "note",
      text: "13:55 PM something broke",
      problem: '"13:55 PM" is not a valid time: with AM/PM the hour is 1–12',
    });
    expect(events[1].at).toBe("2024-03-14T14:00:00Z");
  });

  it("does not take the text under a time it cannot read as that time's description", () => {
    const events = parse("**24:00**\nDatabase restarted");
    expect(pick(events, "text")).toEqual(["**24:00**", "Database restarted"]);
    expect(events[0].problem).toBe('"24:00" is not a valid time');
    expect(events[1].problem).toBeNull();
  });

  it("keeps a day without year that does not exist in the incident's year as an untimed line", () => {
    const events = parse("Feb 29 10:00 Deploy starts\n11:00 Alert fires", { timezone: "UTC", referenceDate: "2023-03-14" });
    expect(events[0]).toEqual({
      at: null,
      kind: "trigger",
      text: "Feb 29 10:00 Deploy starts",
      problem: "2023-02-29 is not a real date: write the year with the date",
    });
    expect(events[1]).toMatchObject({ at: "2023-03-14T11:00:00Z", text: "Alert fires", problem: null });
    expect(parse("Feb 29 10:00 Deploy starts", { timezone: "UTC", referenceDate: "2024-03-14" })[0].at).toBe("2024-02-29T10:00:00Z");
  });

  it("reads the time of a line whose text begins with a word like 'Zendesk' or 'Amazon'", () => {
    const events = parse("10:50 Zendesk tickets pile up\n10:52 Amazon S3 returns errors");
    expect(pick(events, "at")).toEqual(["2024-03-14T10:50:00Z", "2024-03-14T10:52:00Z"]);
    expect(pick(events, "text")).toEqual(["Zendesk tickets pile up", "Amazon S3 returns errors"]);
  });

  it("marks a time without a description", () => {
    const events = parse("**10:47 AM**\n**10:50 AM**\nAlert fires");
    expect(events[0]).toEqual({ at: "2024-03-14T10:47:00Z", kind: "note", text: "(no description)", problem: "A time with no description after it" });
    expect(events[1]).toMatchObject({ at: "2024-03-14T10:50:00Z", text: "Alert fires", problem: null });
  });

  it("notes the assumed day when no date is known", () => {
    const events = parse("10:47 Deploy starts\n10:50 Alert fires", { timezone: null, referenceDate: null });
    expect(events[0].problem).toMatch(/^No date known: assumed \d{4}-\d{2}-\d{2}\./);
    expect(events[1].problem).toBeNull();
    expect(events[1].at?.slice(0, 10)).toBe(events[0].at?.slice(0, 10));
  });

  it("accepts Windows line ends and ignores blank lines", () => {
    const events = parse("10:00 Deploy starts\r\n\r\n   \r\n---\r\n10:05 Alert fires\r\n");
    expect(pick(events, "text")).toEqual(["Deploy starts", "Alert fires"]);
  });

  it("returns nothing for an empty paste", () => {
    expect(parse("")).toEqual([]);
    expect(parse("\n \n---\n")).toEqual([]);
  });
});

describe("parseTimelineText: shapes read since the Markdown importer", () => {
  it("reads a range as its start, keeping the end in the text", () => {
    expect(parse("- 01:06-05:15 Elevated latency while caches warm up")).toEqual([
      { at: "2024-03-14T01:06:00Z", kind: "note", text: "Elevated latency while caches warm up (until 05:15)", problem: null },
    ]);
  });

  it("reads a zone abbreviation and a date after the time", () => {
    const events = parse("12:45 PM PST Saturday Oct 30th - Customers report failed logins", { timezone: "America/Los_Angeles", referenceDate: "2021-10-29" });
    expect(pick(events, "at")).toEqual(["2021-10-30T12:45:00-07:00"]);
    expect(pick(events, "text")).toEqual(["Customers report failed logins"]);
  });
});

describe("parseTimelineText: example 001", () => {
  it("reads the nine entries of its timeline, trigger first and resolved last", (context) => {
    const file = `${EXAMPLES}001_dcfdd56ea97a1954.txt`;
    context.skip(!existsSync(file), `${file} is absent: the shared examples are not checked out here`);
    const lines = readFileSync(file, "utf8").split("\n");
    const start = lines.indexOf("**10:47 AM**");
    const end = lines.findIndex((line) => line.startsWith("**Total time to resolution"));
    expect(start).toBeGreaterThan(0);
    expect(end).toBeGreaterThan(start);

    const events = parse(lines.slice(start, end).join("\n"), { timezone: "UTC", referenceDate: "2025-05-25" });

    expect(pick(events, "at")).toEqual(
      ["10:47", "10:50", "10:52", "10:55", "11:10", "11:25", "11:32", "11:39", "12:12"].map((time) => `2025-05-25T${time}:00Z`),
    );
    expect(events[0]).toMatchObject({ kind: "trigger", text: "The new config is deployed to production via CI/CD." });
    expect(events.at(-1)).toMatchObject({ kind: "resolved", text: "All systems operational. Post-incident review begins." });
    expect(pick(events, "problem")).toEqual(Array(9).fill(null));
    expect(events.every((event) => lines.includes(event.text))).toBe(true);
  });
});

describe("parseTimelineText: properties", () => {
  const LIST_MARKER = /^\s*(?:[-*+•·▪‣◦>]|\d{1,3}[.)])\s+/;

  /** Letters and digits of a line that must reach some event's text: all of it, less a time read at its start. */
  function wordsToKeep(rawLine: string): string[] {
    const line = rawLine.replace(LIST_MARKER, "").trim();
    if (!line || /^[-=|:\s]+$/.test(line) || readDayHeading(line, "2024-03-14")) return [];
    const timeSide = line.replace(/^[|\s]+/, "").replace(/^(\*\*|__|\*|_|`)/, "").replace(/^\[/, "");
    const reading = readTime(timeSide);
    const content = reading.ok ? timeSide.slice(reading.length) : line;
    return content.match(/[\p{L}\p{N}]+/gu) ?? [];
  }

  const singleLine = (text: string) => text.trim() !== "" && !/[\r\n]/.test(text);
  const time = fc.tuple(fc.integer({ min: 0, max: 29 }), fc.integer({ min: 0, max: 65 }), fc.constantFrom("", " AM", "pm", " UTC"));
  const timelineLine = fc
    .tuple(fc.constantFrom("", "- ", "* ", "1. ", "• ", "| ", "**", "["), time, fc.constantFrom(" ", " - ", ": ", "** ", "] ", " | "), fc.string())
    .map(([prefix, [hour, minute, suffix], separator, text]) => `${prefix}${hour}:${String(minute).padStart(2, "0")}${suffix}${separator}${text}`);
  const anyLine = fc.oneof(
    fc.string({ unit: "grapheme", minLength: 1 }),
    fc.string({ unit: "binary", minLength: 1 }),
    timelineLine,
    fc.constantFrom("**10:47 AM**", "| --- | --- |", "## 14 March 2024", "  • Update pushed to production.", "13:55 PM oops", "Feb 29 10:00 leap day"),
  );

  it("never drops the text of a line", () => {
    fc.assert(
      fc.property(fc.array(anyLine.filter(singleLine), { minLength: 1, maxLength: 12 }), fc.constantFrom<TimeContext>(inUtc, { timezone: null, referenceDate: null }, { timezone: "Asia/Kathmandu", referenceDate: "2023-03-14" }), (lines, context) => {
        const events = parseTimelineText(lines.join("\n"), context, now);
        const kept = events.map((event) => event.text).join("\n");
        for (const line of lines) {
          for (const word of wordsToKeep(line)) expect(kept, `"${word}" of ${JSON.stringify(line)}`).toContain(word);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it("never throws on any text, and every event has a text and a valid time or none", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: "binary", maxLength: 400 }), fc.array(anyLine).map((lines) => lines.join("\n"))), (text) => {
        for (const event of parseTimelineText(text, { timezone: "UTC", referenceDate: "2023-03-14" }, now)) {
          expect(event.text.trim()).not.toBe("");
          if (event.at !== null) expect(isIsoDateTime(event.at), event.at).toBe(true);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it("gives every timed line of a clean timeline its event, in order", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })), { minLength: 1, maxLength: 20 }), (times) => {
        const text = times.map(([hour, minute], index) => `- ${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")} Event ${index}`).join("\n");
        const events = parseTimelineText(text, inUtc, now);
        expect(pick(events, "text")).toEqual(times.map((_, index) => `Event ${index}`));
        const instants = events.map((event) => Date.parse(event.at!));
        // Each time after the first is on or after the one before: an earlier one moves to the next day.
        instants.slice(1).forEach((instant, index) => expect(instant).toBeGreaterThanOrEqual(instants[index]));
      }),
    );
  });
});
