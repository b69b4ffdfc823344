import { describe, expect, it } from "vitest";
import { splitTrailingMoment } from "./trailing-moment";

describe("splitTrailingMoment", () => {
  it("reads a label followed by a date and a time", () => {
    expect(splitTrailingMoment("Maintenance window April 5th, 02:00")).toEqual({ label: "Maintenance window", moment: "April 5th, 02:00" });
    expect(splitTrailingMoment("Rollback finished - 5 April 2025 at 9:10 pm")).toEqual({ label: "Rollback finished", moment: "5 April 2025 at 9:10 pm" });
  });

  it("leaves other lines alone", () => {
    expect(splitTrailingMoment("April 5th, 02:00 - Maintenance window")).toBeNull();
    expect(splitTrailingMoment("We restarted it at 02:00")).toBeNull();
    expect(splitTrailingMoment("What went wrong")).toBeNull();
  });
});
