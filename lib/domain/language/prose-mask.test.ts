import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkText, matchRules } from "./check-text";
import { clearMaskCache, maskByParsing, maskNonProse, OPAQUE } from "./prose-mask";
import { splitBlocks } from "./split-blocks";
// The parser, as the server has it (index.ts installs it; the browser loads it later).
import "./index";

const opaqueAt = (masked: string) => [...masked].map((char) => char === OPAQUE);

describe("maskNonProse", () => {
  it("returns plain prose unchanged", () => {
    const text = "Dave deployed the broken config.\nThen we rolled back.";
    expect(maskNonProse(text)).toBe(text);
  });

  it("keeps the length and the line breaks", () => {
    const text = "# Title\r\n\r\n```\ncode\n```\n\n> quote\n\n- **bold** and `code`\n";
    const masked = maskNonProse(text);
    expect(masked).toHaveLength(text.length);
    expect([...masked].map((char, index) => (char === "\n" || char === "\r") === (text[index] === "\n" || text[index] === "\r"))).not.toContain(false);
  });

  it("blanks fenced, tilde-fenced and indented code", () => {
    const text = "Before.\n\n```sh\nsomeone broke it\n```\n\n~~~\nhuman error\n~~~\n\n    Sarah forgot\n\nAfter.";
    const masked = maskNonProse(text);
    expect(masked).not.toMatch(/someone|human|Sarah/);
    expect(masked).toMatch(/^Before\./);
    expect(masked).toMatch(/After\.$/);
  });

  it("blanks inline code so no phrase runs across it", () => {
    const masked = maskNonProse("we just `sleep 5` had to wait; `someone broke` it");
    expect(masked).not.toContain("someone");
    expect(checkText("He just `x` had to run it.")).toEqual([]);
  });

  it("blanks block quotes, including in lists and lazy continuation lines", () => {
    const masked = maskNonProse("> Dave broke it\nand forgot\n\n- > Sarah forgot\n- we rolled back");
    expect(masked).not.toMatch(/Dave|forgot|Sarah/);
    expect(masked).toContain("we rolled back");
  });

  it("blanks raw HTML and images but keeps link text", () => {
    const masked = maskNonProse('<!-- someone broke it -->\n\n![human error](x.png) [Dave forgot](https://e.com/blame "t")');
    expect(masked).not.toMatch(/someone|human|blame/);
    expect(masked).toContain("Dave forgot");
  });

  it("turns emphasis and link syntax into spaces so phrases still match", () => {
    expect(checkText("It was human **error**.").map((m) => m.excerpt)).toEqual(["human error"]);
    expect(checkText("[Someone](https://e.com) *broke* it.").map((m) => m.ruleId)).toEqual(["someone-did"]);
  });
});

describe("splitBlocks", () => {
  it("cuts between top-level paragraphs and nowhere else", () => {
    expect(splitBlocks("One.\n\nTwo.\n\n- a\n\n  b\nThree.")).toEqual(["One.\n\n", "Two.\n\n", "- a\n\n  b\nThree."]);
  });

  it("does not cut inside fences or HTML blocks that span blank lines", () => {
    expect(splitBlocks("```\na\n\nb\n```\n\nc")).toEqual(["```\na\n\nb\n```\n\n", "c"]);
    expect(splitBlocks("<!--\na\n\nb -->\n\nc")).toEqual(["<!--\na\n\nb -->\n\n", "c"]);
    expect(splitBlocks("<pre>\na\n\nb\n</pre>\n\nc")).toEqual(["<pre>\na\n\nb\n</pre>\n\n", "c"]);
    expect(splitBlocks("~~~~\na\n\n~~~\nb\n~~~~\n\nc")).toEqual(["~~~~\na\n\n~~~\nb\n~~~~\n\n", "c"]);
  });

  it("reassembles to the text, whatever the text", () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), (text) => splitBlocks(text).join("") === text));
  });
});

// Lines that exercise every construct the splitter and the fast path must respect.
const LINES = [
  "", "", "", "Dave broke prod.", "Someone **pushed** a bad config.", "It was human error.", "We should have caught it.",
  "- item", "  continued: Sarah forgot", "    indented: someone broke it", "\tTabbed: human error", "```", "```js", "~~~",
  "    ```", "``` a`b", "> quoted: Dave broke it", ">", "<!--", "--> after: Sarah forgot", "<pre>", "</pre>", "<div>",
  "`inline: someone broke`", "1. step: he just had to wait", "| a | human error |", "|---|---|", "## Heading: obviously",
  "[link](https://e.com/someone-broke)", "***", "Setext", "===", "<?php", "?>", "<!DOCTYPE", "<![CDATA[", "]]>",
];

describe("masking by blocks (fast path and cache) agrees with one whole parse", () => {
  it("each block parses alone as it does in place (the splitter's promise, which the cache relies on)", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...LINES), { maxLength: 40 }), fc.boolean(), (lines, isCrlf) => {
        const text = lines.join(isCrlf ? "\r\n" : "\n");
        const reference = maskByParsing(text);
        let offset = 0;
        for (const block of splitBlocks(text)) {
          expect(maskByParsing(block)).toBe(reference.slice(offset, offset + block.length));
          offset += block.length;
        }
      }),
      { numRuns: 400 },
    );
  });


  it("finds the same phrases and blanks the same characters", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...LINES), { maxLength: 40 }), fc.boolean(), (lines, isCrlf) => {
        const text = lines.join(isCrlf ? "\r\n" : "\n");
        clearMaskCache();
        const reference = maskByParsing(text);
        expect(opaqueAt(maskNonProse(text))).toEqual(opaqueAt(reference));
        expect(checkText(text)).toEqual(text.trim() === "" ? [] : matchRules(reference));
        // Second run: from the cache.
        expect(checkText(text)).toEqual(text.trim() === "" ? [] : matchRules(reference));
      }),
      { numRuns: 400 },
    );
  });
});

describe("before the browser has loaded the parser", () => {
  it("leaves blocks with Markdown syntax unread (OPAQUE) and reads plain blocks, then reads everything once it is in", async () => {
    const { installMarkdownParser } = await import("./prose-mask");
    const { parseMarkdownTree } = await import("./markdown-parser");
    const text = "Plain words here.\n\nSome **bold** words.";
    installMarkdownParser(null);
    try {
      const masked = maskNonProse(text);
      expect(masked.slice(0, 17)).toBe("Plain words here.");
      expect(masked.slice(19)).toBe(OPAQUE.repeat(text.length - 19));
    } finally {
      installMarkdownParser(parseMarkdownTree);
    }
    expect(maskNonProse(text).slice(19)).toBe("Some   bold   words.");
  });
});
