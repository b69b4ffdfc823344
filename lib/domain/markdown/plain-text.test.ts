import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MARK_END, MARK_START } from "@/lib/domain/search/snippet";
import { markdownAsPlainText, plainText } from "./plain-text";
import { parseFragment } from "./import/parse-blocks";

describe("markdownAsPlainText", () => {
  it("drops an image that opens a summary, and reads links, emphasis and code as their words", () => {
    const summary =
      "![Real Life Postmortem Header](/assets/images/postmortem_500.png)\n\nOn May 25 we **broke** sign-in for `40%` of users, _briefly_; see [the graph](https://x.example/g).";
    expect(markdownAsPlainText(summary)).toBe("On May 25 we broke sign-in for 40% of users, briefly; see the graph.");
  });

  it("keeps an image's alt text when there is nothing else", () => {
    expect(markdownAsPlainText("![Error rate during the incident](/a.png)")).toBe("Error rate during the incident");
  });

  it("keeps the words of headings, lists, quotes and tables and drops their punctuation", () => {
    expect(markdownAsPlainText("## Impact\n\n- **400 ms** to `9 s`, see [the graph](https://x.example/g)\n\n| Region | Orders |\n|---|---|\n| EU | 1,240 |")).toBe(
      "Impact\n\n400 ms to 9 s, see the graph\n\nRegion · Orders\nEU · 1,240",
    );
    expect(markdownAsPlainText('> *"It was just a small config change"*\n\n~~old~~ and <b>bold</b> &amp; \\*literal\\*')).toBe(
      '"It was just a small config change"\n\nold and bold & *literal*',
    );
  });

  it("keeps the text of something that looks like front matter", () => {
    expect(markdownAsPlainText("---\nowner: payments\n---\nBody text")).toBe("owner: payments\n\nBody text");
  });

  it("never lets the snippet marks or other control characters through", () => {
    expect(markdownAsPlainText(`a${MARK_START}b${MARK_END}c\u0000d`)).toBe("a b c d");
    expect(markdownAsPlainText(`**a**${MARK_START}b`)).toBe("a b");
    // Read as the ordinary characters they are: removing them first would indent this line into code.
    expect(markdownAsPlainText("\u0002 \u0002 \u0002 \u0002 ![alt](/i.png) and **text**")).toBe("and text");
  });

  it("leaves plain prose as it is", () => {
    expect(markdownAsPlainText("  The cache expired at once.  ")).toBe("The cache expired at once.");
  });

  it("reads deeply nested quotes and lists quickly (their markers only go)", () => {
    const started = performance.now();
    expect(markdownAsPlainText(`${"> ".repeat(20_000)}deep`)).toBe("deep");
    expect(markdownAsPlainText(`${"- ".repeat(50_000)}deeper`)).toBe("deeper");
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it("never leaves image syntax, emphasis markers or control characters behind (outside code)", () => {
    const piece = fc.constantFrom("![alt](/i.png)", "**b**", "_e_", "`c`", "[l](https://x.example)", "> ", "- ", "\n", "\n\n", "word", "|", "\u0002");
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const plain = markdownAsPlainText(pieces.join(" "));
        expect(plain).not.toMatch(/!\[|\*\*|`|[\u0000-\u0008\uE000]/);
      }),
      { numRuns: 500 },
    );
  });
});

describe("plainText of nodes (the importer's fields)", () => {
  it("keeps inline code in backticks and images as their alt text", () => {
    expect(plainText(parseFragment("Set `ttl` to **30 s** ![graph](/g.png)"))).toBe("Set `ttl` to 30 s graph");
  });
});
