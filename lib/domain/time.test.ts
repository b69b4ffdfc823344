import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DateTime, FixedOffsetZone } from "luxon";
import {
  describeZone,
  eventMillis,
  formatDate,
  formatEventTime,
  isIsoDate,
  isIsoDateTime,
  isValidTimeZone,
  labelEventTimes,
  labelTimeline,
  NO_TIME,
  parseEventTime,
  sortKey,
  type StoredTime,
} from "./time";

/** Exchange value → storage → exchange value, as a save followed by a read does. */
const roundTrip = (at: string | null, timezone: string | null) => formatEventTime(parseEventTime(at, timezone), timezone);

describe("parseEventTime / formatEventTime", () => {
  it("keeps a time written with its offset in the postmortem's zone unchanged", () => {
    const stored = parseEventTime("2024-03-14T01:06:00+01:00", "Europe/Berlin");
    expect(stored.instant?.toISOString()).toBe("2024-03-14T00:06:00.000Z");
    expect(stored.localTime).toBeNull();
    expect(formatEventTime(stored, "Europe/Berlin")).toBe("2024-03-14T01:06:00+01:00");
  });

  it("rewrites a Z (or any other offset) in the postmortem's zone, keeping the instant", () => {
    expect(roundTrip("2024-03-14T00:06:00Z", "Europe/Berlin")).toBe("2024-03-14T01:06:00+01:00");
    expect(roundTrip("2024-07-01T12:00:00Z", "Europe/Berlin")).toBe("2024-07-01T14:00:00+02:00");
    expect(roundTrip("2024-03-14T06:06:00+05:00", "Europe/Berlin")).toBe("2024-03-14T02:06:00+01:00");
  });

  it("reads a time without offset in the postmortem's zone, standard and daylight time", () => {
    const winter = parseEventTime("2024-01-15T12:00", "America/New_York");
    expect(winter.instant?.toISOString()).toBe("2024-01-15T17:00:00.000Z");
    expect(formatEventTime(winter, "America/New_York")).toBe("2024-01-15T12:00:00-05:00");

    const summer = parseEventTime("2024-07-04T12:00:00", "America/New_York");
    expect(summer.instant?.toISOString()).toBe("2024-07-04T16:00:00.000Z");
    expect(formatEventTime(summer, "America/New_York")).toBe("2024-07-04T12:00:00-04:00");
  });

  it("handles the day clocks spring forward in America/New_York (2024-03-10)", () => {
    expect(roundTrip("2024-03-10T01:30", "America/New_York")).toBe("2024-03-10T01:30:00-05:00");
    expect(roundTrip("2024-03-10T03:30", "America/New_York")).toBe("2024-03-10T03:30:00-04:00");
    // 02:30 does not exist that day: it is read as the same elapsed time after 02:00, i.e. 03:30 EDT.
    expect(roundTrip("2024-03-10T02:30", "America/New_York")).toBe("2024-03-10T03:30:00-04:00");
  });

  it("keeps an explicit offset through the fall-back hour, which a bare wall-clock time cannot name", () => {
    expect(roundTrip("2024-11-03T01:30:00-04:00", "America/New_York")).toBe("2024-11-03T01:30:00-04:00");
    expect(roundTrip("2024-11-03T01:30:00-05:00", "America/New_York")).toBe("2024-11-03T01:30:00-05:00");
    expect(roundTrip("2024-11-03T01:30", "America/New_York")).toMatch(/^2024-11-03T01:30:00-0[45]:00$/);
  });

  it("keeps a time without offset and without zone as a floating wall-clock time", () => {
    const stored = parseEventTime("2024-03-14T10:47", null);
    expect(stored).toEqual({ instant: null, offsetMinutes: null, localTime: "2024-03-14T10:47:00" });
    expect(formatEventTime(stored, null)).toBe("2024-03-14T10:47:00");
    expect(roundTrip("2024-03-14 10:47:30", null)).toBe("2024-03-14T10:47:30");
  });

  it("keeps the author's offset when the postmortem has no zone", () => {
    const stored = parseEventTime("2024-03-14T01:06:00+01:00", null);
    expect(stored.offsetMinutes).toBe(60);
    expect(stored.instant?.toISOString()).toBe("2024-03-14T00:06:00.000Z");
    expect(formatEventTime(stored, null)).toBe("2024-03-14T01:06:00+01:00");
    expect(roundTrip("2024-03-14T01:06:00-05:30", null)).toBe("2024-03-14T01:06:00-05:30");
    expect(roundTrip("2024-03-14T01:06:00Z", null)).toBe("2024-03-14T01:06:00Z");
  });

  it("gives a floating time an offset once the postmortem has a zone", () => {
    const floating = parseEventTime("2024-03-14T10:47", null);
    expect(formatEventTime(floating, "Europe/Berlin")).toBe("2024-03-14T10:47:00+01:00");
  });

  it("keeps milliseconds of a timed event and drops zero milliseconds", () => {
    expect(roundTrip("2024-03-14T01:06:00.250+01:00", "Europe/Berlin")).toBe("2024-03-14T01:06:00.250+01:00");
    expect(roundTrip("2024-03-14T01:06:00.000+01:00", "Europe/Berlin")).toBe("2024-03-14T01:06:00+01:00");
  });

  it("maps null to no time and back", () => {
    expect(parseEventTime(null, "Europe/Berlin")).toEqual(NO_TIME);
    expect(formatEventTime(NO_TIME, "Europe/Berlin")).toBeNull();
    expect(formatEventTime(NO_TIME, null)).toBeNull();
  });

  it("throws a RangeError naming the value for something that is not a date-time", () => {
    expect(() => parseEventTime("2024-02-30T10:00", "Europe/Berlin")).toThrow(RangeError);
    expect(() => parseEventTime("2024-02-30T10:00", null)).toThrow(/2024-02-30T10:00/);
    expect(() => parseEventTime("yesterday+01:00", null)).toThrow(RangeError);
  });
});

