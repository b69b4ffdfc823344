import { describe, expect, it } from "vitest";
import { describeChanges } from "./revision-summary";

const base = {
  slug: "db-outage",
  version: 3,
  title: "Database outage",
  summary: "",
  timeline: [{ at: null, kind: "note", text: "a", link: null }],
  rootCause: { trigger: "", narrative: "", whys: ["one"] },
  createdAt: "2024-03-14T00:00:00.000Z",
  updatedAt: "2024-03-14T00:00:00.000Z",
};

describe("describeChanges", () => {
  it("names one changed field", () => {
    expect(describeChanges(base, { ...base, title: "Primary database outage" })).toBe("Edited title");
  });

  it("names two fields with 'and'", () => {
    expect(
      describeChanges(base, { ...base, title: "X", timeline: [...base.timeline, { at: null, kind: "note", text: "b", link: null }] }),
    ).toBe("Edited title and timeline");
  });

  it("lists three or more fields in the document's order with commas", () => {
    expect(describeChanges(base, { ...base, sections: [{ title: "s", body: "", internal: false }], title: "X", timezone: "UTC" })).toBe(
      "Edited title, time zone and sections",
    );
  });

  it("notices a reordered list and a change deep inside a nested object", () => {
    const reordered = { ...base, rootCause: { ...base.rootCause, whys: ["two", "one"] } };
    expect(describeChanges({ ...base, rootCause: { ...base.rootCause, whys: ["one", "two"] } }, reordered)).toBe("Edited root cause");
  });

  it("ignores version and timestamps, which change on every save", () => {
    expect(describeChanges(base, { ...base, version: 4, updatedAt: "2025-01-01T00:00:00.000Z" })).toBe("Saved without changes");
  });

  it("treats a missing key and null alike", () => {
    expect(describeChanges({ ...base, severity: null }, base)).toBe("Saved without changes");
    expect(describeChanges(base, { ...base, severity: "SEV1" })).toBe("Edited severity");
  });
});
