/** What an import collects while it reads: the document so far, the warnings, and what it knows of time. */
import type { RootContent } from "mdast";
import type {
  ContributingFactor,
  CorrectiveAction,
  ImpactFigures,
  PostmortemSource,
  Section,
  TimelineEvent,
} from "@/lib/schemas/postmortem";
import type { ActionStatus, Severity, Status } from "@/lib/domain/postmortem";
import { lineAt, type Source } from "./source";
import type { TimelineItem } from "./timeline-items";

export type Draft = {
  title: string;
  slug: string | null;
  summary: string;
  severity: Severity | null;
  status: Status;
  timezone: string | null;
  incidentDate: string | null;
  services: string[];
  tags: string[];
  authors: string[];
  impact: string;
  impactFigures: ImpactFigures;
  timeline: TimelineEvent[];
  rootCause: { trigger: string; narrative: string; whys: string[] };
  contributingFactors: ContributingFactor[];
  correctiveActions: CorrectiveAction[];
  lessons: { wentWell: string; wentWrong: string; lucky: string };
  sections: Section[];
  /** A post's front matter and publication date, as written (front-matter.ts). */
  source?: PostmortemSource;
};

export type ProseField = "summary" | "impact" | "narrative" | "trigger" | "wentWell" | "wentWrong" | "lucky";

/** A section that repeats timeline events (an exported "Detection"): dropped at the end when the timeline holds them all. */
export type RepeatSection = { index: number; items: TimelineItem[]; hasOtherText: boolean };

export type ImportState = {
  source: Source;
  blocks: RootContent[];
  draft: Draft;
  warnings: string[];
  now: Date;
  /** The day a time without a date falls on, carried from line to line and section to section. */
  day: string | null;
  /** The day a header line names without it being the incident date ("End: 2025-06-02 13:05"): the timeline's day when nothing better is known. */
  headerDay: string | null;
  /** Where that day came from, for the warning when it had to be assumed. */
  isDayAssumed: boolean;
  /** The last timed event read, to notice a chat log crossing midnight. */
  previousInstant: number | null;
  /** The summary's metrics lines ("**Total time to resolution:** …"): checked against the timeline at the end. */
  metricsLines: { offset: number; text: string }[];
  repeatSections: RepeatSection[];
  defaultActionStatus: ActionStatus;
};

export function emptyDraft(): Draft {
  return {
    title: "",
    slug: null,
    summary: "",
    severity: null,
    status: "draft",
    timezone: null,
    incidentDate: null,
    services: [],
    tags: [],
    authors: [],
    impact: "",
    impactFigures: { usersAffected: null, errorRate: null, durationMinutes: null, requestsFailed: null, revenueLost: null },
    timeline: [],
    rootCause: { trigger: "", narrative: "", whys: [] },
    contributingFactors: [],
    correctiveActions: [],
    lessons: { wentWell: "", wentWrong: "", lucky: "" },
    sections: [],
  };
}

/** Records a warning, prefixed with the line it is about when an offset is given. */
export function warn(state: ImportState, offset: number | null, message: string): void {
  state.warnings.push(offset === null ? message : `Line ${lineAt(state.source, offset)}: ${message}`);
}

/** Adds Markdown to a prose field, after a blank line when it already holds some. */
export function appendProse(state: ImportState, field: ProseField, markdown: string): void {
  const text = markdown.trim() ? markdown.trimEnd() : "";
  if (!text) return;
  const { draft } = state;
  const join = (current: string) => (current ? `${current}\n\n${text}` : text);
  switch (field) {
    case "summary":
    case "impact":
      draft[field] = join(draft[field]);
      return;
    case "narrative":
    case "trigger":
      draft.rootCause[field] = join(draft.rootCause[field]);
      return;
    default:
      draft.lessons[field] = join(draft.lessons[field]);
  }
}

/** Adds an extra section, in reading order. */
export function addSection(state: ImportState, title: string, body: string, internal = false): number {
  state.draft.sections.push({ title: title.trim() || "Untitled section", body: body.trimEnd(), internal });
  return state.draft.sections.length - 1;
}

/** Adds unique, non-empty labels (services, tags, authors). */
export function addLabels(list: string[], values: string[]): void {
  for (const raw of values) {
    const value = raw.trim();
    if (value && !list.includes(value)) list.push(value);
  }
}
