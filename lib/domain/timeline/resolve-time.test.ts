import { describe, expect, it } from "vitest";
import type { ParsedTime } from "./parse-time";
import { nextDay, resolveAfter, resolveTime } from "./resolve-time";

const time = (hour: number, minute: number, extra: Partial<ParsedTime> = {}): ParsedTime => ({
  date: null,
  hour,
  minute,
  second: 0,
  zone: null,
  ...extra,
});

/** The calendar day of `date` on this machine's clock, as resolveTime reads "today". */
const localDay = (date: Date) =>
  `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, "0")}-${String(date.getDate()).padStart(2, "0")}`;

const now = new Date("2024-06-01T12:00:00Z");

describe("resolveTime", () => {
  it("reads a time without zone in the postmortem's zone, on the reference date", () => {
    expect(resolveTime(time(10, 47), { timezone: "Europe/Berlin", referenceDate: "2024-03-14" }, now)).toEqual({
      at: "2024-03-14T10:47:00+01:00",
      day: "2024-03-14",
      note: null,
    });
    expect(resolveTime(time(10, 47), { timezone: "America/New_York", referenceDate: "2024-07-04" }, now).at).toBe(
      "2024-07-04T10:47:00-04:00",
    );
    expect(resolveTime(time(10, 47), { timezone: "UTC", referenceDate: "2024-03-14" }, now).at).toBe("2024-03-14T10:47:00Z");
  });

  it("keeps seconds", () => {
    expect(resolveTime(time(22, 0, { second: 15 }), { timezone: "UTC", referenceDate: "2024-03-14" }, now).at).toBe(
      "2024-03-14T22:00:15Z",
    );
  });

  it("gives a wall-clock date-time when neither zone nor offset is known", () => {
    expect(resolveTime(time(9, 5), { timezone: null, referenceDate: "2024-03-14" }, now)).toEqual({
      at: "2024-03-14T09:05:00",
      day: "2024-03-14",
      note: null,
    });
  });

  it("keeps an explicit offset when the postmortem has no zone", () => {
    expect(resolveTime(time(1, 6, { zone: "+01:00" }), { timezone: null, referenceDate: "2024-03-14" }, now)).toEqual({
      at: "2024-03-14T01:06:00+01:00",
      day: "2024-03-14",
      note: null,
    });
  });

  it("converts an explicit UTC time into the postmortem's zone, moving the day when it changes there", () => {
    expect(resolveTime(time(1, 6, { zone: "UTC" }), { timezone: "Europe/Berlin", referenceDate: "2024-03-14" }, now)).toEqual({
      at: "2024-03-14T02:06:00+01:00",
      day: "2024-03-14",
      note: null,
    });
    expect(resolveTime(time(23, 30, { zone: "UTC" }), { timezone: "Europe/Berlin", referenceDate: "2024-03-14" }, now)).toEqual({
      at: "2024-03-15T00:30:00+01:00",
      day: "2024-03-15",
      note: null,
    });
  });

  it("converts an explicit offset into the postmortem's zone, keeping the instant", () => {
    const resolved = resolveTime(time(10, 0, { zone: "+05:30" }), { timezone: "Europe/Berlin", referenceDate: "2024-03-14" }, now);
    expect(resolved.at).toBe("2024-03-14T05:30:00+01:00");
    expect(Date.parse(resolved.at)).toBe(Date.parse("2024-03-14T10:00:00+05:30"));
  });

  it("uses the date given with the time over the reference date", () => {
    const withYear = time(9, 11, { date: { year: 2023, month: 12, day: 31 } });
    expect(resolveTime(withYear, { timezone: "UTC", referenceDate: "2024-03-14" }, now).at).toBe("2023-12-31T09:11:00Z");
  });

  it("takes a missing year from the reference date, else from today", () => {
    const march6 = time(9, 11, { date: { year: null, month: 3, day: 6 } });
    expect(resolveTime(march6, { timezone: null, referenceDate: "2021-10-01" }, now)).toEqual({
      at: "2021-03-06T09:11:00",
      day: "2021-03-06",
      note: null,
    });
    expect(resolveTime(march6, { timezone: null, referenceDate: null }, now)).toEqual({
      at: `${now.getFullYear()}-03-06T09:11:00`,
      day: `${now.getFullYear()}-03-06`,
      note: null,
    });
  });

  it("assumes today when no date is known at all, and says so", () => {
    const today = localDay(now);
    expect(resolveTime(time(10, 47), { timezone: null, referenceDate: null }, now)).toEqual({
      at: `${today}T10:47:00`,
      day: today,
      note: `No date known: assumed ${today}. Set the incident date to fix it.`,
    });
    const inZone = resolveTime(time(10, 47), { timezone: "Europe/Berlin", referenceDate: null }, now);
    expect(inZone.at.startsWith(`${today}T10:47:00`)).toBe(true);
    expect(inZone.note).toMatch(/^No date known: assumed \d{4}-\d{2}-\d{2}\. Set the incident date to fix it\.$/);
  });

  it("moves a time that does not exist (spring forward) to the same elapsed time after the gap", () => {
    expect(resolveTime(time(2, 30), { timezone: "America/New_York", referenceDate: "2024-03-10" }, now).at).toBe(
      "2024-03-10T03:30:00-04:00",
    );
  });
});

