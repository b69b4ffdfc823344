/**
 * Export → import gives back the same postmortem (docs/markdown-layout.md):
 * the full fixture in every format, template and timeline style, and
 * generated documents (fast-check) on the fields the issue names — title,
 * timeline times and texts, factors, actions and their status, lessons,
 * section titles — and the others the layout carries.
 */
import fc from "fast-check";
import { readFileSync } from "node:fs";
import path from "node:path";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { ACTION_PRIORITIES, ACTION_STATUSES, ACTION_TYPES, EVENT_KINDS, FACTOR_CATEGORIES, SEVERITIES, STATUSES } from "@/lib/domain/postmortem";
import { postmortemInputSchema, type PostmortemDocument, type PostmortemDraft, type PostmortemInput } from "@/lib/schemas/postmortem";
import { slugify } from "@/lib/domain/slug";
import { EXPORT_TEMPLATES, FRONT_MATTER_FORMATS, renderMarkdown, TIMELINE_STYLES, type ExportOptions } from "../export";
import { parseMarkdown } from "./parse-markdown";
import { matchHeading } from "./synonyms";

const now = new Date("2026-01-15T12:00:00Z");

function stored(input: PostmortemInput): PostmortemDocument {
  const draft = postmortemInputSchema.parse(input);
  return { ...draft, slug: draft.slug ?? slugify(draft.title), version: 1, createdAt: "2024-03-15T09:30:00.000Z", updatedAt: "2024-03-15T09:30:00.000Z" };
}

function roundTrip(doc: PostmortemDocument, options: Partial<ExportOptions>): { back: PostmortemDraft; warnings: string[]; markdown: string } {
  const markdown = renderMarkdown(doc, options);
  const { document, warnings } = parseMarkdown(markdown, { now });
  return { back: postmortemInputSchema.parse(document), warnings, markdown };
}

/** An event time as the instant it names (or the wall-clock time when it has no offset). */
function instant(at: string | null): string | null {
  if (at === null) return null;
  const hasOffset = /(Z|[+-]\d{2}:?\d{2})$/.test(at);
  return hasOffset ? DateTime.fromISO(at, { setZone: true }).toUTC().toISO() : at;
}

/** The fields a template carries, in comparable form. */
function carried(doc: PostmortemDraft, template: string, timelineStyle: string) {
  const text = (value: string) => (timelineStyle === "table" ? value.replace(/\s+/g, " ").trim() : value);
  const base = {
    title: doc.title,
    slug: doc.slug,
    summary: doc.summary,
    severity: doc.severity,
    status: doc.status,
    timezone: doc.timezone,
    services: doc.services,
    authors: doc.authors,
    impact: doc.impact,
    impactFigures: doc.impactFigures,
    rootCause: doc.rootCause,
    correctiveActions: doc.correctiveActions,
  };
  if (template === "short") return base;
  return {
    ...base,
    tags: doc.tags,
    timeline: doc.timeline.map((event) => ({ ...event, at: instant(event.at), text: text(event.text) })),
    contributingFactors: doc.contributingFactors,
    lessons: doc.lessons,
    sections: doc.sections,
  };
}

describe("export → import: the full fixture", () => {
  const fixture = stored(JSON.parse(readFileSync(path.resolve(__dirname, "../../../../e2e/fixtures/full-postmortem.json"), "utf8")));
  const combinations = FRONT_MATTER_FORMATS.flatMap((frontMatter) =>
    EXPORT_TEMPLATES.flatMap((template) => TIMELINE_STYLES.map((timeline) => ({ frontMatter, template, timeline }))),
  );

  it.each(combinations)("$frontMatter / $template / $timeline gives back every field the template carries", (options) => {
    const { back, warnings } = roundTrip(fixture, options);
    if (options.template !== "short") {
      expect(carried(back, options.template, options.timeline)).toEqual(carried(fixture, options.template, options.timeline));
      expect(back.incidentDate).toBe(fixture.incidentDate);
      expect(warnings.every((warning) => /matched no field; kept as an extra section$/.test(warning))).toBe(true);
    } else {
      // Without the timeline its metrics cannot be checked: they stay in the summary, said so.
      const metrics = "\n\n**Total time to resolution:** 52 minutes\n**Time to detect:** 7 minutes\n**Detection gap:** 32 minutes";
      expect(carried(back, "short", options.timeline)).toEqual({ ...carried(fixture, "short", options.timeline), summary: `${fixture.summary}${metrics}` });
      expect(warnings.some((warning) => /"Total time to resolution: 52 minutes" does not follow from the timeline/.test(warning))).toBe(true);
    }
  });

  it("the public variant gives back all but what it leaves out", () => {
    const { back } = roundTrip(fixture, { isPublic: true });
    expect(back.authors).toEqual([]);
    expect(back.correctiveActions.map((action) => [action.owner, action.url])).toEqual([[null, null], [null, null], [null, null]]);
    expect(back.sections.map((section) => section.title)).toEqual(["Customer communication"]);
    expect(back.timeline).toEqual(fixture.timeline);
    expect(back.contributingFactors).toEqual(fixture.contributingFactors);
  });
});

