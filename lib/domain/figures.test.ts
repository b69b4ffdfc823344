import { describe, expect, it } from "vitest";
import { formatDuration, formatFigure } from "./figures";

describe("formatDuration", () => {
  it.each([
    [85, "1 hour, 25 minutes"],
    [0.5, "30 seconds"],
    [3000, "2 days, 2 hours"],
    [1, "1 minute"],
    [52, "52 minutes"],
    [60, "1 hour"],
    [61, "1 hour, 1 minute"],
    [120, "2 hours"],
    [1440, "1 day"],
    [1500, "1 day, 1 hour"],
    [1441, "1 day"],
    [59.6, "1 hour"],
    [1 / 60, "1 second"],
    [0, "0 seconds"],
  ])("%s minutes → %s", (minutes, expected) => {
    expect(formatDuration(minutes)).toBe(expected);
  });

  it("says one minute, not 60 seconds, just under a minute", () => {
    expect(formatDuration(0.995)).toBe("1 minute");
  });

  it("shows a dash for values that are not a duration", () => {
    expect(formatDuration(-1)).toBe("—");
    expect(formatDuration(Number.NaN)).toBe("—");
    expect(formatDuration(Number.POSITIVE_INFINITY)).toBe("—");
  });
});

describe("formatFigure", () => {
  it("writes each figure with its unit", () => {
    expect(formatFigure("errorRate", 12.5)).toBe("12.5 %");
    expect(formatFigure("errorRate", 33.3333)).toBe("33.33 %");
    expect(formatFigure("usersAffected", 18000)).toBe("18,000");
    expect(formatFigure("requestsFailed", 1550.4)).toBe("1,550");
    expect(formatFigure("durationMinutes", 52)).toBe("52 minutes");
    expect(formatFigure("revenueLost", 42000.5)).toBe("42,000.5");
  });
});
