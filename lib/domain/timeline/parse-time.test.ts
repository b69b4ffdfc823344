import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseTimeInput, readTime, type ParsedTime } from "./parse-time";

/** The parsed value of a reading that must succeed. */
function valueOf(text: string): ParsedTime {
  const reading = readTime(text);
  if (!reading.ok) throw new Error(`Expected "${text}" to read: ${reading.error}`);
  return reading.value;
}

/** The error of a reading that must fail. */
function errorOf(text: string, read = readTime): string {
  const reading = read(text);
  if (reading.ok) throw new Error(`Expected "${text}" to be refused, read ${JSON.stringify(reading.value)}`);
  return reading.error;
}

const clock = (hour: number, minute: number, second = 0) => ({ hour, minute, second });

describe("readTime: the shapes people type", () => {
  it.each([
    ["10:47", clock(10, 47)],
    ["10:47 AM", clock(10, 47)],
    ["10:47am", clock(10, 47)],
    ["9:11 pm", clock(21, 11)],
    ["9:11 p.m.", clock(21, 11)],
    ["22:00", clock(22, 0)],
    ["22:00:15", clock(22, 0, 15)],
    ["00:05", clock(0, 5)],
  ])("reads %j as a time of day without date or zone", (text, expected) => {
    expect(valueOf(text)).toEqual({ date: null, zone: null, ...expected });
  });

  it("maps 12 AM to midnight and 12 PM to noon", () => {
    expect(valueOf("12:00 AM")).toMatchObject(clock(0, 0));
    expect(valueOf("12:30 am")).toMatchObject(clock(0, 30));
    expect(valueOf("12:00 PM")).toMatchObject(clock(12, 0));
    expect(valueOf("1:00 PM")).toMatchObject(clock(13, 0));
  });

  it.each([
    ["2024-03-14 01:06", { year: 2024, month: 3, day: 14 }, clock(1, 6), null],
    ["2024-03-14T01:06:00+01:00", { year: 2024, month: 3, day: 14 }, clock(1, 6), "+01:00"],
    ["2024-03-14 01:06 UTC", { year: 2024, month: 3, day: 14 }, clock(1, 6), "UTC"],
    ["2024-03-14T01:06:00Z", { year: 2024, month: 3, day: 14 }, clock(1, 6), "UTC"],
    ["March 6th 09:11", { year: null, month: 3, day: 6 }, clock(9, 11), null],
    ["March 6th, 09:11", { year: null, month: 3, day: 6 }, clock(9, 11), null],
    ["Mar 6, 2024 at 9:11 pm", { year: 2024, month: 3, day: 6 }, clock(21, 11), null],
    ["6 March 2024 09:11", { year: 2024, month: 3, day: 6 }, clock(9, 11), null],
    ["6th Mar, 09:11", { year: null, month: 3, day: 6 }, clock(9, 11), null],
  ])("reads %j with its date", (text, date, time, zone) => {
    expect(valueOf(text)).toEqual({ date, zone, ...time });
  });

  it("normalises explicit zones and offsets", () => {
    expect(valueOf("10:47 GMT").zone).toBe("UTC");
    expect(valueOf("10:47 z").zone).toBe("UTC");
    expect(valueOf("10:47 -0500").zone).toBe("-05:00");
    expect(valueOf("10:47 +05:30").zone).toBe("+05:30");
    expect(valueOf("10:47 UTC+2").zone).toBe("+02:00");
    expect(valueOf("10:47 GMT-03:30").zone).toBe("-03:30");
  });

  it("reads 'UTC+2' as an offset of two hours, not as UTC followed by '+2'", () => {
    const reading = readTime("10:47 GMT+2 deploy");
    expect(reading).toMatchObject({ ok: true, length: "10:47 GMT+2".length, value: { zone: "+02:00" } });
  });
});

