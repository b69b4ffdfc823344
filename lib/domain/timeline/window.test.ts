import { describe, expect, it } from "vitest";
import { shownEventCount, TIMELINE_PAGE_SIZE } from "./window";

describe("shownEventCount", () => {
  it("lists one page by default, and everything when there is less", () => {
    expect(shownEventCount(undefined, 5000)).toBe(TIMELINE_PAGE_SIZE);
    expect(shownEventCount(undefined, 12)).toBe(12);
  });

  it("rounds what was asked up to whole pages, capped at the total", () => {
    expect(shownEventCount("400", 5000)).toBe(400);
    expect(shownEventCount("401", 5000)).toBe(600);
    expect(shownEventCount("5000", 5000)).toBe(5000);
    expect(shownEventCount("999999", 5000)).toBe(5000);
    expect(shownEventCount(["400", "800"], 5000)).toBe(400);
  });

  it.each(["", "abc", "-5", "0", "1e400", "2.5", "0x10"])("answers odd input (%j) with the first page", (odd) => {
    expect(shownEventCount(odd, 5000)).toBe(TIMELINE_PAGE_SIZE);
  });
});
