import { describe, expect, it } from "vitest";
import type { CheckFinding } from "@/lib/domain/check";
import { formatCheckReport, painterFor } from "./check-output";

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

describe("formatCheckReport", () => {
  it("counts the findings a rule's closing entry left out, in the file's header and the total", () => {
    const finding = (line: number): CheckFinding => ({ kind: "language", rule: "forgot", message: "Why", suggestion: "Instead", excerpt: "forgot", line });
    const summary: CheckFinding = { kind: "language", rule: "forgot", message: "70 more findings of this rule not listed (the first 50 are)", suggestion: "Instead", excerpt: null, line: null, omitted: 70 };
    const report = formatCheckReport([{ file: "post.md", findings: [finding(3), finding(4), summary] }]);
    expect(report).toBe(
      [
        "post.md — 72 language findings, 0 completeness gaps",
        'post.md:3  forgot  Why — Instead  "forgot"',
        'post.md:4  forgot  Why — Instead  "forgot"',
        "post.md  forgot  70 more findings of this rule not listed (the first 50 are) — Instead",
        "",
        "Checked 1 file: 72 language findings in 1 file, 0 completeness gaps.",
        "",
      ].join("\n"),
    );
  });
});