describe("sortKey", () => {
  it("orders timed events by instant and floating ones as if UTC; untimed have no key", () => {
    expect(sortKey(parseEventTime("2024-03-14T01:06:00+01:00", null))).toBe(Date.UTC(2024, 2, 14, 0, 6));
    expect(sortKey(parseEventTime("2024-03-14T01:06", null))).toBe(Date.UTC(2024, 2, 14, 1, 6));
    expect(sortKey(NO_TIME)).toBeNull();
  });
});

describe("labelTimeline / labelEventTimes", () => {
  it("shows the date on the first timed event and when the day changes in the display zone", () => {
    // 23:40 and 00:05 in Berlin are 22:40 and 23:05 UTC: the same UTC day, but two days on the page.
    const labels = labelEventTimes(
      ["2024-03-13T23:40:00+01:00", "2024-03-14T00:05:00+01:00", "2024-03-14T00:12:00+01:00"],
      "Europe/Berlin",
    );
    expect(labels).toEqual([
      { dateLabel: "Wed, 13 Mar 2024", timeLabel: "23:40", isoValue: "2024-03-13T23:40:00+01:00" },
      { dateLabel: "Thu, 14 Mar 2024", timeLabel: "00:05", isoValue: "2024-03-14T00:05:00+01:00" },
      { dateLabel: null, timeLabel: "00:12", isoValue: "2024-03-14T00:12:00+01:00" },
    ]);
  });

  it("does not show a new date when only the UTC day changes", () => {
    const labels = labelEventTimes(["2024-03-13T23:30:00Z", "2024-03-14T00:30:00Z"], "Europe/Berlin");
    expect(labels.map((l) => l.dateLabel)).toEqual(["Thu, 14 Mar 2024", null]);
    expect(labels.map((l) => l.timeLabel)).toEqual(["00:30", "01:30"]);
  });

  it("gives untimed events null labels without resetting the day", () => {
    const labels = labelEventTimes(
      [null, "2024-03-13T23:40:00+01:00", null, "2024-03-13T23:50:00+01:00", null, "2024-03-14T00:05:00+01:00"],
      "Europe/Berlin",
    );
    expect(labels.map((l) => l.dateLabel)).toEqual([null, "Wed, 13 Mar 2024", null, null, null, "Thu, 14 Mar 2024"]);
    expect(labels.map((l) => l.timeLabel)).toEqual([null, "23:40", null, "23:50", null, "00:05"]);
    expect(labels[0]).toEqual({ dateLabel: null, timeLabel: null, isoValue: null });
  });

  it("counts an unreadable value as untimed", () => {
    const labels = labelEventTimes(["2024-03-14T10:00:00Z", "not a time", "2024-03-14T11:00:00Z"], "UTC");
    expect(labels.map((l) => l.timeLabel)).toEqual(["10:00", null, "11:00"]);
    expect(labels.map((l) => l.dateLabel)).toEqual(["Thu, 14 Mar 2024", null, null]);
  });

  it("labels floating times by their wall clock and offset times by their own offset without a zone", () => {
    const stored: StoredTime[] = [
      parseEventTime("2024-03-14T23:59", null),
      parseEventTime("2024-03-15T00:01:00+05:00", null),
    ];
    expect(labelTimeline(stored, null)).toEqual([
      { dateLabel: "Thu, 14 Mar 2024", timeLabel: "23:59", isoValue: "2024-03-14T23:59:00" },
      { dateLabel: "Fri, 15 Mar 2024", timeLabel: "00:01", isoValue: "2024-03-15T00:01:00+05:00" },
    ]);
  });
});

