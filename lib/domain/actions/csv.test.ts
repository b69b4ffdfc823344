import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { csvField, defuseFormula, toCsv } from "./csv";

/** A small RFC 4180 reader, only to check that what we write reads back. */
function readCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let quoted = false;
  const endField = () => {
    record.push(field);
    field = "";
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") endField();
    else if (c === "\r" && text[i + 1] === "\n") {
      endField();
      records.push(record);
      record = [];
      i++;
    } else field += c;
  }
  return records;
}

describe("csvField", () => {
  it("quotes every field, even plain text, numbers and empty ones", () => {
    expect(csvField("Add a canary stage")).toBe('"Add a canary stage"');
    expect(csvField(12)).toBe('"12"');
    expect(csvField(null)).toBe('""');
    expect(csvField("")).toBe('""');
  });

  it("keeps commas, semicolons, line breaks and edge spaces inside the quotes, doubling quotes", () => {
    expect(csvField("a, b")).toBe('"a, b"');
    expect(csvField("a; b")).toBe('"a; b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField("line one\nline two")).toBe('"line one\nline two"');
    expect(csvField("cr\ronly")).toBe('"cr\ronly"');
    expect(csvField(" padded ")).toBe('" padded "');
  });
});

describe("defuseFormula", () => {
  it.each([
    ['=HYPERLINK("http://evil")', `'=HYPERLINK("http://evil")`],
    ["+1+2", "'+1+2"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["＝1+1", "'＝1+1"],
    ["＋1", "'＋1"],
    ["－1", "'－1"],
    ["＠SUM(A1)", "'＠SUM(A1)"],
    // A tab or CR hides a formula, and a reader may split on it: both starts get one.
    ["\t=1", "'\t'=1"],
    ["\r=1", "'\r'=1"],
  ])("prefixes %j with an apostrophe: %j", (cell, defused) => {
    expect(defuseFormula(cell)).toBe(defused);
  });

  // A spreadsheet whose list separator is ";" splits "owner;=2+2" into "owner" and "=2+2", and one that
  // honours quotes only at a cell's start splits inside our quotes too: the formula needs its own apostrophe.
  it.each([
    ["owner;=2+2", "owner;'=2+2"],
    ["owner,=2+2", "owner,'=2+2"],
    ["a;+1;-2,@x", "a;'+1;'-2,'@x"],
    ["a;＝1", "a;'＝1"],
    ["a\t=1", "a\t'=1"],
    ["line\n=1", "line\n'=1"],
    ["=1;=2", "'=1;'=2"],
  ])("defuses a formula after a separator: %j → %j", (cell, defused) => {
    expect(defuseFormula(cell)).toBe(defused);
  });

  it("leaves other text alone, including a formula character later on or after a space", () => {
    expect(defuseFormula("a = b")).toBe("a = b");
    expect(defuseFormula("Latency up, +40%")).toBe("Latency up, +40%");
    expect(defuseFormula("'quoted")).toBe("'quoted");
    expect(defuseFormula("")).toBe("");
  });

  it("leaves no piece that starts a formula, whichever of ; , tab or line break a reader splits on", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("=", "+", "-", "@", "＝", ";", ",", "\t", "\r", "\n", "a", " ", "'") }), (cell) => {
        for (const piece of defuseFormula(cell).split(/[;,\t\r\n]/)) expect(piece).not.toMatch(/^[=+\-@＝＋－＠]/);
      }),
    );
  });

  it("is applied by csvField before quoting", () => {
    expect(csvField("=1,2")).toBe(`"'=1,2"`);
    expect(csvField('=A1&"x"')).toBe(`"'=A1&""x"""`);
    expect(csvField("owner;=2+2")).toBe(`"owner;'=2+2"`);
  });
});

describe("toCsv", () => {
  it("ends every record with CRLF", () => {
    expect(toCsv([["a", "b"], ["c", null]])).toBe('"a","b"\r\n"c",""\r\n');
  });

  it("reads back as the same fields (formulas with their apostrophes)", () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string({ unit: "binary" }), { minLength: 1, maxLength: 5 }), { maxLength: 8 }), (records) => {
        expect(readCsv(toCsv(records))).toEqual(records.map((r) => r.map(defuseFormula)));
      }),
    );
  });
});
