/**
 * Hostile and broken input never throws: the reader answers with a document
 * the exchange schema accepts, and with warnings that say what went wrong.
 * Only binary data is refused, with an AppError the API answers as a 400.
 */
import fc from "fast-check";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/domain/errors";
import { postmortemInputSchema } from "@/lib/schemas/postmortem";
import { parseMarkdown, type ParseResult } from "./parse-markdown";
import { allStrings } from "./test-support";

const now = new Date("2026-01-15T12:00:00Z");

function parseValid(text: string, fileName?: string): ParseResult {
  const result = parseMarkdown(text, { fileName, now });
  const checked = postmortemInputSchema.safeParse(result.document);
  expect(checked.error, JSON.stringify(checked.error?.issues.slice(0, 3))).toBeUndefined();
  return result;
}

describe("hostile input", () => {
  it("binary junk is refused as not text, with a reason, rather than imported as garbage", () => {
    const bytes = Uint8Array.from({ length: 64 * 1024 }, (_, index) => (index * 7919 + 13) % 256);
    const refusal = (text: string) => {
      try {
        parseMarkdown(text, { now });
      } catch (error) {
        return error;
      }
      return null;
    };
    expect(refusal(new TextDecoder().decode(bytes))).toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(/^This file is not text: it contains NUL bytes/) });
    // No NUL, but mostly bytes that are not UTF-8 (a zip, an image).
    const noNul = bytes.filter((byte) => byte !== 0);
    const error = refusal(new TextDecoder().decode(noNul));
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).message).toMatch(/^This file is not text: \d+% of its first characters are not UTF-8 text/);
  });

  it("a few control characters in a text: removed and said so, the rest kept", () => {
    const { document, warnings } = parseValid("# Outage\u0007\n\nThe cache\u001b expired at 10:47.\u0008\n");
    expect(warnings).toContain("Removed 3 control characters that cannot be part of a text");
    expect(document.summary).toBe("The cache expired at 10:47.");
  });

  it("a 5 MB file: the first part read as Markdown, the rest kept as text, in bounded time", () => {
    const unit = "## Timeline\n\n- 10:47 Deploy starts\n- 10:52 Alert fires\n\n## Notes\n\nA paragraph of notes that goes on for a while. ";
    const text = `${unit.repeat(Math.ceil((5 * 1024 * 1024) / unit.length))}\n\nThe very last sentence of the file.\n`;
    const started = Date.now();
    const { document, warnings } = parseValid(text);
    expect(Date.now() - started).toBeLessThan(60_000);
    expect(warnings[0]).toMatch(/^Line \d+: the document is too long to read whole; from here on its text was kept as it is in \d+ extra sections$/);
    // Thousands of "Notes" sections: said once with a count, not thousands of times.
    expect(warnings.length).toBeLessThan(20);
    expect(warnings.some((warning) => /^…and \d+ more times: heading "Notes" matched no field/.test(warning))).toBe(true);
    const kept = allStrings(document);
    expect(kept).toContain("The very last sentence of the file.");
    expect(kept.length).toBeGreaterThan(text.length * 0.8);
  }, 90_000);

  it("an unclosed code fence: everything after it is code, with a warning naming its line", () => {
    const { document, warnings } = parseValid("# Outage\n\n## Root cause\n\n```js\nconst x = 1;\n\n## Timeline\n- 10:47 deploy\n");
    expect(warnings).toContain("Line 5: this code block is never closed: everything after it was read as code");
    expect(document.rootCause?.narrative).toContain("## Timeline\n- 10:47 deploy");
  });

  it("200-deep nested lists", () => {
    const nested = Array.from({ length: 200 }, (_, depth) => `${"  ".repeat(depth)}- level ${depth}`).join("\n");
    const { document, warnings } = parseValid(`# Deep\n\n## Timeline\n\n${nested}\n\n## Follow-up\n\n${nested}\n`);
    expect(warnings[0]).toMatch(/^Line \d+: lists nested 200 levels deep: their text is kept/);
    expect(document.timeline).toHaveLength(1);
    expect(document.timeline![0].text).toContain("level 199");
    expect(document.correctiveActions).toHaveLength(1);
  });

  it("front matter that is not YAML: a warning, and the raw text kept in an internal section", () => {
    const { document, warnings } = parseValid("---\ntitle: [unclosed\n  : : bad\n---\n\n# Real title\n\nBody text.\n");
    expect(warnings.some((warning) => /^Line 1: the front matter is not valid YAML \(.+\); kept as the internal section "Front matter"$/.test(warning))).toBe(true);
    expect(document.title).toBe("Real title");
    expect(document.sections).toEqual([{ title: "Front matter", body: "```yaml\ntitle: [unclosed\n  : : bad\n```", internal: true }]);
  });

  it("front matter that is YAML but not keys and values", () => {
    const { warnings } = parseValid("---\n- just\n- a list\n---\n\nText.\n");
    expect(warnings[0]).toMatch(/not valid YAML \(it is not a list of keys and values\)/);
  });

  it("empty input and whitespace: an untitled document, said so", () => {
    for (const text of ["", "   \n\n\t "]) {
      const { document, warnings } = parseValid(text);
      expect(document.title).toBe("Untitled postmortem");
      expect(warnings).toContain("The document is empty");
    }
    expect(parseValid("", "2024-02-10-search-empty.md").document).toMatchObject({ title: "Search empty", incidentDate: "2024-02-10" });
  });

  it("only front matter", () => {
    const { document, warnings } = parseValid("---\ntitle: Just a title\nseverity: SEV2\n---\n");
    expect(document).toMatchObject({ title: "Just a title", severity: "SEV2" });
    expect(warnings).toContain("Nothing follows the front matter: the document has no text");
  });

  it("a title longer than the limit is shortened, and kept whole in the summary", () => {
    const long = `# ${"Very long title ".repeat(40).trim()}\n\nText.`;
    const { document, warnings } = parseValid(long);
    expect(document.title!.length).toBeLessThanOrEqual(300);
    expect(document.summary).toContain("Very long title ".repeat(40).trim());
    expect(warnings.some((warning) => warning.startsWith("The title is longer than 300 characters"))).toBe(true);
  });

  it("thousands of timeline lines beyond the limit go to a section, not away", () => {
    const lines = Array.from({ length: 10_050 }, (_, index) => `- ${String(Math.floor(index / 60) % 24).padStart(2, "0")}:${String(index % 60).padStart(2, "0")} event ${index}`);
    const { document, warnings } = parseValid(`# Many\n\nDate: 2024-01-01\n\n## Timeline\n\n${lines.join("\n")}\n`);
    expect(document.timeline).toHaveLength(10_000);
    expect(warnings.some((warning) => warning.startsWith("Timeline: more than 10000 entries"))).toBe(true);
    expect(allStrings(document.sections)).toContain("event 10049");
  }, 60_000);
});

