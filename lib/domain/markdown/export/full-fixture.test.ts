/** The complete fixture (every field filled) exports with every field's text, in every format and template but `short`. */
import { describe, expect, it } from "vitest";
import fixture from "@/e2e/fixtures/full-postmortem.json";
import { formatFigure } from "@/lib/domain/figures";
import { ACTION_STATUS_LABELS, EVENT_KIND_LABELS, FACTOR_CATEGORY_LABELS, IMPACT_FIGURE_KEYS, IMPACT_FIGURE_LABELS } from "@/lib/domain/postmortem";
import type { PostmortemDocument, PostmortemInput } from "@/lib/schemas/postmortem";
import { INTERNAL_SECTION_MARKER, renderMarkdown } from "./index";
import { FRONT_MATTER_FORMATS, TIMELINE_STYLES, type ExportOptions, type TimelineStyle } from "./options";
import { documentFrom } from "./test-document";

const doc = documentFrom(fixture as PostmortemInput);

/** Every field's text as the export writes it (the fixture's plain texts need no escaping). */
function fieldTexts(d: PostmortemDocument, timeline: TimelineStyle = "list"): string[] {
  const eventText = (kind: string, text: string) => (timeline === "list" ? `_(${kind})_ ${text}` : `| ${kind} | ${text}`);
  return [
    d.title,
    d.summary,
    d.severity ?? "",
    d.status,
    d.timezone ?? "",
    d.incidentDate ?? "",
    d.slug,
    ...d.services,
    ...d.tags,
    ...d.authors,
    d.impact,
    ...IMPACT_FIGURE_KEYS.map((key) => `**${IMPACT_FIGURE_LABELS[key]}:** ${formatFigure(key, d.impactFigures[key] as number)}`),
    ...d.timeline.flatMap((event) => [eventText(EVENT_KIND_LABELS[event.kind], event.text), event.link ?? ""]),
    "23:40", "00:05", "00:12", "00:15", "00:41", "00:57",
    d.rootCause.trigger,
    d.rootCause.narrative,
    ...d.rootCause.whys,
    ...d.contributingFactors.map((factor) => `**${FACTOR_CATEGORY_LABELS[factor.category]}:** ${factor.text}`),
    ...d.correctiveActions.flatMap((action) => [
      `**${action.title}**`,
      action.description,
      action.type ? `type: ${action.type}` : "",
      action.priority ? `priority: ${action.priority}` : "",
      action.owner ? `owner: ${action.owner}` : "",
      action.dueDate ? `due: ${action.dueDate}` : "",
      `status: ${ACTION_STATUS_LABELS[action.status].toLowerCase()}`,
      action.url ?? "",
    ]),
    d.lessons.wentWell,
    d.lessons.wentWrong,
    d.lessons.lucky,
    ...d.sections.flatMap((section) => [`## ${section.title}`, section.body]),
  ].filter(Boolean);
}

const combinations = FRONT_MATTER_FORMATS.flatMap((frontMatter) =>
  (["blog", "sre"] as const).flatMap((template) => TIMELINE_STYLES.map((timeline): Partial<ExportOptions> => ({ frontMatter, template, timeline }))),
);

describe("the full fixture", () => {
  it("fills every field, so this test sees them all", () => {
    expect(fieldTexts(doc).length).toBeGreaterThan(60);
    expect(doc.sections.some((section) => section.internal)).toBe(true);
  });

  it.each(combinations.map((options) => [JSON.stringify(options), options] as const))("%s: every field's text is there", (_name, options) => {
    const markdown = renderMarkdown(doc, options);
    const missing = fieldTexts(doc, options.timeline).filter((text) => !markdown.includes(text));
    expect(missing).toEqual([]);
  });

  it("short leaves out the timeline, factors, lessons and extra sections, and keeps the rest", () => {
    const markdown = renderMarkdown(doc, { template: "short" });
    for (const text of [doc.summary, doc.impact, doc.rootCause.narrative, doc.rootCause.trigger, ...doc.rootCause.whys, ...doc.correctiveActions.map((a) => a.title)]) {
      expect(markdown).toContain(text);
    }
    expect(markdown).toContain("**Total time to resolution:** 52 minutes");
    for (const text of [doc.timeline[0].text, doc.contributingFactors[0].text, doc.lessons.lucky, doc.sections[0].title]) {
      expect(markdown).not.toContain(text);
    }
  });

  it("marks the internal section, so that reading it back keeps the flag", () => {
    expect(renderMarkdown(doc)).toContain(`## Internal notes\n\n${INTERNAL_SECTION_MARKER}\n\nThe cache cluster's host names are in the runbook.`);
    expect(renderMarkdown(doc)).toContain("## Customer communication\n\nA status page update");
  });

  it("writes the metrics line from the timeline", () => {
    expect(renderMarkdown(doc)).toContain("**Total time to resolution:** 52 minutes\n**Time to detect:** 7 minutes · **Detection gap:** 32 minutes\n");
  });
});
