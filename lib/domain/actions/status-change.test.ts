import { describe, expect, it } from "vitest";
import { describeActionStatusChange } from "./status-change";

describe("describeActionStatusChange", () => {
  it("names the action and both statuses", () => {
    expect(describeActionStatusChange("Add a canary stage", "open", "done")).toBe("Action 'Add a canary stage' status: open → done");
    expect(describeActionStatusChange("X", "in_progress", "wont_do")).toBe("Action 'X' status: in progress → won't do");
  });

  it("shortens a very long title", () => {
    const summary = describeActionStatusChange("a".repeat(300), "open", "done");
    expect(summary).toBe(`Action '${"a".repeat(79)}…' status: open → done`);
  });
});
