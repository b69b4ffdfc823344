/** The sections of an exported postmortem, each as Markdown blocks (see docs/markdown-layout.md). */
import type { PostmortemDocument } from "@/lib/schemas/postmortem";
import { computeMetrics, METRIC_LABELS, type IncidentMetrics } from "@/lib/domain/metrics";
import { formatDuration, formatFigure } from "@/lib/domain/figures";
import { FACTOR_CATEGORY_LABELS, IMPACT_FIGURE_KEYS, IMPACT_FIGURE_LABELS } from "@/lib/domain/postmortem";
import { heading, joinItems, markdownItem, section } from "./blocks";
import { inlineText, markdownBlock, multilineText } from "./escape";

/** "# Title" and the fields a blog engine would otherwise read from front matter (front matter `none`). */
export function renderTitleBlock(doc: PostmortemDocument): string[] {
  const join = (values: string[]) => values.map(inlineText).join(", ");
  const fields: [string, string | null][] = [
    ["Date", doc.incidentDate],
    ["Severity", doc.severity],
    ["Status", doc.status],
    ["Time zone", doc.timezone ? inlineText(doc.timezone) : null],
    ["Services", doc.services.length ? join(doc.services) : null],
    ["Tags", doc.tags.length ? join(doc.tags) : null],
    ["Authors", doc.authors.length ? join(doc.authors) : null],
    ["Slug", doc.slug],
  ];
  const list = fields.filter(([, value]) => value).map(([label, value]) => `- **${label}:** ${value}`);
  return [heading(1, doc.title), list.join("\n")];
}

/**
 * "**Total time to resolution:** 1 hour, 25 minutes", then time to detect and
 * the detection gap on a second line: only those the timeline gives.
 */
export function renderMetrics(doc: PostmortemDocument): string {
  const metrics = computeMetrics(doc.timeline);
  const part = (key: keyof IncidentMetrics) => {
    const minutes = metrics[key];
    return minutes === null ? null : `**${METRIC_LABELS[key]}:** ${formatDuration(minutes)}`;
  };
  // The gap adds something only when the first sign came before the impact started (a trigger, a warning).
  const gap = metrics.detectionGap !== metrics.timeToDetect ? part("detectionGap") : null;
  const second = [part("timeToDetect"), gap].filter(Boolean).join(" · ");
  return [part("timeToResolve"), second].filter(Boolean).join("\n");
}

export function renderImpact(doc: PostmortemDocument): string[] {
  const figures = IMPACT_FIGURE_KEYS.flatMap((key) => {
    const value = doc.impactFigures[key];
    return value === null ? [] : [`- **${IMPACT_FIGURE_LABELS[key]}:** ${formatFigure(key, value)}`];
  });
  return section(2, "Impact", [figures.join("\n"), markdownBlock(doc.impact)]);
}

/** The "5 whys" as an ordered list. */
export function renderWhys(whys: string[], level: number): string[] {
  const items = whys.map((why, index) => {
    const marker = `${index + 1}. `;
    return `${marker}${multilineText(why, { indent: " ".repeat(marker.length), isBlockStart: true })}`;
  });
  return section(level, "Five whys", [items.join("\n")]);
}

/** Root cause as the blog and short templates write it: the narrative, then the trigger and the whys beneath. */
export function renderRootCause(doc: PostmortemDocument): string[] {
  const { narrative, trigger, whys } = doc.rootCause;
  const blocks = [markdownBlock(narrative), ...section(3, "Trigger", [markdownBlock(trigger)]), ...renderWhys(whys, 3)];
  return section(2, "Root cause", blocks);
}

export function renderFactors(doc: PostmortemDocument): string[] {
  const items = doc.contributingFactors.map((factor) => markdownItem(`**${FACTOR_CATEGORY_LABELS[factor.category]}:**`, factor.text));
  return section(2, "Contributing factors", [joinItems(items)]);
}

export function renderLessons(doc: PostmortemDocument, title = "Lessons learned"): string[] {
  const { wentWell, wentWrong, lucky } = doc.lessons;
  return section(2, title, [
    ...section(3, "What went well", [markdownBlock(wentWell)]),
    ...section(3, "What went wrong", [markdownBlock(wentWrong)]),
    ...section(3, "Where we got lucky", [markdownBlock(lucky)]),
  ]);
}

/** The first paragraph of a section marked internal (only the non-public export has such sections). */
export const INTERNAL_SECTION_MARKER = "_(internal: left out of public exports)_";

/** Every extra section, in order, under its own title (kept even when its body is empty); internal ones say so. */
export function renderExtraSections(doc: PostmortemDocument): string[] {
  return doc.sections.flatMap((extra) =>
    section(2, extra.title, [extra.internal ? INTERNAL_SECTION_MARKER : "", markdownBlock(extra.body)], true),
  );
}
