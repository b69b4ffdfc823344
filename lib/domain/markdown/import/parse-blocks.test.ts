import { describe, expect, it } from "vitest";
import { cutPieces, MAX_PIECE_CHARS, parseBlocks } from "./parse-blocks";
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
