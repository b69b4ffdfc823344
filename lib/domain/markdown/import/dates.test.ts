import { describe, expect, it } from "vitest";
import { findDate, findOpeningDate, findStatedDate, readDate, readMoment } from "./dates";

describe("dates in headers and openings", () => {
  it("reads day.month.year day first", () => {
    expect(readDate("07.10.2025")).toBe("2025-10-07");
    expect(readDate("7.1.2025")).toBe("2025-01-07");
    expect(readDate("31.02.2025")).toBeNull();
    expect(findDate("Störung vom 07.10.2025")).toBe("2025-10-07");
  });

  it("reads a date with a time and a zone, saying a time was given", () => {
    expect(readMoment("2025-06-02 09:40 CEST")).toEqual({ day: "2025-06-02", zone: "Europe/Berlin", hasTime: true });
    expect(readMoment("June 2, 2025 at 9:40 pm")).toEqual({ day: "2025-06-02", zone: null, hasTime: true });
    expect(readMoment("March 3rd 2025")).toEqual({ day: "2025-03-03", zone: null, hasTime: false });
    expect(readMoment("09:40 CEST")).toBeNull();
    expect(readMoment("ongoing")).toBeNull();
  });

  it("prefers the opening's dates to a byline's", () => {
    expect(findOpeningDate("*Posted by the Platform team, February 9, 2026*\n\nOn Tuesday, February 3rd, 2026, customers could not pay.")).toBe("2026-02-03");
    expect(findOpeningDate("*Published 2025-04-30*\n\nThe dispatcher sent events twice.")).toBe("2025-04-30");
    expect(findOpeningDate("No date here, only 14:05.")).toBeNull();
  });

  it("finds the date a document states anywhere, a dating line first, its last line included", () => {
    expect(findStatedDate("Outage\n\nWe moved to 2019-05-01 configs.\n\nPublished March 2, 2024")).toBe("2024-03-02");
    expect(findStatedDate("Text.\n\n*Last updated: 14.03.2023*")).toBe("2023-03-14");
    expect(findStatedDate("Since 2019-05-01 nothing failed.")).toBe("2019-05-01");
    expect(findStatedDate("April 3rd, 23:40 - restarted")).toBeNull();
  });
});
