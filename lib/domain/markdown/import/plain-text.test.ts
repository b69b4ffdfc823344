import { describe, expect, it } from "vitest";
import { findPlainHeadings, looksLikeTitle } from "./plain-text";

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
});
