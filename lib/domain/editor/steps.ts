/**
 * The guided flow's steps and what each still needs, in plain words. The same
 * checks feed the progress indicator, each step's "still missing" list and the
 * review checklist.
 */
import { firstEventOf } from "@/lib/domain/metrics";
import { EVENT_KIND_LABELS } from "@/lib/domain/postmortem";
import { clockOf } from "@/lib/domain/instants";
import type { PostmortemDraft } from "@/lib/schemas/postmortem";

export const STEP_IDS = ["overview", "timeline", "root-cause", "factors", "actions", "lessons", "review"] as const;
export type StepId = (typeof STEP_IDS)[number];

export const STEP_TITLES: Record<StepId, string> = {
  overview: "Overview & impact",
  timeline: "Timeline",
  "root-cause": "Root cause",
  factors: "Contributing factors",
  actions: "Corrective actions",
  lessons: "Lessons",
  review: "Review",
};

export type StepState = "empty" | "in_progress" | "complete" | "problems";

export type StepReport = {
  id: StepId;
  state: StepState;
  /** What is still missing, as advice ("Add when the incident was detected"). */
  missing: string[];
  /** Invalid fields in this step, keyed by path. */
  problems: Record<string, string[]>;
};

/** Which step a field path (as in zod's field errors) belongs to. */
export function stepOfField(path: string): StepId {
  const head = path.split(".")[0];
  if (head === "timeline") return "timeline";
  if (head === "rootCause") return "root-cause";
  if (head === "contributingFactors") return "factors";
  if (head === "correctiveActions") return "actions";
  if (head === "lessons" || head === "sections") return "lessons";
  return "overview";
}

/** Stable ids of the checklist items: `hindsight check --json` reports them as rules. */
export const CHECKLIST_IDS = [
  "severity",
  "summary",
  "services",
  "incident-date",
  "timezone",
  "impact-described",
  "impact-quantified",
  "timeline-started",
  "impact-start",
  "detection",
  "resolution",
  "timeline-order",
  "trigger",
  "root-cause",
  "contributing-factor",
  "corrective-action",
  "action-owners",
  "action-due-dates",
  "went-well",
  "went-wrong",
  "lucky",
] as const;
export type ChecklistId = (typeof CHECKLIST_IDS)[number];

type Check = { id: ChecklistId; missing: string | null; filled: boolean };
const need = (id: ChecklistId, ok: boolean, advice: string): Check => ({ id, missing: ok ? null : advice, filled: ok });

function checksFor(step: StepId, doc: PostmortemDraft): Check[] {
  switch (step) {
    case "overview": {
      const hasFigure = Object.values(doc.impactFigures).some((value) => value !== null);
      return [
        need("severity", doc.severity !== null, "Choose a severity"),
        need("summary", doc.summary.trim() !== "", "Write a short summary of what happened"),
        need("services", doc.services.length > 0, "Name the affected services"),
        need("incident-date", doc.incidentDate !== null, "Set the date the incident began"),
        need("timezone", doc.timezone !== null, "Choose the time zone the timeline is told in"),
        need("impact-described", doc.impact.trim() !== "" || hasFigure, "Describe the impact"),
        need("impact-quantified", hasFigure, "Quantify the impact with at least one figure"),
      ];
    }
    case "timeline": {
      const kinds = new Set(doc.timeline.map((event) => event.kind));
      return [
        need("timeline-started", doc.timeline.length > 0, "Add the first event of the timeline"),
        need("impact-start", kinds.has("impact_start") || kinds.has("trigger"), "Add when the impact started (or what triggered it)"),
        need("detection", kinds.has("detected") || kinds.has("alert"), "Add when the incident was detected"),
        need("resolution", kinds.has("resolved") || kinds.has("mitigated"), "Add when the incident was mitigated or resolved"),
        endBeforeStart(doc),
      ];
    }
    case "root-cause":
      return [
        need("trigger", doc.rootCause.trigger.trim() !== "", "Describe the trigger: the change or event that set it off"),
        need(
          "root-cause",
          doc.rootCause.narrative.trim() !== "" || doc.rootCause.whys.length > 0,
          "Explain the root cause, or ask \"why?\" until you reach it",
        ),
      ];
    case "factors":
      return [need("contributing-factor", doc.contributingFactors.length > 0, "Add at least one contributing factor")];
    case "actions": {
      const withoutOwner = doc.correctiveActions.filter((action) => !action.owner?.trim()).length;
      const withoutDue = doc.correctiveActions.filter((action) => !action.dueDate).length;
      const hasActions = doc.correctiveActions.length > 0;
      // With no actions, "every action has an owner" is vacuously true: it must not make the step look started.
      return [
        need("corrective-action", hasActions, "Add at least one corrective action"),
        { ...need("action-owners", withoutOwner === 0, `Give ${plural(withoutOwner, "action")} an owner`), filled: hasActions && withoutOwner === 0 },
        { ...need("action-due-dates", withoutDue === 0, `Give ${plural(withoutDue, "action")} a due date`), filled: hasActions && withoutDue === 0 },
      ];
    }
    case "lessons":
      return [
        need("went-well", doc.lessons.wentWell.trim() !== "", "Note what went well"),
        need("went-wrong", doc.lessons.wentWrong.trim() !== "", "Note what went wrong"),
        need("lucky", doc.lessons.lucky.trim() !== "", "Note where you got lucky"),
      ];
    case "review":
      return [];
  }
}