// Texts made of words and the characters that mean something in Markdown.
const PIECES = ["word", "Deploy", "cache", "*", "_", "`", "[", "]", "(", ")", "<", ">", "#", "|", "~", "\\", "&amp;", "-", "+", "1.", ":", "!", "é", "’", "10:47", "https://example.com/x", " "];
const plain = fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 8 }).map((parts) => parts.join(" ").replace(/\s+/g, " ").trim()).filter((text) => /\p{L}/u.test(text));
// Texts that may run over several lines (an event, a why).
const lines = fc.array(plain, { minLength: 1, maxLength: 3 }).map((parts) => parts.join("\n"));
// Headings of extra sections must not name a field, or they would be read as that field.
const sectionTitle = plain.filter((title) => matchHeading(title, null) === null && matchHeading(title, "lessons") === null);
const BLOCKS = [
  "A paragraph with **bold**, _emphasis_, `code` and a [link](https://example.com/a_b).",
  "Two lines\nin one paragraph.",
  "- one\n- two",
  "1. first\n2. second",
  "```yaml\ncache:\n  ttl: 24h   # no jitter\n```",
  "| Region | Orders |\n|---|---|\n| EU | 1,240 |",
  "> A quote.",
];
const prose = fc.array(fc.constantFrom(...BLOCKS), { maxLength: 3 }).map((blocks) => blocks.join("\n\n"));
const day = fc.integer({ min: 0, max: 365 * 20 }).map((days) => DateTime.fromISO("2010-01-01", { zone: "utc" }).plus({ days }));
const maybe = <T,>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: null });

const documents = fc
  .record({
    timezone: fc.constantFrom(null, "UTC", "Europe/Berlin", "America/Los_Angeles", "Asia/Kolkata"),
    start: day,
    minutes: fc.array(fc.integer({ min: 0, max: 3000 }), { maxLength: 6 }),
    untimed: fc.array(fc.boolean(), { maxLength: 6 }),
  })
  .chain(({ timezone, start, minutes, untimed }) =>
    fc.record({
      title: plain,
      summary: prose,
      severity: fc.constantFrom(null, ...SEVERITIES),
      status: fc.constantFrom(...STATUSES),
      timezone: fc.constant(timezone),
      incidentDate: fc.constant(start.toISODate()),
      services: fc.uniqueArray(fc.constantFrom("checkout-api", "auth", "search"), { maxLength: 2 }),
      tags: fc.uniqueArray(fc.constantFrom("cache", "deploy", "dns"), { maxLength: 2 }),
      authors: fc.uniqueArray(fc.constantFrom("Amara Okafor", "Jonas Weber", "Priya"), { maxLength: 2 }),
      impact: prose,
      timeline: fc.tuple(...[...minutes].sort((a, b) => a - b).map((minute, index) =>
        fc.record({
          at: fc.constant(untimed[index] ? null : formatAt(start.plus({ minutes: minute }), timezone)),
          kind: fc.constantFrom(...EVENT_KINDS),
          text: lines,
          link: maybe(fc.constantFrom("https://example.com/a_b", "https://e.com/x|y", "http://e.com/(p)")),
        }),
      )),
      rootCause: fc.record({ trigger: prose, narrative: prose, whys: fc.array(lines, { maxLength: 3 }) }),
      contributingFactors: fc.array(fc.record({ category: fc.constantFrom(...FACTOR_CATEGORIES), text: fc.oneof(plain, prose.filter(Boolean)) }), { maxLength: 3 }),
      correctiveActions: fc.array(
        fc.record({
          title: plain,
          description: fc.oneof(plain, prose),
          type: fc.constantFrom(null, ...ACTION_TYPES),
          priority: fc.constantFrom(null, ...ACTION_PRIORITIES),
          owner: maybe(fc.constantFrom("Jo", "Amara Okafor", "sre_team")),
          dueDate: maybe(day.map((date) => date.toISODate()!)),
          status: fc.constantFrom(...ACTION_STATUSES),
          url: maybe(fc.constantFrom("https://tracker.example.com/SHOP-1", "https://e.com/a b")),
        }),
        { maxLength: 3 },
      ),
      lessons: fc.record({ wentWell: prose, wentWrong: prose, lucky: prose }),
      sections: fc.array(fc.record({ title: sectionTitle, body: prose, internal: fc.boolean() }), { maxLength: 3 }),
    }),
  )
  .map((input) => stored(input as PostmortemInput));

/** A time as Hindsight stores it: in the zone with its offset, or a wall-clock time without one; minutes only (the export writes HH:mm). */
function formatAt(time: DateTime, timezone: string | null): string {
  return timezone ? time.setZone(timezone, { keepLocalTime: true }).toISO({ suppressMilliseconds: true })! : time.toFormat("yyyy-MM-dd'T'HH:mm:ss");
}

describe("export → import: generated documents", () => {
  const options = fc.record({
    frontMatter: fc.constantFrom(...FRONT_MATTER_FORMATS),
    template: fc.constantFrom("blog" as const, "sre" as const),
    timeline: fc.constantFrom(...TIMELINE_STYLES),
  });

  it("give back every field for every front matter, the blog and sre templates, and both timeline styles", () => {
    fc.assert(
      fc.property(documents, options, (doc, chosen) => {
        const { back, markdown } = roundTrip(doc, chosen);
        expect(carried(back, chosen.template, chosen.timeline), markdown).toEqual(carried(doc, chosen.template, chosen.timeline));
      }),
      { numRuns: Number(process.env.ROUND_TRIP_RUNS ?? 60) },
    );
  }, 120_000);
});