describe("validators", () => {
  it("isIsoDateTime accepts ISO 8601 date-times with or without offset", () => {
    for (const value of [
      "2024-03-14T01:06:00+01:00",
      "2024-03-14T01:06:00Z",
      "2024-03-14T01:06",
      "2024-03-14 01:06:00",
      "2024-03-14T01:06:00.123-05:30",
      "2024-02-29T10:00",
    ]) {
      expect(isIsoDateTime(value), value).toBe(true);
    }
  });

  it("isIsoDateTime rejects times without a date, impossible dates and bare dates", () => {
    for (const value of ["13:55 PM", "2024-02-30T10:00", "2024-03-14", "2023-02-29T10:00", "2024-03-14T25:00", "", "14/03/2024 10:00"]) {
      expect(isIsoDateTime(value), value).toBe(false);
    }
  });

  it("isIsoDate accepts only real YYYY-MM-DD dates", () => {
    expect(isIsoDate("2024-03-14")).toBe(true);
    expect(isIsoDate("2024-02-30")).toBe(false);
    expect(isIsoDate("2024-03-14T00:00")).toBe(false);
    expect(isIsoDate("14.03.2024")).toBe(false);
  });

  it("isValidTimeZone knows IANA names", () => {
    expect(isValidTimeZone("Europe/Berlin")).toBe(true);
    expect(isValidTimeZone("UTC")).toBe(true);
    expect(isValidTimeZone("America/New_York")).toBe(true);
    expect(isValidTimeZone("Mars/Base")).toBe(false);
    expect(isValidTimeZone("")).toBe(false);
  });
});

describe("display helpers", () => {
  it("formatDate writes a calendar date for people and leaves garbage as is", () => {
    expect(formatDate("2024-03-14")).toBe("14 Mar 2024");
    expect(formatDate("soon")).toBe("soon");
  });

  it("describeZone names the zone and its abbreviation at the given instant", () => {
    expect(describeZone(null, null)).toBe("local time");
    expect(describeZone("UTC", new Date("2024-03-14T00:00:00Z"))).toBe("UTC (UTC)");
    expect(describeZone("Europe/Berlin", new Date("2024-07-01T00:00:00Z"))).toMatch(/^Europe\/Berlin \((CEST|GMT\+2)\)$/);
  });
});