describe("nextDay", () => {
  it("is the following calendar day, across months, years and leap days", () => {
    expect(nextDay("2024-03-14")).toBe("2024-03-15");
    expect(nextDay("2024-03-31")).toBe("2024-04-01");
    expect(nextDay("2024-12-31")).toBe("2025-01-01");
    expect(nextDay("2024-02-28")).toBe("2024-02-29");
    expect(nextDay("2023-02-28")).toBe("2023-03-01");
  });

  it("does not skip or repeat a day when clocks change", () => {
    expect(nextDay("2024-03-30")).toBe("2024-03-31");
    expect(nextDay("2024-03-31")).toBe("2024-04-01");
    expect(nextDay("2024-10-26")).toBe("2024-10-27");
  });
});

describe("resolveTime: a zone read from an abbreviation", () => {
  it("reads the wall-clock time in that IANA zone, and shows it in the postmortem's zone", () => {
    const pst = time(23, 58, { zone: "America/Los_Angeles" });
    expect(resolveTime(pst, { timezone: null, referenceDate: "2021-10-30" }, now).at).toBe("2021-10-30T23:58:00-07:00");
    expect(resolveTime(pst, { timezone: "UTC", referenceDate: "2021-10-30" }, now)).toMatchObject({
      at: "2021-10-31T06:58:00Z",
      day: "2021-10-31",
    });
  });
});

describe("resolveAfter: a time typed after the latest event", () => {
  const context = { timezone: "America/New_York", referenceDate: "2026-12-04" };
  const previous = "2026-12-04T23:25:00-05:00";

  it("reads a clock just past midnight on the next day, and says so", () => {
    const resolved = resolveAfter(time(0, 15), context, previous, now);
    expect(resolved.at).toBe("2026-12-05T00:15:00-05:00");
    expect(resolved.day).toBe("2026-12-05");
    expect(resolved.note).toMatch(/^Read as Sat 5 Dec, the day after/);
  });

  it("keeps an earlier clock on the same day when that is nearer (an event added late)", () => {
    const resolved = resolveAfter(time(22, 0), context, previous, now);
    expect(resolved.at).toBe("2026-12-04T22:00:00-05:00");
    expect(resolved.note).toBeNull();
  });

  it("keeps a later clock on the same day", () => {
    expect(resolveAfter(time(23, 50), context, previous, now).at).toBe("2026-12-04T23:50:00-05:00");
  });

  it("never moves a time typed with its date", () => {
    const resolved = resolveAfter(time(0, 15, { date: { year: 2026, month: 12, day: 4 } }), context, previous, now);
    expect(resolved.at).toBe("2026-12-04T00:15:00-05:00");
  });

  it("reads as resolveTime does when there is no event before it", () => {
    expect(resolveAfter(time(0, 15), context, null, now)).toEqual(resolveTime(time(0, 15), context, now));
  });

  it("works on wall-clock times without a zone", () => {
    const resolved = resolveAfter(time(1, 5), { timezone: null, referenceDate: "2026-12-04" }, "2026-12-04T23:25:00", now);
    expect(resolved.at).toBe("2026-12-05T01:05:00");
  });
});