describe("readTime: what it refuses, and why", () => {
  it("says that an hour above 12 cannot take AM/PM", () => {
    expect(errorOf("13:55 PM")).toBe('"13:55 PM" is not a valid time: with AM/PM the hour is 1–12');
    expect(errorOf("0:30 am")).toMatch(/with AM\/PM the hour is 1–12/);
  });

  it("refuses hours and minutes that do not exist", () => {
    expect(errorOf("24:00")).toBe('"24:00" is not a valid time');
    expect(errorOf("10:60")).toBe('"10:60" is not a valid time');
    expect(errorOf("10:00:60")).toBe('"10:00:60" is not a valid time');
  });

  it("refuses a calendar date that does not exist", () => {
    expect(errorOf("2024-02-30 10:00")).toBe('"2024-02-30 10:00" is not a real date');
    expect(errorOf("2023-02-29 10:00")).toMatch(/is not a real date/);
    expect(errorOf("2024-13-01 10:00")).toMatch(/is not a real date/);
    expect(errorOf("February 30th 10:00")).toMatch(/is not a real date/);
    // Without a year, 29 February is allowed: it exists in some year.
    expect(valueOf("Feb 29 10:00").date).toEqual({ year: null, month: 2, day: 29 });
  });

  it("says when the text does not start with a time", () => {
    expect(errorOf("hello")).toBe('"hello" does not start with a time');
    expect(errorOf("Deploy at 10:47")).toMatch(/does not start with a time/);
  });

  it("refuses a time that runs on into more digits or letters", () => {
    expect(errorOf("10:471")).toMatch(/does not start with a time/);
    expect(errorOf("10:47am5")).toMatch(/does not start with a time/);
  });
});

describe("readTime: length of what it consumed", () => {
  it("covers exactly the time, so the rest of the line can be read", () => {
    for (const text of ["10:47", "10:47 AM", "2024-03-14 01:06 UTC", "Mar 6, 2024 at 9:11 pm", "2024-03-14T01:06:00+01:00"]) {
      const line = `${text} — rest of the line`;
      const reading = readTime(line);
      expect(reading.ok, text).toBe(true);
      if (reading.ok) expect(line.slice(reading.length)).toBe(" — rest of the line");
    }
  });

  it("counts leading spaces it skipped", () => {
    expect(readTime("   10:47 text")).toMatchObject({ ok: true, length: 8 });
  });

  it("reads only the time when text follows it", () => {
    expect(readTime("10:50 Datadog reports elevated errors")).toMatchObject({ ok: true, length: 5, value: clock(10, 50) });
  });

  it("does not take the first letters of the following text for a zone or AM/PM", () => {
    // "Z", "UTC", "a m" and "pm" also start ordinary words.
    for (const text of ["10:50 Zendesk ticket opened", "10:50 Amazon S3 errors", "10:50 a mistake in the config", "10:50 pmtool restarted", "10:50 UTCfoo"]) {
      expect(readTime(text), text).toMatchObject({ ok: true, length: 5, value: { hour: 10, minute: 50, zone: null } });
    }
  });

  it("does not take a count after the time for an impossible offset", () => {
    expect(readTime("10:52 +2000 errors in the log")).toMatchObject({ ok: true, length: 5, value: { zone: null } });
    expect(readTime("10:47 +9999 x")).toMatchObject({ ok: true, length: 5, value: { zone: null } });
  });
});

describe("parseTimeInput", () => {
  it("accepts a field that holds only a time, surrounded by spaces or not", () => {
    expect(parseTimeInput("10:47 AM")).toMatchObject({ ok: true, value: clock(10, 47) });
    expect(parseTimeInput("  2024-03-14 01:06 UTC  ")).toMatchObject({ ok: true, value: { zone: "UTC" } });
  });

  it("refuses trailing text, naming it", () => {
    expect(errorOf("10:50 Datadog reports", parseTimeInput)).toBe('Could not read "Datadog reports" after the time');
  });

  it("asks for a time when the field is empty", () => {
    expect(errorOf("", parseTimeInput)).toBe("Enter a time such as 10:47");
    expect(errorOf("   ", parseTimeInput)).toBe("Enter a time such as 10:47");
  });

  it("passes on the reader's error", () => {
    expect(errorOf("13:55 PM", parseTimeInput)).toMatch(/with AM\/PM the hour is 1–12/);
  });
});

describe("properties", () => {
  it("reads every valid 24-hour time back, and the length covers it", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), fc.string(), (hour, minute, rest) => {
        const text = `${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}`;
        const reading = readTime(`${text} — ${rest}`);
        expect(reading).toMatchObject({ ok: true, value: { hour, minute, date: null } });
        if (reading.ok) expect(reading.length).toBe(text.length);
      }),
    );
  });

  it("never throws, and a successful reading never claims more than the text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), (text) => {
        const reading = readTime(text);
        if (reading.ok) expect(reading.length).toBeLessThanOrEqual(text.length);
        parseTimeInput(text);
      }),
      { numRuns: 500 },
    );
  });
});

