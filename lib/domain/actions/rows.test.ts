import { describe, expect, it } from "vitest";
import { actionsToCsv, CSV_HEADER, type TrackedAction } from "./rows";

const action = (overrides: Partial<TrackedAction> = {}): TrackedAction => ({
  slug: "login-outage",
  postmortemTitle: "Login outage, March",
  postmortemStatus: "published",
  severity: "SEV2",
  version: 3,
  index: 0,
  title: "Add a canary stage",
  type: "prevent",
  priority: "high",
  owner: "Ana",
  dueDate: "2024-03-03",
  status: "open",
  url: null,
  ...overrides,
});

describe("actionsToCsv", () => {
  it("writes the header and one record per action, with days overdue and absolute links", () => {
    const csv = actionsToCsv([action(), action({ index: 1, title: "=cmd|' /C calc'!A0", owner: null, dueDate: null, status: "done" })], {
      today: "2024-03-15",
      origin: "https://hindsight.example",
    });
    const lines = csv.split("\r\n");
    expect(lines[0]).toBe(CSV_HEADER.map((name) => `"${name}"`).join(","));
    expect(lines[1]).toBe('"Login outage, March","https://hindsight.example/postmortems/login-outage","SEV2","Add a canary stage","prevent","high","Ana","2024-03-03","Open","12",""');
    expect(lines[2]).toBe(`"Login outage, March","https://hindsight.example/postmortems/login-outage","SEV2","'=cmd|' /C calc'!A0","prevent","high","","","Done","",""`);
    expect(lines[3]).toBe("");
  });
});
