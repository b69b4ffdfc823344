import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_EXPORT_OPTIONS } from "@/lib/domain/markdown/export";
import { exportQueryOf, exportQuerySchema } from "./export";
import { fieldErrorsOf } from "./postmortem";

const fromQuery = (query: string) => exportQuerySchema.safeParse(exportQueryOf(new URLSearchParams(query)));

describe("exportQuerySchema", () => {
  it("gives the defaults for an empty query", () => {
    expect(fromQuery("")).toEqual({ success: true, data: DEFAULT_EXPORT_OPTIONS });
  });

  it("reads every option from a query string", () => {
    const result = fromQuery("format=hugo&template=sre&timeline=table&public=1&authors=1&replace=db-prod-3.internal=the database&replace=10.0.0.7 = an internal host");
    expect(result).toEqual({
      success: true,
      data: {
        frontMatter: "hugo",
        template: "sre",
        timeline: "table",
        isPublic: true,
        includeAuthors: true,
        replacements: [
          { from: "db-prod-3.internal", to: "the database" },
          { from: "10.0.0.7", to: "an internal host" },
        ],
      },
    });
  });

  it("is lenient where it costs nothing: case, blanks, flag spellings, unknown parameters", () => {
    expect(fromQuery("format=Jekyll&template=&timeline=%20TABLE%20&_=12345").data).toMatchObject({ frontMatter: "jekyll", template: "blog", timeline: "table" });
    for (const [value, expected] of [["1", true], ["true", true], ["yes", true], ["", true], ["0", false], ["false", false], ["off", false]] as const) {
      expect(fromQuery(`public=${value}`).data?.isPublic).toBe(expected);
    }
    expect(fromQuery("replace=a=b=c").data?.replacements).toEqual([{ from: "a", to: "b=c" }]);
    expect(fromQuery("replace=secret=").data?.replacements).toEqual([{ from: "secret", to: "" }]);
  });

  it("takes the CLI's booleans and a single replacement string", () => {
    expect(exportQuerySchema.parse({ public: true, authors: false, replace: "x=y" })).toMatchObject({
      isPublic: true,
      includeAuthors: false,
      replacements: [{ from: "x", to: "y" }],
    });
  });

  it("names each bad parameter and what it takes", () => {
    const result = fromQuery("format=word&template=long&timeline=chart&public=maybe&replace=no-equals-sign&replace==empty");
    expect(result.success).toBe(false);
    expect(fieldErrorsOf(result.error!)).toEqual({
      format: ["Must be one of: jekyll, hugo, none"],
      template: ["Must be one of: blog, sre, short"],
      timeline: ["Must be one of: list, table"],
      public: ["Must be 1 or 0 (or true, false)"],
      "replace.0": ["Write a replacement as TERM=REPLACEMENT, e.g. db-prod-3.internal=the database"],
      "replace.1": ["Write a replacement as TERM=REPLACEMENT, e.g. db-prod-3.internal=the database"],
    });
  });

  it("refuses too many or too long replacements", () => {
    const many = new URLSearchParams(Array.from({ length: 101 }, (_, i) => ["replace", `t${i}=x`]));
    expect(fieldErrorsOf(exportQuerySchema.safeParse(exportQueryOf(many)).error!)).toEqual({ replace: ["At most 100 replacements"] });
    expect(fromQuery(`replace=${"a".repeat(700)}=b`).success).toBe(false);
  });

  it("never throws, whatever the query string", () => {
    fc.assert(
      fc.property(fc.string(), (query) => {
        const result = fromQuery(query);
        if (!result.success) expect(Object.keys(fieldErrorsOf(result.error)).length).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom("format", "template", "timeline", "public", "authors", "replace", "x"), fc.anything()), (input) => {
        expect(() => exportQuerySchema.safeParse(input)).not.toThrow();
      }),
      { numRuns: 500 },
    );
  });
});
