/**
 * Section orders. Every template shows the summary, the metrics line, impact,
 * root cause and corrective actions.
 * - `blog` (like a company blog post): summary, metrics, impact, timeline,
 *   root cause, contributing factors, corrective actions, lessons, then every
 *   extra section.
 * - `sre` (the Google SRE book's order): summary, impact, root causes,
 *   trigger, resolution, detection, action items, lessons learned, timeline,
 *   then contributing factors and extra sections. Resolution and Detection
 *   repeat the timeline's mitigated/resolved and detected/alert events.
 * - `short` leaves out the timeline (its metrics stay), contributing factors,
 *   lessons and extra sections: summary, metrics, impact, root cause, actions.
 */
import type { PostmortemDocument } from "@/lib/schemas/postmortem";
import { section } from "./blocks";
import { renderActions } from "./actions";
import { markdownBlock } from "./escape";
import type { ExportOptions, ExportTemplate } from "./options";
import {
  renderExtraSections,
  renderFactors,
  renderImpact,
  renderLessons,
  renderMetrics,
  renderRootCause,
  renderWhys,
} from "./sections";
import { renderEventsOfKinds, renderTimeline } from "./timeline";

type Template = (doc: PostmortemDocument, options: ExportOptions) => string[];

const blog: Template = (doc, options) => [
  markdownBlock(doc.summary),
  renderMetrics(doc),
  ...renderImpact(doc),
  ...renderTimeline(doc, options.timeline),
  ...renderRootCause(doc),
  ...renderFactors(doc),
  ...renderActions(doc),
  ...renderLessons(doc),
  ...renderExtraSections(doc),
];

const sre: Template = (doc, options) => [
  ...section(2, "Summary", [markdownBlock(doc.summary), renderMetrics(doc)]),
  ...renderImpact(doc),
  ...section(2, "Root causes", [markdownBlock(doc.rootCause.narrative), ...renderWhys(doc.rootCause.whys, 3)]),
  ...section(2, "Trigger", [markdownBlock(doc.rootCause.trigger)]),
  ...renderEventsOfKinds(doc, "Resolution", ["mitigated", "resolved"]),
  ...renderEventsOfKinds(doc, "Detection", ["detected", "alert"]),
  ...renderActions(doc, "Action items"),
  ...renderLessons(doc),
  ...renderTimeline(doc, options.timeline),
  ...renderFactors(doc),
  ...renderExtraSections(doc),
];

const short: Template = (doc) => [
  markdownBlock(doc.summary),
  renderMetrics(doc),
  ...renderImpact(doc),
  ...renderRootCause(doc),
  ...renderActions(doc),
];

export const TEMPLATES: Record<ExportTemplate, Template> = { blog, sre, short };