describe("properties", () => {
  // Zones with half- and quarter-hour offsets and unusual DST rules, plus "no zone".
  const zones = [
    null,
    "UTC",
    "Europe/Berlin",
    "America/New_York",
    "Asia/Kolkata",
    "Asia/Kathmandu",
    "Australia/Lord_Howe",
    "Pacific/Chatham",
    "America/St_Johns",
    "Pacific/Kiritimati",
  ];
  const instants = fc.date({ min: new Date("1972-01-01T00:00:00Z"), max: new Date("2100-01-01T00:00:00Z"), noInvalidDate: true });
  const offsets = fc.integer({ min: -12 * 60, max: 14 * 60 });

  /** The instant written with an arbitrary offset, as an author in another place might write it. */
  const withOffset = (date: Date, offsetMinutes: number) => {
    const shifted = new Date(date.getTime() + offsetMinutes * 60_000).toISOString().slice(0, 23);
    const sign = offsetMinutes < 0 ? "-" : "+";
    const abs = Math.abs(offsetMinutes);
    return `${shifted}${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
  };

  it("format → parse → format is the identity for any instant, offset and zone", () => {
    fc.assert(
      fc.property(instants, offsets, fc.constantFrom(...zones), (date, offset, zone) => {
        const written = roundTrip(withOffset(date, offset), zone);
        expect(written).not.toBeNull();
        expect(isIsoDateTime(written!), written!).toBe(true);
        expect(roundTrip(written, zone)).toBe(written);
        // The instant itself never moves.
        expect(parseEventTime(written, zone).instant?.getTime()).toBe(date.getTime());
      }),
      { numRuns: 500 },
    );
  });

  it("a floating wall-clock time survives unchanged when there is no zone", () => {
    fc.assert(
      fc.property(instants, (date) => {
        const wallClock = date.toISOString().slice(0, 19);
        expect(roundTrip(wallClock, null)).toBe(wallClock);
      }),
      { numRuns: 200 },
    );
  });

  it("labels never show a date on an untimed event and always on the first timed one", () => {
    fc.assert(
      fc.property(
        fc.array(fc.option(instants, { nil: null }), { maxLength: 20 }),
        fc.constantFrom(...zones),
        (dates, zone) => {
          const labels = labelEventTimes(
            dates.map((d) => (d ? d.toISOString() : null)),
            zone,
          );
          const firstTimed = dates.findIndex((d) => d !== null);
          labels.forEach((label, i) => {
            if (dates[i] === null) expect(label).toEqual({ dateLabel: null, timeLabel: null, isoValue: null });
            if (i === firstTimed) expect(label.dateLabel).not.toBeNull();
          });
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("the fast paths agree with Luxon", () => {
  const ZONES = [null, "UTC", "Etc/UTC", "Europe/London", "Europe/Berlin", "America/New_York", "America/St_Johns", "Asia/Kathmandu", "Australia/Lord_Howe", "Pacific/Chatham", "Asia/Kolkata", "Africa/Casablanca"];
  // The slow path, as formatEventTime wrote every instant before: Luxon from start to end.
  const luxonIso = (instant: Date, timezone: string | null, offsetMinutes: number | null) => {
    const utc = DateTime.fromJSDate(instant, { zone: "utc" });
    const dt = timezone ? utc.setZone(timezone) : utc.setZone(FixedOffsetZone.instance(offsetMinutes ?? 0));
    return dt.toISO({ suppressMilliseconds: true });
  };

  it("formatEventTime writes every instant as Luxon does, across zones, DST changes and milliseconds", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1971, 0, 1), max: Date.UTC(2099, 11, 31) }),
        fc.constantFrom(...ZONES),
        fc.integer({ min: -12 * 60, max: 14 * 60 }),
        fc.boolean(),
        (ms, timezone, offsetMinutes, wholeSeconds) => {
          const instant = new Date(wholeSeconds ? ms - (ms % 1000) : ms);
          const stored: StoredTime = { instant, offsetMinutes, localTime: null };
          expect(formatEventTime(stored, timezone)).toBe(luxonIso(instant, timezone, offsetMinutes));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it("around the 2024 DST changes in Europe and New York, minute by minute", () => {
    for (const [zone, start] of [["Europe/Berlin", Date.UTC(2024, 2, 31, 0)], ["Europe/Berlin", Date.UTC(2024, 9, 27, 0)], ["America/New_York", Date.UTC(2024, 2, 10, 6)], ["Australia/Lord_Howe", Date.UTC(2024, 3, 6, 14)]] as const) {
      for (let minute = 0; minute < 240; minute++) {
        const instant = new Date(start + minute * 60_000);
        expect(formatEventTime({ instant, offsetMinutes: null, localTime: null }, zone)).toBe(luxonIso(instant, zone, null));
      }
    }
  });

  it("eventMillis reads every shape as sortKey(parseEventTime(…)) does", () => {
    const slow = (at: string) => {
      try {
        return sortKey(parseEventTime(at, null));
      } catch {
        return null;
      }
    };
    const samples = [
      "2024-03-14T10:47:00+01:00", "2024-03-14T10:47+0100", "2024-03-14 10:47:05.5Z", "2024-03-14T10:47:05.123456789-05:30", "2024-03-14T10:47",
      "2024-02-29T23:59:59Z", "2023-02-29T10:00:00Z", "2024-04-31T10:00", "2024-13-01T10:00", "2024-03-14T24:00", "2024-03-14T10:60", "not a time", "", "2024-03-14T10:47:00+01", "2024-03-14t10:47:00z",
    ];
    for (const at of samples) expect(eventMillis(at), at).toBe(slow(at));
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1971, 0, 1), max: Date.UTC(2099, 11, 31) }), fc.constantFrom(...ZONES), (ms, timezone) => {
        const at = formatEventTime({ instant: new Date(ms), offsetMinutes: 90, localTime: null }, timezone)!;
        expect(eventMillis(at)).toBe(slow(at));
        expect(eventMillis(at.slice(0, 16))).toBe(slow(at.slice(0, 16)));
      }),
      { numRuns: 2000 },
    );
  });

  it("parseEventTime reads offset times as Luxon does (instant and offset), and labelTimeline labels as Luxon did", () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1971, 0, 1), max: Date.UTC(2099, 11, 31) }), fc.constantFrom(...ZONES), (ms, timezone) => {
        const at = formatEventTime({ instant: new Date(ms), offsetMinutes: -150, localTime: null }, timezone)!;
        const luxon = DateTime.fromISO(at, { setZone: true });
        expect(parseEventTime(at, timezone)).toEqual({ instant: luxon.toUTC().toJSDate(), offsetMinutes: luxon.offset, localTime: null });
        const [label] = labelTimeline([parseEventTime(at, timezone)], timezone);
        const shown = timezone ? luxon.setZone(timezone) : luxon;
        expect(label).toEqual({ dateLabel: shown.toFormat("ccc, d LLL yyyy"), timeLabel: shown.toFormat("HH:mm"), isoValue: at });
      }),
      { numRuns: 2000 },
    );
  });
});

