import fc from "fast-check";
import type { List } from "mdast";
import remarkFrontmatter from "remark-frontmatter";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { describe, expect, it } from "vitest";
import { cutPieces, MAX_PIECE_CHARS, parseBlocks, slowConstructs } from "./parse-blocks";
import { readSource } from "./source";

const piecesOf = (text: string) => cutPieces(text).map(([start, end]) => text.slice(start, end));

describe("cutting the source into pieces", () => {
  it("cuts before each # heading, never inside a code fence or the front matter", () => {
    const text = "---\n# a YAML comment\ntitle: x\n---\nIntro\n## One\ntext\n```\n# not a heading\n```\n## Two\n";
    expect(piecesOf(text)).toEqual(["---\n# a YAML comment\ntitle: x\n---\nIntro\n", "## One\ntext\n```\n# not a heading\n```\n", "## Two\n"]);
  });

  it("covers the whole text, in order", () => {
    const text = `${"- 10:47 event\n".repeat(5000)}tail`;
    const pieces = cutPieces(text);
    expect(pieces[0][0]).toBe(0);
    expect(pieces.at(-1)![1]).toBe(text.length);
    pieces.slice(1).forEach(([start], index) => expect(start).toBe(pieces[index][1]));
    expect(pieces.every(([start, end]) => end - start <= MAX_PIECE_CHARS)).toBe(true);
  });

  it("cuts a long list between items, not inside an indented line", () => {
    const nested = Array.from({ length: 200 }, (_, depth) => `${"  ".repeat(depth)}- level ${depth}`).join("\n");
    expect(cutPieces(`## Deep\n\n${nested}\n`)).toHaveLength(2);
  });
});

describe("parseBlocks", () => {
  it("gives positions in the whole source", () => {
    const { source } = readSource("# Title\n\n## One\n\nFirst.\n\n## Two\n\nSecond.\n");
    const { blocks, unreadFrom } = parseBlocks(source);
    expect(unreadFrom).toBe(source.text.length);
    const second = blocks.at(-1)!;
    expect(second.position?.start).toMatchObject({ line: 9, offset: source.text.indexOf("Second.") });
  });

  it("reports a code fence that is never closed", () => {
    const { source } = readSource("Text\n\n```js\nconst a = 1;\n");
    expect(parseBlocks(source).unclosedFences).toEqual([6]);
  });
});

describe("lists of plain items, built without remark", () => {
  const remark = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ["yaml", "toml"]);
  const sameAsRemark = (text: string) => {
    const { source } = readSource(text);
    expect(JSON.parse(JSON.stringify(parseBlocks(source).blocks))).toEqual(JSON.parse(JSON.stringify(remark.parse(source.text).children)));
  };

  it("gives the tree remark gives, for every list shape near them", () => {
    const content = fc.stringMatching(/^[a-z0-9 :.,*_\-[\]()>#@=+]{0,24}$/);
    const item = fc.tuple(fc.constantFrom("-", "*", "+", "- ", "-  ", "1."), content).map(([marker, text]) => `${marker} ${text}`);
    const after = fc.constantFrom("", "\n", "\n\nA paragraph.", "\nlazy line", "\n\n  indented", "\n\n- joined item", "\n\n## Next\n\n- 09:00 other", "\n\n* other list");
    const before = fc.constantFrom("", "## Timeline\n\n", "Intro line\n", "Intro.\n\n", "- first\n\n");
    fc.assert(
      fc.property(before, fc.array(item, { minLength: 1, maxLength: 14 }), after, (head, items, tail) => sameAsRemark(`${head}${items.join("\n")}${tail}`)),
      { numRuns: 300 },
    );
    // In a later piece too: positions are moved to the whole source.
    const list = Array.from({ length: 10 }, (_, index) => `- 10:0${index} Restarted`).join("\n");
    const { source } = readSource(`# A\n\n## Timeline\n\n${list}\n`);
    const [, , built] = parseBlocks(source).blocks;
    const at = source.text.indexOf("- 10:00");
    expect(built.position).toEqual({ start: { line: 5, column: 1, offset: at }, end: { line: 14, column: 18, offset: at + list.length } });
    expect((built as List).children[9].children[0].position).toEqual({ start: { line: 14, column: 3, offset: at + list.length - 15 }, end: { line: 14, column: 18, offset: at + list.length } });
    sameAsRemark(`## Timeline\n\n${Array.from({ length: 20 }, (_, index) => `- 10:${String(index).padStart(2, "0")} - Cache node restarted (again)  `).join("\n")}\n\nAfter.\n`);
  });
});

describe("constructs that would make remark slow", () => {
  it("are switched off only past a budget that text people write stays well within", () => {
    expect(slowConstructs("**Impact:** logins failed. _Detected_ by ~~nobody~~.\n\n".repeat(5000))).toEqual([]);
    expect(slowConstructs(`${"- **10:47** _(Detected)_ Alert [link](https://x.y)\n".repeat(5000)}`)).toEqual([]);
    expect(slowConstructs(`${"10:47 **alice**: deploying\n".repeat(1000)}`)).toEqual([]);
    expect(slowConstructs(`${"*_".repeat(50)}text\n`.repeat(100))).toEqual(["attention"]);
    expect(slowConstructs("[a](".repeat(5000))).toEqual(["labelEnd"]);
  });

  it("the budget is the whole document's: many small costly pieces add up", () => {
    const spent = { attention: 0, labelEnd: 0 };
    const piece = `${"*_".repeat(1000)}\n`;
    const disabled = Array.from({ length: 20 }, () => slowConstructs(piece, spent));
    expect(disabled[0]).toEqual([]);
    expect(disabled.at(-1)).toEqual(["attention"]);
  });

  it("without them, emphasis marks stay text and nothing is lost", () => {
    const text = `${"*_".repeat(2000)}kept\n`.repeat(3);
    const { source } = readSource(text);
    const [paragraph] = parseBlocks(source).blocks;
    expect(paragraph).toMatchObject({ type: "paragraph", children: [{ type: "text", value: text.trim() }] });
  });
});
