import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { chooseSnippet, formatParts, MARK_END, MARK_START, parseMarkedText } from "./snippet";

const mark = (text: string) => `${MARK_START}${text}${MARK_END}`;

describe("parseMarkedText", () => {
  it("splits on the marks and keeps everything else as text", () => {
    expect(parseMarkedText(`…the ${mark("token")} failed`)).toEqual([
      { text: "…the ", isMatch: false },
      { text: "token", isMatch: true },
      { text: " failed", isMatch: false },
    ]);
  });

  it("reads matches separated only by spaces as one", () => {
    expect(parseMarkedText(`a ${mark("token")} ${mark("parser")}, ${mark("x")}`)).toEqual([
      { text: "a ", isMatch: false },
      { text: "token parser", isMatch: true },
      { text: ", ", isMatch: false },
      { text: "x", isMatch: true },
    ]);
  });

  it("leaves markup-looking text as text (rendering never interprets it)", () => {
    expect(parseMarkedText(`<img src=x onerror=alert(1)> ${mark("<b>")}`)).toEqual([
      { text: "<img src=x onerror=alert(1)> ", isMatch: false },
      { text: "<b>", isMatch: true },
    ]);
  });

  it("loses no character but the marks, whatever the input", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string(), fc.constantFrom(MARK_START, MARK_END))), (pieces) => {
        const marked = pieces.join("");
        const text = parseMarkedText(marked).map((p) => p.text).join("");
        return text === marked.replaceAll(MARK_START, "").replaceAll(MARK_END, "");
      }),
    );
  });
});

describe("chooseSnippet", () => {
  it("prefers the field that shows more of the query's different words, then the weightier field", () => {
    const chosen = chooseSnippet([
      { field: "summary", marked: `the ${mark("token")} and the ${mark("token")} again` },
      { field: "timeline", marked: `a ${mark("token")} ${mark("parser")}` },
      { field: "lessons", marked: `${mark("parsers")} and ${mark("tokens")}` },
    ]);
    expect(chosen?.field).toBe("timeline");
    expect(formatParts(chosen!.parts)).toBe("a [token parser]");
  });

  it("is null when no field has a match", () => {
    expect(chooseSnippet([{ field: "summary", marked: "no marks" }, { field: "impact", marked: null }])).toBeNull();
  });
});
