import { describe, expect, it } from "vitest";
import { readDayHeading } from "./read-day-heading";

describe("readDayHeading", () => {
  it.each([
    ["Thu, 14 Mar 2024", "2024-03-14"],
    ["Thursday, March 14, 2024", "2024-03-14"],
    ["**March 14, 2024**", "2024-03-14"],
    ["2024-03-14", "2024-03-14"],
    ["## 14 March 2024", "2024-03-14"],
    ["### Wed 13 Mar 2024:", "2024-03-13"],
    ["_14th March 2024_", "2024-03-14"],
  ])("reads %j as the day %s", (line, day) => {
    expect(readDayHeading(line, "2020-01-01")).toBe(day);
  });

  it("takes the year of the reference day when the heading has none", () => {
    expect(readDayHeading("March 6th", "2021-11-30")).toBe("2021-03-06");
    expect(readDayHeading("6 Mar", "2021-11-30")).toBe("2021-03-06");
    expect(readDayHeading("Fri, 15 March", "2024-03-14")).toBe("2024-03-15");
  });

  it("takes this year when there is neither a year nor a reference day", () => {
    expect(readDayHeading("March 6th", null)).toBe(`${new Date().getFullYear()}-03-06`);
  });

  it.each([
    "Restarted 3 pods",
    "Error rate rose to 12 % at 10:47",
    "10:47 deploy starts",
    "March 6th, 09:11 - deploy",
    "2024-03-14 01:06 UTC: rollback",
    "Version 2 of 3",
    "Error 500",
    "We rolled back 2 releases on March 6th 2024 after the alert",
    "March was a busy month",
    "Monitoring 14 Mar 2024",
    "2024-02-30",
    "",
  ])("does not read %j as a day heading", (line) => {
    expect(readDayHeading(line, "2024-03-14")).toBeNull();
  });
});
