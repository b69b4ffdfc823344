/**
 * The last steps of an import: sections that only repeat timeline events
 * dropped, the metrics line checked, the incident date settled, the title
 * found, and the document checked against the exchange schema.
 */
import { DateTime } from "luxon";
import { postmortemInputSchema, type PostmortemInput } from "@/lib/schemas/postmortem";
import { settleMetricsLines } from "./metrics-lines";
import { fitLimits, splitText } from "./fit-limits";
import { addSection, emptyDraft, type ImportState } from "./state";
import { addTimelineEvents } from "./timeline-events";
import { fallBackTitle, UNTITLED } from "./title";
import { readFileName } from "./dates";

/** Drops "Detection" / "Resolution" sections whose events all stand in the timeline (the SRE export writes them twice). */
export function settleRepeatSections(state: ImportState): void {
  const firstTimed = state.draft.timeline.find((event) => event.at);
  const firstDay = firstTimed ? DateTime.fromISO(firstTimed.at!, { setZone: true }).toISODate() : null;
  // Texts compare with their spacing folded: a table joins an event's lines with spaces.
  const key = (event: { at: string | null; kind: string; text: string }) => `${event.at}|${event.kind}|${event.text.replace(/\s+/g, " ")}`;
  const seen = new Set(state.draft.timeline.map(key));
  const drop = new Set<number>();
  for (const repeat of state.repeatSections) {
    if (repeat.hasOtherText || repeat.items.length === 0) continue;
    const probe: ImportState = { ...state, warnings: [], day: firstDay, isDayAssumed: true, previousInstant: null, draft: { ...state.draft, timeline: [] } };
    addTimelineEvents(probe, repeat.items);
    if (probe.draft.timeline.every((event) => seen.has(key(event)))) drop.add(repeat.index);
  }
  state.draft.sections = state.draft.sections.filter((_, index) => !drop.has(index));
}

/** The whole ending: repeats, metrics, incident date, unread text, title, limits. Null when the result does not pass the schema. */
export function finish(state: ImportState, options: { fileName?: string; unread: string; unreadLine: number }): PostmortemInput | null {
  settleRepeatSections(state);
  settleMetricsLines(state);
  const { draft } = state;
  draft.incidentDate ??= firstEventDay(state) ?? (options.fileName ? readFileName(options.fileName).date : null);
  if (options.unread.trim()) {
    const pieces = splitText(options.unread);
    pieces.forEach((piece, index) => addSection(state, pieces.length > 1 ? `Unread text (part ${index + 1})` : "Unread text", piece));
    // First: it says more about the result than anything else.
    state.warnings.unshift(
      `Line ${options.unreadLine}: the document is too long to read whole; from here on its text was kept as it is in ${pieces.length} extra section${pieces.length === 1 ? "" : "s"}`,
    );
  }
  fallBackTitle(state, options.fileName);
  fitLimits(state);
  return toInput(state);
}

/** The day of the first timed event, when that day came from the document rather than from today. */
function firstEventDay(state: ImportState): string | null {
  if (state.isDayAssumed) return null;
  const first = state.draft.timeline.find((event) => event.at);
  return first ? DateTime.fromISO(first.at!, { setZone: true }).toISODate() : null;
}

function toInput(state: ImportState): PostmortemInput | null {
  const { slug, ...rest } = state.draft;
  const input: PostmortemInput = { ...rest, ...(slug ? { slug } : {}) };
  const checked = postmortemInputSchema.safeParse(input);
  if (checked.success) return input;
  const issue = checked.error.issues[0];
  state.warnings.push(`Could not keep the structure that was read (${issue.path.join(".") || "document"}: ${issue.message}); the text was kept as it is`);
  return null;
}

/** A document that holds the text as it is, for input the reader could not take apart. */
export function textOnlyDocument(text: string, title: string): PostmortemInput {
  const draft = emptyDraft();
  const pieces = splitText(text).slice(0, 500);
  return {
    title: title.slice(0, 300) || UNTITLED,
    sections: pieces.filter((piece) => piece.trim()).map((body, index) => ({ title: pieces.length > 1 ? `Imported text (part ${index + 1})` : "Imported text", body, internal: false })),
    status: draft.status,
  };
}
