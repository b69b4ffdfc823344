import { describe, expect, it } from "vitest";
import { passwordProblem } from "./password-rules";

const common = new Set(["passwordpassword", "qwertyuiop123"]);
const isCommon = (value: string) => common.has(value);

describe("passwordProblem", () => {
  it("accepts a long, uncommon password", () => {
    expect(passwordProblem("correct horse battery", { isCommon })).toBeNull();
  });
  it("refuses short ones, with the length to reach", () => {
    expect(passwordProblem("short", { isCommon })).toMatch(/at least 12/);
    expect(passwordProblem("x".repeat(257) + "y", { isCommon })).toMatch(/at most 256/);
  });
  it("refuses common passwords whatever their case, repeats and runs", () => {
    expect(passwordProblem("PasswordPassword", { isCommon })).toMatch(/common/);
    expect(passwordProblem("aaaaaaaaaaaaaa", { isCommon })).toMatch(/common/);
    expect(passwordProblem("abcdefghijklm", { isCommon })).toMatch(/common/);
  });
  it("refuses the person's own email or name", () => {
    expect(passwordProblem("dana.whitfield-2026!", { isCommon, email: "dana.whitfield@example.com" })).toMatch(/email or name/);
  });
});
