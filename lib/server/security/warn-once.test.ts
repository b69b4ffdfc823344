import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { resetWarnOnce, warnOnce } from "./warn-once";

describe("warnOnce", () => {
  let lines: string[];
  beforeEach(() => {
    resetWarnOnce();
    lines = [];
    vi.spyOn(process.stderr, "write").mockImplementation((chunk) => {
      lines.push(String(chunk));
      return true;
    });
  });
  afterEach(() => vi.restoreAllMocks());

  it("logs each key once, as a warning with its context", () => {
    for (let i = 0; i < 5; i++) warnOnce("query:/:page", "Ignored a malformed query parameter", { parameter: "page" });
    warnOnce("query:/:sort", "Ignored a malformed query parameter", { parameter: "sort" });
    expect(lines).toHaveLength(2);
    expect(JSON.parse(lines[0])).toMatchObject({ level: "warn", message: "Ignored a malformed query parameter", parameter: "page" });
  });

  it("stops after a bounded number of kinds, saying so once", () => {
    for (let i = 0; i < 1200; i++) warnOnce(`key-${i}`, "odd");
    expect(lines).toHaveLength(1001);
    expect(lines.at(-1)).toContain("no longer logging new kinds");
  });
});