/**
 * An end (mitigated/resolved) timed before the start (trigger/impact start)
 * is a typo in a time or a kind; the step is not complete until it is fixed.
 */
function endBeforeStart(doc: PostmortemDraft): Check {
  const start = firstEventOf(doc.timeline, ["trigger", "impact_start"]);
  const end = firstEventOf(doc.timeline, ["mitigated", "resolved"]);
  const isOrdered = !start || !end || end.ms >= start.ms;
  const [endClock, startClock] = [clockOf(end?.event.at ?? null), clockOf(start?.event.at ?? null)];
  const advice =
    start && end
      ? `The ${EVENT_KIND_LABELS[end.event.kind].toLowerCase()} event (${endClock}) comes before the ${EVENT_KIND_LABELS[start.event.kind].toLowerCase()} (${startClock}): fix a time or a kind`
      : "";
  return { ...need("timeline-order", isOrdered, advice), filled: Boolean(start && end) && isOrdered };
}

function plural(count: number, noun: string): string {
  return count === 1 ? `1 ${noun}` : `${count} ${noun}s`;
}

export type OpenCheck = { step: StepId; id: ChecklistId; advice: string };

/** The checklist items a draft still misses, step by step: what the Review step lists, for `hindsight check`. */
export function listOpenChecks(doc: PostmortemDraft): OpenCheck[] {
  return STEP_IDS.flatMap((step) =>
    checksFor(step, doc).flatMap((check) => (check.missing ? [{ step, id: check.id, advice: check.missing }] : [])),
  );
}

/** Reports every step's state for a draft and the field errors found by validation. */
export function reportSteps(doc: PostmortemDraft, fieldErrors: Record<string, string[]> = {}): StepReport[] {
  const reports = STEP_IDS.filter((id) => id !== "review").map((id): StepReport => {
    const checks = checksFor(id, doc);
    const problems = Object.fromEntries(Object.entries(fieldErrors).filter(([path]) => stepOfField(path) === id));
    const missing = checks.flatMap((check) => (check.missing ? [check.missing] : []));
    const filled = checks.filter((check) => check.filled).length;
    const state: StepState =
      Object.keys(problems).length > 0 ? "problems" : missing.length === 0 ? "complete" : filled === 0 ? "empty" : "in_progress";
    return { id, state, missing, problems };
  });
  const open = reports.filter((report) => report.state !== "complete");
  const reviewState: StepState = open.some((r) => r.state === "problems")
    ? "problems"
    : open.length === 0
      ? "complete"
      : "in_progress";
  return [
    ...reports,
    {
      id: "review",
      state: reviewState,
      missing: open.length ? [`${plural(open.length, "step")} still need${open.length === 1 ? "s" : ""} attention`] : [],
      problems: {},
    },
  ];
}
