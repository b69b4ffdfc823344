import { describe, expect, it } from "vitest";
import { findNotTextReason } from "./source";

describe("text or not", () => {
  it("takes text in any language, with a stray control character or replacement character, for text", () => {
    expect(findNotTextReason("# Störung 🔐\n\n日本のお客様\tCafé\r\n")).toBeNull();
    expect(findNotTextReason(`${"A line of text.\n".repeat(20)}\u0007 \ufffd\ufffd`)).toBeNull();
    expect(findNotTextReason("")).toBeNull();
  });

  it("refuses NUL bytes, as binary files and UTF-16 text have them", () => {
    expect(findNotTextReason("#\u0000 \u0000T\u0000i\u0000t\u0000l\u0000e")).toMatch(/^it contains NUL bytes/);
  });

  it("refuses text that is mostly bytes UTF-8 could not decode", () => {
    const bytes = Uint8Array.from({ length: 4096 }, (_, index) => 128 + ((index * 37) % 120));
    expect(findNotTextReason(new TextDecoder().decode(bytes))).toMatch(/^\d+% of its first characters are not UTF-8 text/);
  });
});