describe("time grows with the text, not faster (issue 16: 1 MB of timeline lines took 10 s)", () => {
  /** Best of three CPU times, in ms, of reading a text. */
  const cost = (text: string) => {
    const times = [0, 1, 2].map(() => {
      const started = process.cpuUsage();
      parseMarkdown(text, { now });
      const used = process.cpuUsage(started);
      return (used.user + used.system) / 1000;
    });
    return Math.min(...times);
  };
  const fill = (unit: string, size: number, head = "") => head + unit.repeat(Math.ceil(size / unit.length));
  const shapes: Record<string, (size: number) => string> = {
    "timeline lines '- 10:47 - '": (size) => fill("- 10:47 - \n", size, "# Outage\n\nDate: 2024-03-14\n\n## Timeline\n\n"),
    "plain-text timeline lines with narrative": (size) => fill("April 3rd, 23:40 - Cache node restarted\nIt came back slowly.\n\n", size, "Outage\n\nTimeline\n\n"),
    "chat log lines in a paragraph": (size) => fill("10:47 **alice**: deploying the _new_ build\n", size, "# Outage\n\n## Timeline\n\n"),
    "runs of emphasis marks": (size) => fill(`${"*_".repeat(50)}text${"_*".repeat(10)}\n`, size),
  };

  it.each(Object.keys(shapes))("%s: four times the text costs well under sixteen times the time", (name) => {
    const make = shapes[name];
    cost(make(5_000));
    const small = cost(make(20_000));
    const large = cost(make(80_000));
    // Linear is 4×; the square of the size, what these shapes cost before, 16×. A floor absorbs timer noise on tiny runs.
    expect(large).toBeLessThan(8 * Math.max(small, 20));
  }, 120_000);
});

describe("properties", () => {
  it("never throws on any text, and always gives a valid document", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 400 }), (text) => {
        parseValid(text);
      }),
      { numRuns: 150 },
    );
  }, 60_000);

  it("never throws on Markdown-like documents built from the shapes it reads", () => {
    const line = fc.oneof(
      fc.constantFrom("# Title", "## Timeline", "## Action items", "### 08:52 PM", "### Thu, 14 Mar 2024", "---", "```", "| Time | Event |", "|---|---|", "All times in CET.", "Date: 2024-03-14", "- [x] done thing (owner: Jo)", "**10:47 AM**", "13:55 PM broken", "> quote", "1) Heading"),
      fc.string({ maxLength: 40 }).map((text) => `- 10:47 ${text}`),
      fc.string({ maxLength: 40 }).map((text) => `| 2023-06-13 09:12 | ${text} |`),
      fc.string({ maxLength: 60 }),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), fc.option(fc.string({ maxLength: 30 }), { nil: undefined }), (lines, fileName) => {
        parseValid(lines.join("\n"), fileName);
      }),
      { numRuns: 150 },
    );
  }, 60_000);

  const example = path.resolve(__dirname, "../../../../../shared/examples/001_dcfdd56ea97a1954.txt");
  it.skipIf(!existsSync(example))("never throws when an example is cut anywhere", () => {
    const text = readFileSync(example, "utf8");
    fc.assert(
      fc.property(fc.nat(text.length), fc.nat(text.length), (a, b) => {
        parseValid(text.slice(Math.min(a, b), Math.max(a, b)));
      }),
      { numRuns: 60 },
    );
  }, 60_000);
});
