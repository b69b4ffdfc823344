import { describe, expect, it } from "vitest";
import { isValidTimeZone } from "../time";
import { ZONE_ABBREVIATIONS, zoneForAbbreviation } from "./zone-abbreviations";

describe("zone abbreviations", () => {
  it("map to IANA zones this runtime knows", () => {
    for (const [abbreviation, zone] of Object.entries(ZONE_ABBREVIATIONS)) {
      expect(isValidTimeZone(zone), abbreviation).toBe(true);
    }
  });

  it("read the common ones", () => {
    expect(zoneForAbbreviation("PST")).toBe("America/Los_Angeles");
    expect(zoneForAbbreviation("CEST")).toBe("Europe/Berlin");
    expect(zoneForAbbreviation("GMT")).toBe("UTC");
    expect(zoneForAbbreviation("IST")).toBe("Asia/Kolkata");
  });

  it("know nothing of other words, including inherited object keys", () => {
    expect(zoneForAbbreviation("ABC")).toBeNull();
    expect(zoneForAbbreviation("constructor")).toBeNull();
    expect(zoneForAbbreviation("pst")).toBeNull();
  });
});
