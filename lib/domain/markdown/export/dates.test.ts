import { describe, expect, it } from "vitest";
import { earliestEventTime, formatPostDate, parseEventTime } from "@/lib/domain/time";
import { postDate, postDay } from "./dates";

describe("earliestEventTime / formatPostDate (lib/domain/time)", () => {
  it("finds the earliest readable time, whatever the list order, skipping unknown and unreadable ones", () => {
    const stored = earliestEventTime([null, "2024-03-14T01:00:00+01:00", "13:55 PM", "2024-03-13T23:40:00+01:00"], "Europe/Berlin");
    expect(stored?.instant?.toISOString()).toBe("2024-03-13T22:40:00.000Z");
    expect(earliestEventTime([null, "garbage"], null)).toBeNull();
  });

  it("writes a post date in the postmortem's zone, with the offset of that day", () => {
    const winter = parseEventTime("2024-01-15T09:00:00Z", "Europe/Berlin");
    const summer = parseEventTime("2024-07-15T09:00:00Z", "Europe/Berlin");
    expect(formatPostDate(winter, "Europe/Berlin", "jekyll")).toBe("2024-01-15 10:00:00 +0100");
    expect(formatPostDate(summer, "Europe/Berlin", "jekyll")).toBe("2024-07-15 11:00:00 +0200");
    expect(formatPostDate(summer, "Europe/Berlin", "iso")).toBe("2024-07-15T11:00:00+02:00");
    expect(formatPostDate(parseEventTime("2024-07-15T23:30:00Z", "Asia/Tokyo"), "Asia/Tokyo", "day")).toBe("2024-07-16");
  });

  it("writes a floating time (no zone anywhere) as UTC", () => {
    const floating = parseEventTime("2024-07-15T09:00:00", null);
    expect(formatPostDate(floating, null, "jekyll")).toBe("2024-07-15 09:00:00 +0000");
    expect(formatPostDate(floating, null, "iso")).toBe("2024-07-15T09:00:00Z");
  });
});

describe("postDate / postDay", () => {
  const doc = {
    timezone: "America/Los_Angeles",
    incidentDate: "2024-03-13",
    createdAt: "2024-03-20T18:00:00.000Z",
    timeline: [
      { at: "2024-03-14T01:00:00-07:00" },
      { at: "2024-03-13T23:30:00-07:00" },
    ],
  } as Parameters<typeof postDate>[0];

  it("dates the post by its first event, the file by the incident date", () => {
    expect(postDate(doc, "jekyll")).toBe("2024-03-13 23:30:00 -0700");
    expect(postDay(doc)).toBe("2024-03-13");
  });

  it("falls back to the start of the incident day, then to creation, in the zone", () => {
    expect(postDate({ ...doc, timeline: [] }, "iso")).toBe("2024-03-13T00:00:00-07:00");
    expect(postDate({ ...doc, timeline: [], incidentDate: null }, "jekyll")).toBe("2024-03-20 11:00:00 -0700");
    expect(postDay({ ...doc, timeline: [], incidentDate: null, createdAt: "2024-03-21T03:00:00.000Z" })).toBe("2024-03-20");
  });
});
