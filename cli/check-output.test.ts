import { describe, expect, it } from "vitest";
import { painterFor } from "./check-output";

const terminal = { isTTY: true, hasColors: () => true } as unknown as NodeJS.WritableStream;
const pipe = {} as NodeJS.WritableStream;

describe("painterFor", () => {
  it("colours a terminal that has colours", () => {
    expect(painterFor(terminal, {})("red", "rule")).toBe("\u001b[31mrule\u001b[39m");
  });

  it("respects NO_COLOR, and never colours a pipe", () => {
    expect(painterFor(terminal, { NO_COLOR: "1" })("red", "rule")).toBe("rule");
    expect(painterFor(pipe, { FORCE_COLOR: "1" })("red", "rule")).toBe("rule");
  });
});