describe("readTime: shapes found in imported postmortems", () => {
  it("reads a zone abbreviation after the time as the IANA zone it stands for", () => {
    expect(valueOf("12:45 PM PST")).toEqual({ date: null, zone: "America/Los_Angeles", ...clock(12, 45) });
    expect(valueOf("09:11 CET").zone).toBe("Europe/Berlin");
    expect(valueOf("09:11 (IST)").zone).toBe("Asia/Kolkata");
    expect(valueOf("2024-03-14 01:06 EDT").zone).toBe("America/New_York");
  });

  it("leaves lower-case words and unknown capitals after the time as text", () => {
    expect(readTime("10:47 est. 200 users")).toMatchObject({ ok: true, length: 5, value: { zone: null } });
    expect(readTime("10:47 IT restarts the VPN")).toMatchObject({ ok: true, length: 5, value: { zone: null } });
  });

  it("reads a weekday and date written after the time, when a separator or the end follows", () => {
    const line = "12:45 PM PST Saturday Oct 30th - Customers report failed logins";
    const reading = readTime(line);
    expect(reading).toMatchObject({
      ok: true,
      value: { date: { year: null, month: 10, day: 30 }, zone: "America/Los_Angeles", ...clock(12, 45) },
    });
    if (reading.ok) expect(line.slice(reading.length)).toBe(" - Customers report failed logins");
    expect(valueOf("09:11, 6 March 2024").date).toEqual({ year: 2024, month: 3, day: 6 });
    // Without a separator after it, "Mar 6" may start a sentence: it is left as text.
    expect(readTime("10:47 Mar 6 deploy notes reviewed")).toMatchObject({ ok: true, length: 5, value: { date: null } });
  });

  it("reads a weekday before a date", () => {
    expect(valueOf("Thu, 14 Mar 2024 00:05")).toEqual({ date: { year: 2024, month: 3, day: 14 }, zone: null, ...clock(0, 5) });
    expect(valueOf("Saturday Oct 30th 12:45 PM PST")).toMatchObject({ date: { year: null, month: 10, day: 30 }, zone: "America/Los_Angeles" });
  });

  it("reads a range as its start with an end, not as a time with a negative offset", () => {
    expect(readTime("01:06-05:15 Checkout errors")).toMatchObject({
      ok: true,
      length: "01:06-05:15".length,
      value: { ...clock(1, 6), zone: null, until: clock(5, 15) },
    });
    expect(valueOf("10:00 AM to 11:30 AM UTC")).toMatchObject({ ...clock(10, 0), zone: "UTC", until: clock(11, 30) });
    expect(valueOf("22:10 – 22:40")).toMatchObject({ until: clock(22, 40) });
    expect(errorOf("10:00-13:75")).toMatch(/is not a valid time/);
  });

  it("sets no `until` for a single time", () => {
    expect(valueOf("10:47")).not.toHaveProperty("until");
    expect(readTime("10:47 - 50 users affected")).toMatchObject({ ok: true, length: 5 });
  });
});

describe("readTime: numeric dates before the time", () => {
  it("reads day.month.year day first, with the zone abbreviation after it", () => {
    const line = "07.10.2025 06:00 CET — Zertifikat läuft ab";
    const reading = readTime(line);
    expect(reading).toMatchObject({ ok: true, value: { date: { year: 2025, month: 10, day: 7 }, zone: "Europe/Berlin", ...clock(6, 0) } });
    if (reading.ok) expect(line.slice(reading.length)).toBe(" — Zertifikat läuft ab");
    expect(valueOf("7.1.2025, 06:04").date).toEqual({ year: 2025, month: 1, day: 7 });
    for (const abbreviation of ["CEST", "EET", "EEST", "WET", "WEST", "BST"]) expect(valueOf(`07.10.2025 06:00 ${abbreviation}`).zone, abbreviation).toMatch(/^Europe\//);
  });

  it("never takes the start of a dotted date for a clock", () => {
    expect(errorOf("07.10.2025 — the day the certificate expired")).toMatch(/does not start with a time/);
    expect(valueOf("10.47 deploy")).toMatchObject(clock(10, 47));
  });

  it("reads year/month/day like the ISO date", () => {
    expect(valueOf("2025/03/03 16:00").date).toEqual({ year: 2025, month: 3, day: 3 });
  });

  it("reads a slash date when only one order is a date, or both orders agree", () => {
    expect(valueOf("03/03/2025 16:00")).toEqual({ date: { year: 2025, month: 3, day: 3 }, zone: null, ...clock(16, 0) });
    expect(valueOf("13/03/2025 16:00").date).toEqual({ year: 2025, month: 3, day: 13 });
    expect(valueOf("03/13/2025 16:00").date).toEqual({ year: 2025, month: 3, day: 13 });
  });

  it("refuses a slash date either order could mean, naming both", () => {
    expect(errorOf("04/03/2025 16:00 — incident closed")).toBe('"04/03/2025" could be 2025-04-03 or 2025-03-04: write the date as YYYY-MM-DD');
  });
});
