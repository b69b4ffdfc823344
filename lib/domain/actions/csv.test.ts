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
  it("leaves plain text and numbers bare", () => {
    expect(csvField("Add a canary stage")).toBe("Add a canary stage");
    expect(csvField(12)).toBe("12");
    expect(csvField(null)).toBe("");
  });

  it("quotes commas, quotes and line breaks, doubling the quotes", () => {
    expect(csvField("a, b")).toBe('"a, b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField("line one\nline two")).toBe('"line one\nline two"');
    expect(csvField("cr\ronly")).toBe('"cr\ronly"');
    expect(csvField(" padded ")).toBe('" padded "');
  });
});

describe("defuseFormula", () => {
  it.each(["=HYPERLINK(\"http://evil\")", "+1+2", "-2+3", "@SUM(A1)", "\t=1", "\r=1"])("prefixes %j with an apostrophe", (cell) => {
    expect(defuseFormula(cell)).toBe(`'${cell}`);
  });

  it("leaves other text alone, including a formula character later on", () => {
    expect(defuseFormula("a = b")).toBe("a = b");
    expect(defuseFormula("'quoted")).toBe("'quoted");
    expect(defuseFormula("")).toBe("");
  });

  it("is applied by csvField before quoting", () => {
    expect(csvField("=1,2")).toBe(`"'=1,2"`);
    expect(csvField('=A1&"x"')).toBe(`"'=A1&""x"""`);
  });
});

describe("toCsv", () => {
  it("ends every record with CRLF", () => {
    expect(toCsv([["a", "b"], ["c", null]])).toBe("a,b\r\nc,\r\n");
  });

  it("reads back as the same fields (formula cells with their apostrophe)", () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string({ unit: "binary" }), { minLength: 1, maxLength: 5 }), { maxLength: 8 }), (records) => {
        expect(readCsv(toCsv(records))).toEqual(records.map((r) => r.map(defuseFormula)));
      }),
    );
  });
});
