import { describe, expect, it } from "vitest";
import { findPlainHeadings, looksLikeTitle, withoutEmoji } from "./plain-text";
import { readActionGroup } from "./vocabulary";

describe("plain-text headings", () => {
  it.each(["What Broke (In One Line)", "The Chain Reaction", "1) Backward Compatibility Rules", "My Own Experience: When Things Go Wrong", "What went wrong?", "Timeline:"])(
    "%j looks like a title",
    (line) => expect(looksLikeTitle(line)).toBe(true),
  );

  it.each([
    "Twenty minutes later, our app started returning 500 errors for every logged-in user.",
    "This was the play-by-play:",
    "// Old behavior",
    "user = parseToken(token)",
    "} catch (e) {",
    "10:47 AM",
    "We didn’t just fix the line. We changed habits.",
    "it was a quiet day",
    "Call (see below",
  ])("%j does not", (line) => expect(looksLikeTitle(line)).toBe(false));

  it("finds headings between sentences, code and lists; numbered ones under a heading are subsections", () => {
    const lines = [
      "It was a normal release. Nothing fancy.",
      "What Broke",
      "The change looked harmless.",
      "// Old behavior",
      "try {",
      "}",
      "What We Changed Afterward",
      "We changed habits.",
      "1) Safer Middleware",
      "Middleware should be defensive.",
      "- a list item",
      "Lessons Learned",
      "Test at scale.",
      "A closing title-like line at the end",
    ];
    expect(findPlainHeadings(lines, () => false)).toEqual([
      { line: 1, depth: 2, title: "What Broke" },
      { line: 6, depth: 2, title: "What We Changed Afterward" },
      { line: 8, depth: 3, title: "1) Safer Middleware" },
      { line: 11, depth: 2, title: "Lessons Learned" },
    ]);
  });

  it("does not take a sentence cut in two for a heading", () => {
    expect(findPlainHeadings(["We rolled back the change and", "Restarted The Workers", "after that it was fine."], () => false)).toEqual([]);
  });

  it.each(["2. Check the input first 🧪", "What went wrong? 🔥", "🔥 Lessons", "Corrective Actions:", "Root cause:", "Short term:", "P0", "Now", "2.1 No request coalescing", "Wrapping Up The Incident:"])(
    "%j looks like a title too",
    (line) => expect(looksLikeTitle(line)).toBe(true),
  );

  it.each(["Here’s what went wrong:", "Severity: SEV2", "Incident date: 2024-10-21", "We shipped it 🎉.", `A${" ".repeat(400)}🧪`])("%j does not either", (line) =>
    expect(looksLikeTitle(line)).toBe(false),
  );

  it("takes the emoji off a heading's edges only", () => {
    expect(withoutEmoji("🔥 What went wrong? 🧑‍💻")).toBe("What went wrong?");
    expect(withoutEmoji("Cache 🧪 tests")).toBe("Cache 🧪 tests");
  });

  it("reads subheadings under factors or actions as their items, until a field or a closing heading", () => {
    const lines = [
      "The night the resizer ate the bill 💸",
      "It started on a Friday.",
      "What went wrong? 🔥",
      "Nothing checked the headers 🧾",
      "Our tests never looked at them.",
      "Cost alerts were daily ⏰",
      "The alert runs at 06:00.",
      "Action items",
      "Short term",
      "- Add a header test (Marta)",
      "Long term",
      "- Give the resizer an owner",
      "Final thoughts",
      "Quiet failures are expensive.",
    ];
    expect(findPlainHeadings(lines, () => false).map(({ line, depth }) => [lines[line], depth])).toEqual([
      ["The night the resizer ate the bill 💸", 2],
      ["What went wrong? 🔥", 2],
      ["Nothing checked the headers 🧾", 3],
      ["Cost alerts were daily ⏰", 3],
      ["Action items", 2],
      ["Short term", 3],
      ["Long term", 3],
      ["Final thoughts", 2],
    ]);
  });

  it("leaves the headings after a factors section with prose or a list of its own at the top", () => {
    const lines = ["What went wrong", "We deployed on a Friday.", "Nobody was around.", "How we fixed it", "We rolled back.", "Action items", "- Stop Friday deploys", "Appendix notes", "Graphs."];
    expect(findPlainHeadings(lines, () => false).map(({ depth }) => depth)).toEqual([2, 2, 2, 2]);
  });
});

describe("action groups", () => {
  it.each([
    ["Short term", {}],
    ["Long-term fixes", {}],
    ["Now", { priority: "high" }],
    ["Next", { priority: "medium" }],
    ["Later", { priority: "low" }],
    ["P0", { priority: "high" }],
    ["P2 items", { priority: "medium" }],
    ["Detect", { type: "detect" }],
    ["Mitigation", { type: "mitigate" }],
    ["Prevent", { type: "prevent" }],
    ["Completed", { status: "done" }],
    ["Better alerting", null],
    ["The retry storm", null],
  ])("%j → %j", (heading, group) => expect(readActionGroup(heading)).toEqual(group));
});
