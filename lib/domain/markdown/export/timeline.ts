/**
 * The timeline, in the postmortem's zone: a list under a date heading
 * whenever the day changes, or a table with the date in the Time cell when
 * the day changes. Times and dates come from lib/domain/time.
 */
import type { PostmortemDocument, TimelineEvent } from "@/lib/schemas/postmortem";
import { EVENT_KIND_LABELS, type EventKind } from "@/lib/domain/postmortem";
import { labelEventTimes, type TimelineLabel } from "@/lib/domain/time";
import { heading, section } from "./blocks";
import { inlineText, link, multilineText } from "./escape";
import type { TimelineStyle } from "./options";

const NO_TIME = "—";

/** " [link](…)"; in a table cell, a pipe in the URL is percent-encoded (GFM splits cells before reading links). */
function eventLink(event: TimelineEvent, isInTable = false): string {
  if (!event.link) return "";
  return ` ${link("link", isInTable ? event.link.replace(/\|/g, "%7C") : event.link)}`;
}

/** "- **00:05** _(Impact start)_ All cache entries expire… [link](…)" */
function listItem(event: TimelineEvent, time: string | null): string {
  return `- **${time ?? NO_TIME}** _(${EVENT_KIND_LABELS[event.kind]})_ ${multilineText(event.text, { indent: "  " })}${eventLink(event)}`;
}

function asList(events: TimelineEvent[], labels: TimelineLabel[]): string[] {
  const blocks: string[] = [];
  let items: string[] = [];
  events.forEach((event, index) => {
    const { dateLabel, timeLabel } = labels[index];
    if (dateLabel) {
      if (items.length) blocks.push(items.join("\n"));
      blocks.push(heading(3, dateLabel));
      items = [];
    }
    items.push(listItem(event, timeLabel));
  });
  if (items.length) blocks.push(items.join("\n"));
  return blocks;
}

function asTable(events: TimelineEvent[], labels: TimelineLabel[]): string {
  const rows = events.map((event, index) => {
    const { dateLabel, timeLabel } = labels[index];
    const time = timeLabel ? (dateLabel ? `${dateLabel} ${timeLabel}` : timeLabel) : NO_TIME;
    const text = `${inlineText(event.text)}${eventLink(event, true)}`;
    return `| ${time} | ${EVENT_KIND_LABELS[event.kind]} | ${text} |`;
  });
  return ["| Time | Kind | Event |", "|---|---|---|", ...rows].join("\n");
}

/** The "## Timeline" section (nothing when there are no events). */
export function renderTimeline(doc: PostmortemDocument, style: TimelineStyle): string[] {
  if (doc.timeline.length === 0) return [];
  const labels = labelEventTimes(
    doc.timeline.map((event) => event.at),
    doc.timezone,
  );
  const zone = doc.timezone ? `All times ${inlineText(doc.timezone)}.` : "";
  const body = style === "table" ? [asTable(doc.timeline, labels)] : asList(doc.timeline, labels);
  return section(2, "Timeline", [zone, ...body]);
}

/**
 * A section repeating the timeline's events of some kinds ("Detection":
 * detected and alert; "Resolution": mitigated and resolved), as the SRE
 * template has them. The date is written with the time when the timeline
 * spans several days.
 */
export function renderEventsOfKinds(doc: PostmortemDocument, title: string, kinds: EventKind[]): string[] {
  const labels = labelEventTimes(
    doc.timeline.map((event) => event.at),
    doc.timezone,
  );
  const isMultiDay = labels.filter((label) => label.dateLabel).length > 1;
  let day: string | null = null;
  const items: string[] = [];
  doc.timeline.forEach((event, index) => {
    const { dateLabel, timeLabel } = labels[index];
    day = dateLabel ?? day;
    if (!kinds.includes(event.kind)) return;
    items.push(listItem(event, timeLabel && isMultiDay ? `${day} ${timeLabel}` : timeLabel));
  });
  return section(2, title, [items.join("\n")]);
}
