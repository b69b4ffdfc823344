/** For any valid document and any options, the export never throws, holds the title, and front matter stays valid YAML. */
import fc from "fast-check";
import type { Heading, Root } from "mdast";
import { toString } from "mdast-util-to-string";
import remarkFrontmatter from "remark-frontmatter";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { parse as parseYaml } from "yaml";
import { describe, expect, it } from "vitest";
import { ACTION_PRIORITIES, ACTION_STATUSES, ACTION_TYPES, EVENT_KINDS, FACTOR_CATEGORIES, SEVERITIES, STATUSES } from "@/lib/domain/postmortem";
import type { PostmortemDocument } from "@/lib/schemas/postmortem";
import { applyReplacements, renderMarkdown } from "./index";
import { EXPORT_TEMPLATES, FRONT_MATTER_FORMATS, TIMELINE_STYLES, type ExportOptions } from "./options";
import { documentFrom } from "./test-document";

const parse = (markdown: string) => unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ["yaml"]).parse(markdown) as Root;

/** Markdown's special characters and shapes, ordinary words, and any other character (NUL aside: Markdown turns it into U+FFFD). */
const SPECIALS = ["*", "_", "`", "```", "[", "]", "(", ")", "<", ">", "#", "|", "~", "\\", "&amp;", "-", "+", "1.", ":", "---", "{{", "%}", "\n", "\n\n", " ", "word", "www.x.io", "é", "’"];

/** Documents whose texts are made of `unit`s. */
function documentsOf(unit: fc.Arbitrary<string>): fc.Arbitrary<PostmortemDocument> {
  const text = (maxLength = 30) => fc.string({ unit, maxLength });
  const nonBlank = text().filter((t) => t.trim() !== "");
  const label = fc.string({ unit, minLength: 1, maxLength: 12 }).map((t) => t.trim()).filter((t) => t !== "" && t.length <= 100);
  const day = fc.date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2039-12-31T00:00:00Z"), noInvalidDate: true }).map((d) => d.toISOString());
  const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });
  const url = maybe(fc.constantFrom("https://example.com/a_b", "https://e.com/a b", "https://e.com/x|y", "http://e.com/(p)", "https://e.com/<x>"));
  const figure = maybe(fc.double({ min: 0, max: 100, noNaN: true }));

  return fc
    .record({
      title: nonBlank,
      summary: text(),
      severity: fc.constantFrom(null, ...SEVERITIES),
      status: fc.constantFrom(...STATUSES),
      timezone: fc.constantFrom(null, "UTC", "Europe/Berlin", "America/Los_Angeles", "Asia/Kolkata"),
      incidentDate: maybe(day.map((d) => d.slice(0, 10))),
      services: fc.uniqueArray(label, { maxLength: 3 }),
      tags: fc.uniqueArray(label, { maxLength: 3 }),
      authors: fc.uniqueArray(label, { maxLength: 3 }),
      impact: text(),
      impactFigures: fc.record({ usersAffected: figure, errorRate: figure, durationMinutes: figure, requestsFailed: figure, revenueLost: figure }),
      timeline: fc.array(
        fc.record({ at: maybe(fc.oneof(day, day.map((d) => d.slice(0, 19)))), kind: fc.constantFrom(...EVENT_KINDS), text: nonBlank, link: url }),
        { maxLength: 6 },
      ),
      rootCause: fc.record({ trigger: text(), narrative: text(), whys: fc.array(nonBlank, { maxLength: 3 }) }),
      contributingFactors: fc.array(fc.record({ category: fc.constantFrom(...FACTOR_CATEGORIES), text: nonBlank }), { maxLength: 3 }),
      correctiveActions: fc.array(
        fc.record({
          title: nonBlank,
          description: text(),
          type: fc.constantFrom(null, ...ACTION_TYPES),
          priority: fc.constantFrom(null, ...ACTION_PRIORITIES),
          owner: maybe(nonBlank),
          dueDate: maybe(day.map((d) => d.slice(0, 10))),
          status: fc.constantFrom(...ACTION_STATUSES),
          url,
        }),
        { maxLength: 3 },
      ),
      lessons: fc.record({ wentWell: text(), wentWrong: text(), lucky: text() }),
      sections: fc.array(fc.record({ title: nonBlank, body: text(), internal: fc.boolean() }), { maxLength: 3 }),
    })
    .map(documentFrom);
}

const anyCharacter = fc.string({ unit: "grapheme", minLength: 1, maxLength: 1 }).filter((c) => c !== "\0");
const unit = fc.oneof(fc.constantFrom(...SPECIALS), anyCharacter);
const documents = documentsOf(unit);
// An unclosed HTML comment in the user's Markdown would hide what follows on any blog; not the export's to repair.
const documentsWithoutHtml = documentsOf(fc.oneof(fc.constantFrom(...SPECIALS.filter((s) => s !== "<")), anyCharacter.filter((c) => c !== "<")));

const options: fc.Arbitrary<ExportOptions> = fc.record({
  frontMatter: fc.constantFrom(...FRONT_MATTER_FORMATS),
  template: fc.constantFrom(...EXPORT_TEMPLATES),
  timeline: fc.constantFrom(...TIMELINE_STYLES),
  isPublic: fc.boolean(),
  includeAuthors: fc.boolean(),
  replacements: fc.array(fc.record({ from: fc.string({ unit, minLength: 1, maxLength: 3 }), to: fc.string({ unit: anyCharacter, maxLength: 5 }) }), { maxLength: 2 }),
});

/** A title as a heading reads it: line breaks become one space, spaces and tabs at the ends go. */
const asHeading = (title: string) => title.replace(/\r\n?/g, "\n").replace(/[ \t]*\n[ \t\n]*/g, " ").replace(/^[ \t]+|[ \t]+$/g, "");

describe("renderMarkdown, for any valid document and options", () => {
  it("never throws, and always holds the title: in the front matter, or as the H1", () => {
    fc.assert(
      fc.property(documents, options, (doc, opts) => {
        const markdown = renderMarkdown(doc, opts);
        const title = opts.isPublic ? applyReplacements(doc.title, opts.replacements) : doc.title;
        const tree = parse(markdown);
        if (opts.frontMatter === "none") {
          expect(tree.children[0].type).toBe("heading");
          expect((tree.children[0] as Heading).depth).toBe(1);
          expect(toString(tree.children[0])).toBe(asHeading(title));
        } else {
          expect(tree.children[0].type).toBe("yaml");
          const frontMatter = parseYaml((tree.children[0] as { value: string }).value);
          expect(frontMatter.title).toBe(title);
          expect(frontMatter.slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
        }
        expect(markdown.endsWith("\n")).toBe(true);
        expect(markdown).not.toMatch(/undefined|\[object Object\]|NaN/);
      }),
      { numRuns: 150 },
    );
  });

  it("gives every visible extra section its heading, whatever the Markdown around it", () => {
    fc.assert(
      fc.property(documentsWithoutHtml, options, (doc, opts) => {
        fc.pre(opts.template !== "short" && !opts.replacements.some((r) => r.to.includes("<")));
        const shown = opts.isPublic ? doc.sections.filter((section) => !section.internal) : doc.sections;
        const replace = (t: string) => (opts.isPublic ? applyReplacements(t, opts.replacements) : t);
        const headings = parse(renderMarkdown(doc, opts))
          .children.filter((node): node is Heading => node.type === "heading" && node.depth === 2)
          .map((node) => toString(node));
        for (const section of shown) expect(headings).toContain(asHeading(replace(section.title)));
      }),
      { numRuns: 150 },
    );
  });
});
