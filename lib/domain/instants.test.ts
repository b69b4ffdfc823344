import fc from "fast-check";
import { DateTime, IANAZone } from "luxon";
import { describe, expect, it } from "vitest";
import { clockOf, eventMillis, formatDate, isIsoDate, isIsoDateTime, isValidTimeZone, readIsoDateTime } from "./instants";

// Luxon's answers, as time.ts gave them before these readers existed: the reference.
const SHAPE = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}(:?\d{2})?)?$/i;
const luxonIsDateTime = (value: string) => SHAPE.test(value) && DateTime.fromISO(value.replace(" ", "T"), { setZone: true }).isValid;
const luxonMillis = (value: string) => {
  if (!luxonIsDateTime(value)) return null;
  const text = value.replace(" ", "T");
  return /(Z|[+-]\d{2}(:?\d{2})?)$/i.test(text) ? DateTime.fromISO(text, { setZone: true }).toMillis() : DateTime.fromISO(text, { zone: "utc" }).toMillis();
};

const digits = (count: number, max = 10 ** count - 1) => fc.integer({ min: 0, max }).map((n) => String(n).padStart(count, "0"));
/** Date-times in the exchange shape with every field sometimes out of range: 2023-02-29, 24:00, 10:60, +05:75… */
const dateTimeText = fc
  .tuple(
    // Years from 1000: below 100 Luxon itself drops the day that 24:00 rolls over to (its two-digit-year fix-up).
    fc.oneof(fc.integer({ min: 1000, max: 9999 }).map(String), fc.constantFrom("2024", "2023", "1900", "2000")),
    fc.oneof(digits(2, 13), fc.constantFrom("02", "12")),
    fc.oneof(digits(2, 32), fc.constantFrom("28", "29", "30", "31")),
    fc.constantFrom("T", " ", "t"),
    fc.oneof(digits(2, 25), fc.constantFrom("00", "23", "24")),
    fc.oneof(digits(2, 61), fc.constantFrom("00", "59")),
    fc.option(fc.tuple(fc.oneof(digits(2, 61), fc.constantFrom("00")), fc.option(fc.stringMatching(/^[0-9]{1,9}$/)))),
    fc.option(fc.oneof(fc.constantFrom("Z", "z", "+00:00", "-00:30", "+05:45", "+14:00", "-12:00", "+0100", "-05", "+24:00", "+99:99"), fc.tuple(fc.constantFrom("+", "-"), digits(2, 30), digits(2, 99)).map(([sign, h, m]) => `${sign}${h}:${m}`))),
  )
  .map(([year, month, day, separator, hour, minute, seconds, zone]) => {
    const time = seconds ? `${hour}:${minute}:${seconds[0]}${seconds[1] ? `.${seconds[1]}` : ""}` : `${hour}:${minute}`;
    return `${year}-${month}-${day}${separator}${time}${zone ?? ""}`;
  });

describe("instants without Luxon, proven against Luxon", () => {
  it("isIsoDateTime and eventMillis answer as Luxon does for every shape, valid or not", () => {
    fc.assert(
      fc.property(dateTimeText, (text) => {
        expect(isIsoDateTime(text), text).toBe(luxonIsDateTime(text));
        expect(eventMillis(text), text).toBe(luxonMillis(text));
      }),
      { numRuns: 20_000 },
    );
  });

  it("reads the offset as Luxon does", () => {
    for (const text of ["2024-03-14T10:47:00+01:00", "2024-03-14T10:47-0530", "2024-03-14T10:47:00Z", "2024-03-14T10:47+05", "2024-03-14T10:47:00-00:30"]) {
      expect(readIsoDateTime(text)?.offsetMinutes, text).toBe(DateTime.fromISO(text, { setZone: true }).offset);
    }
    expect(readIsoDateTime("2024-03-14T10:47")?.offsetMinutes).toBeNull();
  });

  it("isIsoDate and formatDate answer as Luxon does", () => {
    fc.assert(
      fc.property(fc.tuple(fc.oneof(digits(4), fc.constantFrom("2024", "2023", "0001")), digits(2, 13), digits(2, 32)), ([year, month, day]) => {
        const text = `${year}-${month}-${day}`;
        const luxon = DateTime.fromISO(text, { zone: "utc" });
        expect(isIsoDate(text), text).toBe(luxon.isValid);
        expect(formatDate(text), text).toBe(luxon.isValid ? luxon.toFormat("d LLL yyyy") : text);
      }),
      { numRuns: 5_000 },
    );
    expect(formatDate("not a date")).toBe("not a date");
  });

  it("clockOf is the wall clock the text is written with", () => {
    expect(clockOf("2024-03-14T10:47:00+01:00")).toBe("10:47");
    expect(clockOf("2024-03-14 09:05")).toBe("09:05");
    expect(clockOf("2024-02-30T10:47")).toBeNull();
    expect(clockOf(null)).toBeNull();
  });

  it("isValidTimeZone agrees with Luxon", () => {
    for (const zone of ["Europe/Berlin", "UTC", "Etc/GMT+5", "America/Argentina/Buenos_Aires", "Mars/Olympus", "", "europe/berlin", "Europe/Berlin "]) {
      expect(isValidTimeZone(zone), zone).toBe(IANAZone.isValidZone(zone));
    }
  });
});
