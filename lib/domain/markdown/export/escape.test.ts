import fc from "fast-check";
import { toString } from "mdast-util-to-string";
import type { Heading, Paragraph, Root } from "mdast";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { describe, expect, it } from "vitest";
import { closeOpenFence, escapeInline, headingText, inlineText, linkDestination, markdownBlock, multilineText } from "./escape";

const parse = (markdown: string) => unified().use(remarkParse).use(remarkGfm).parse(markdown) as Root;

/** Characters that mean something somewhere in Markdown, mixed with ordinary ones. */
const MARKDOWN_UNITS = ["*", "_", "`", "[", "]", "(", ")", "<", ">", "!", "#", "|", "~", "\\", "&", ";", "-", "+", "=", ".", "1", ":", "/", "a", "b", " ", "amp", "http://x.io", "www.a.io", "é"];
const markdownish = (unit: fc.Arbitrary<string>) => fc.string({ unit, maxLength: 40 });
const withNewlines = fc.oneof(fc.constantFrom(...MARKDOWN_UNITS, "\n", "\t"), fc.string({ unit: "grapheme", minLength: 1, maxLength: 1 }));
const singleLine = fc.oneof(fc.constantFrom(...MARKDOWN_UNITS), fc.string({ unit: "grapheme", minLength: 1, maxLength: 1 })).filter((c) => !/[\r\n\0]/.test(c));

describe("escapeInline", () => {
  it.each([
    ["*bold* and _em_", "\\*bold\\* and \\_em\\_"],
    ["snake_case_name", "snake_case_name"],
    ["`code` [link](x) ~~gone~~ a|b", "\\`code\\` \\[link](x) \\~\\~gone\\~\\~ a\\|b"],
    ["<script> and a < b > c", "\\<script> and a < b > c"],
    ["C:\\Users and \\*", "C:\\Users and \\\\\\*"],
    ["ends with \\", "ends with \\\\"],
    ["&amp; &#35; & AT&T", "\\&amp; \\&#35; & AT&T"],
    ["p95 > 2 s, 100 %", "p95 > 2 s, 100 %"],
  ])("%s", (text, expected) => {
    expect(escapeInline(text)).toBe(expected);
  });

  it("reads back as the same text in a paragraph, whatever the characters", () => {
    fc.assert(
      fc.property(markdownish(singleLine), (text) => {
        const paragraph = parse(`a${escapeInline(text)}b`).children[0] as Paragraph;
        expect(toString(paragraph)).toBe(`a${text}b`);
      }),
      { numRuns: 500 },
    );
  });
});

describe("headingText", () => {
  it("escapes a trailing # that would close the heading, and joins lines", () => {
    expect(headingText("Step #")).toBe("Step \\#");
    expect(headingText("C#")).toBe("C#");
    expect(headingText("###")).toBe("\\###");
    expect(headingText("Two\nlines  here")).toBe("Two lines  here");
  });

  it("reads back as the same (one-line) text", () => {
    fc.assert(
      fc.property(markdownish(withNewlines).filter((t) => !t.includes("\0")), (text) => {
        const expected = text.replace(/[ \t]*\n[ \t\n]*/g, " ").replace(/^[ \t]+|[ \t]+$/g, "");
        fc.pre(expected !== "");
        const tree = parse(`## ${headingText(text)}`);
        expect(tree.children).toHaveLength(1);
        expect(toString(tree.children[0] as Heading)).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });
});

describe("multilineText", () => {
  it("keeps line breaks, indents continuation lines and stops lines from starting blocks", () => {
    expect(multilineText("First\n# not a heading\n- not a list\n1. not a list\n> not a quote", { indent: "  " })).toBe(
      "First\n  \\# not a heading\n  \\- not a list\n  1\\. not a list\n  \\> not a quote",
    );
    expect(multilineText("1. starts the item", { isBlockStart: true })).toBe("1\\. starts the item");
    expect(multilineText("a\n\n\n\nb")).toBe("a\n\nb");
  });

  it("stays one list item with the same text", () => {
    fc.assert(
      fc.property(markdownish(withNewlines).filter((t) => !t.includes("\0") && t.trim() !== ""), (text) => {
        const tree = parse(`- x ${multilineText(text, { indent: "  " })}`);
        expect(tree.children).toHaveLength(1);
        expect(tree.children[0].type).toBe("list");
        expect((tree.children[0] as { children: unknown[] }).children).toHaveLength(1);
      }),
      { numRuns: 300 },
    );
  });
});

describe("inlineText", () => {
  it("joins lines with one space and trims", () => {
    expect(inlineText("  a\r\n  b \n\n c  ")).toBe("a b c");
  });
});

describe("linkDestination", () => {
  it("uses angle brackets only when needed", () => {
    expect(linkDestination("https://example.com/a_b?c=d")).toBe("https://example.com/a_b?c=d");
    expect(linkDestination("https://grafana.the database/x")).toBe("<https://grafana.the database/x>");
    expect(linkDestination("https://example.com/wiki/Foo_(bar)")).toBe("<https://example.com/wiki/Foo_(bar)>");
  });

  it("links to the same URL after parsing", () => {
    for (const url of ["https://grafana.the database/x", "https://e.com/a(b", "https://e.com/<x>", "https://e.com/a\\b"]) {
      const paragraph = parse(`[x](${linkDestination(url)})`).children[0] as Paragraph;
      expect(paragraph.children[0]).toMatchObject({ type: "link", url });
    }
  });
});

describe("closeOpenFence / markdownBlock", () => {
  it("closes a fence the text leaves open, with the same fence", () => {
    expect(closeOpenFence("```yaml\nttl: 24h")).toBe("```yaml\nttl: 24h\n```");
    expect(closeOpenFence("~~~~\ncode\n~~~")).toBe("~~~~\ncode\n~~~\n~~~~");
    expect(closeOpenFence("```\na\n```\n\n````js\nb\n```")).toBe("```\na\n```\n\n````js\nb\n```\n````");
  });

  it("leaves closed fences and inline backticks alone", () => {
    expect(closeOpenFence("```\na\n```")).toBe("```\na\n```");
    expect(closeOpenFence("``` not `a fence` ```\ntext")).toBe("``` not `a fence` ```\ntext");
    expect(closeOpenFence("    ```\nindented code")).toBe("    ```\nindented code");
  });

  it("keeps the user's Markdown as it is apart from line ends and outer blank lines", () => {
    expect(markdownBlock("\n\n| a | b |\r\n|---|---|\r\n| 1 | 2 |\n\n")).toBe("| a | b |\n|---|---|\n| 1 | 2 |");
    expect(markdownBlock("  indented code stays\n")).toBe("  indented code stays");
  });
});
