import { describe, expect, it } from "vitest";
import { checkText } from "./check-text";
// The parser, as the server has it (index.ts installs it; the browser loads it later).
import "./index";

describe("checkText", () => {
  it("reports offsets into the original text, even after Markdown, CRLF and emoji", () => {
    const text = "🔥 **Outage**\r\n\r\n```\nsomeone broke it\n```\r\n\r\n- At 10:47 Dave deployed the broken config.\r\n- It was *human error*.";
    const matches = checkText(text);
    expect(matches.map((m) => m.ruleId)).toEqual(["named-person", "human-error"]);
    for (const match of matches) {
      expect(text.slice(match.start, match.end).replace(/[*\s]+/g, " ")).toBe(match.excerpt);
    }
    expect(text.slice(matches[0].start, matches[0].end)).toBe("Dave deployed the broken");
  });

  it("returns the rule's why and suggestion with each match", () => {
    const [match] = checkText("We should have caught this.");
    expect(match).toMatchObject({ ruleId: "should-have", start: 3, end: 21, excerpt: "should have caught" });
    expect(match.why).toMatch(/hindsight/i);
    expect(match.suggestion).toMatch(/would have/);
  });

  it("ignores code blocks, inline code and block quotes", () => {
    const text = [
      "> *“It was just a small config change—someone broke it?”*",
      "",
      "```yaml",
      "# human error",
      "```",
      "",
      "Run `git blame` or `someone-broke.sh`.",
    ].join("\n");
    expect(checkText(text)).toEqual([]);
  });

  it("keeps the wider of two nested findings, and both of two overlapping ones", () => {
    expect(checkText("Sarah forgot to renew it.").map((m) => m.ruleId)).toEqual(["named-person"]);
    expect(checkText("The on-call engineer ignored the alert.").map((m) => [m.ruleId, m.excerpt])).toEqual([
      ["person-as-cause", "The on-call engineer ignored"],
      ["ignored-alert", "ignored the alert"],
    ]);
  });

  it("reports several findings in reading order", () => {
    const matches = checkText("Obviously it was careless. We should have known. Blame the config.");
    expect(matches.map((m) => m.ruleId)).toEqual(["obviously", "careless", "should-have", "blame"]);
    expect(matches.map((m) => m.start)).toEqual([...matches.map((m) => m.start)].sort((a, b) => a - b));
  });

  it("finds nothing in empty or blank text", () => {
    expect(checkText("")).toEqual([]);
    expect(checkText("  \n\t ")).toEqual([]);
  });

  it("stays quick on a long field (a smoke check; npm run bench:language measures)", () => {
    const text = "The deploy failed to complete because the disk was full. Dave deployed the fix. ".repeat(150);
    const started = performance.now();
    checkText(text);
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});
