import { describe, expect, it } from "vitest";
import fixture from "@/e2e/fixtures/full-postmortem.json";
import { postmortemInputSchema, type PostmortemDraft } from "@/lib/schemas/postmortem";
import { reportSteps, STEP_IDS, stepOfField, type StepId, type StepReport } from "./steps";

const emptyDraft = (): PostmortemDraft => postmortemInputSchema.parse({ title: "Login outage" });
const fullDraft = (): PostmortemDraft => postmortemInputSchema.parse(fixture);

const byId = (reports: StepReport[]) => Object.fromEntries(reports.map((report) => [report.id, report])) as Record<StepId, StepReport>;
const statesOf = (reports: StepReport[]) => Object.fromEntries(reports.map((report) => [report.id, report.state]));

describe("stepOfField", () => {
  it.each<[string, StepId]>([
    ["title", "overview"],
    ["impactFigures.errorRate", "overview"],
    ["timezone", "overview"],
    ["(document)", "overview"],
    ["timeline", "timeline"],
    ["timeline.3.at", "timeline"],
    ["rootCause.whys.0", "root-cause"],
    ["contributingFactors.1.text", "factors"],
    ["correctiveActions.0.dueDate", "actions"],
    ["lessons.lucky", "lessons"],
    ["sections.2.title", "lessons"],
  ])("puts %s in the %s step", (path, step) => {
    expect(stepOfField(path)).toBe(step);
  });
});

describe("reportSteps", () => {
  it("reports every step, in the guided order", () => {
    expect(reportSteps(emptyDraft()).map((report) => report.id)).toEqual([...STEP_IDS]);
  });

  it("shows a fresh draft with nothing started and says what to add, in plain words", () => {
    const reports = reportSteps(emptyDraft());
    expect(statesOf(reports)).toEqual({
      overview: "empty",
      timeline: "empty",
      "root-cause": "empty",
      factors: "empty",
      actions: "empty",
      lessons: "empty",
      review: "in_progress",
    });
    const steps = byId(reports);
    expect(steps.overview.missing).toEqual([
      "Choose a severity",
      "Write a short summary of what happened",
      "Name the affected services",
      "Set the date the incident began",
      "Choose the time zone the timeline is told in",
      "Describe the impact",
      "Quantify the impact with at least one figure",
    ]);
    expect(steps.timeline.missing).toEqual([
      "Add the first event of the timeline",
      "Add when the impact started (or what triggered it)",
      "Add when the incident was detected",
      "Add when the incident was mitigated or resolved",
    ]);
    expect(steps.actions.missing).toEqual(["Add at least one corrective action"]);
    expect(steps.factors.missing).toEqual(["Add at least one contributing factor"]);
    expect(steps.lessons.missing).toEqual(["Note what went well", "Note what went wrong", "Note where you got lucky"]);
    expect(steps.review.missing).toEqual(["6 steps still need attention"]);
    expect(reports.every((report) => Object.keys(report.problems).length === 0)).toBe(true);
  });

  it("finds the full fixture complete except for the action with no owner and no due date", () => {
    const steps = byId(reportSteps(fullDraft()));
    for (const id of ["overview", "timeline", "root-cause", "factors", "lessons"] as const) {
      expect(steps[id], id).toMatchObject({ state: "complete", missing: [], problems: {} });
    }
    expect(steps.actions).toMatchObject({
      state: "in_progress",
      missing: ["Give 1 action an owner", "Give 1 action a due date"],
    });
    expect(steps.review).toMatchObject({ state: "in_progress", missing: ["1 step still needs attention"] });
  });

  it("completes the review once every step is complete", () => {
    const draft = fullDraft();
    draft.correctiveActions = draft.correctiveActions.map((action) => ({ ...action, owner: action.owner ?? "Jonas Weber", dueDate: action.dueDate ?? "2024-04-30" }));
    const reports = reportSteps(draft);
    expect(reports.every((report) => report.state === "complete")).toBe(true);
    expect(byId(reports).review.missing).toEqual([]);
  });

  it("counts actions without owner or due date in the advice", () => {
    const draft = fullDraft();
    draft.correctiveActions = draft.correctiveActions.map((action) => ({ ...action, owner: "  ", dueDate: null }));
    expect(byId(reportSteps(draft)).actions.missing).toEqual(["Give 3 actions an owner", "Give 3 actions a due date"]);
  });

  it("counts a step as in progress once one of its checks is met", () => {
    const draft = postmortemInputSchema.parse({
      title: "Login outage",
      severity: "SEV2",
      timeline: [{ kind: "detected", text: "Pager fires." }],
      correctiveActions: [{ title: "Add jitter" }],
    });
    const steps = byId(reportSteps(draft));
    expect(steps.overview.state).toBe("in_progress");
    expect(steps.timeline).toMatchObject({
      state: "in_progress",
      missing: ["Add when the impact started (or what triggered it)", "Add when the incident was mitigated or resolved"],
    });
    expect(steps.actions).toMatchObject({ state: "in_progress", missing: ["Give 1 action an owner", "Give 1 action a due date"] });
  });

  it("does not call a timeline complete when it is resolved before it started", () => {
    const draft = postmortemInputSchema.parse({
      title: "Login outage",
      timezone: "Europe/Berlin",
      timeline: [
        { at: "2024-03-14T13:00:00+01:00", kind: "resolved", text: "Logins work again." },
        { at: "2024-03-14T13:40:00+01:00", kind: "alert", text: "Pager fires." },
        { at: "2024-03-14T13:55:00+01:00", kind: "trigger", text: "Config deployed." },
      ],
    });
    expect(byId(reportSteps(draft)).timeline).toMatchObject({
      state: "in_progress",
      missing: ["The resolved event (13:00) comes before the trigger (13:55): fix a time or a kind"],
    });
    draft.timeline[0] = { ...draft.timeline[0], at: "2024-03-14T14:30:00+01:00" };
    expect(byId(reportSteps(draft)).timeline).toMatchObject({ state: "complete", missing: [] });
  });

  it("does not judge the order of untimed events", () => {
    const draft = postmortemInputSchema.parse({
      title: "Login outage",
      timeline: [
        { kind: "resolved", text: "Logins work again." },
        { kind: "alert", text: "Pager fires." },
        { kind: "trigger", text: "Config deployed." },
      ],
    });
    expect(byId(reportSteps(draft)).timeline.state).toBe("complete");
  });

  it("takes a figure alone as describing the impact, but not prose alone as quantifying it", () => {
    const withFigure = emptyDraft();
    withFigure.impactFigures = { ...withFigure.impactFigures, usersAffected: 0 };
    expect(byId(reportSteps(withFigure)).overview.missing).not.toContain("Describe the impact");
    expect(byId(reportSteps(withFigure)).overview.missing).not.toContain("Quantify the impact with at least one figure");

    const withProse = emptyDraft();
    withProse.impact = "Logins failed.";
    expect(byId(reportSteps(withProse)).overview.missing).toContain("Quantify the impact with at least one figure");
    expect(byId(reportSteps(withProse)).overview.missing).not.toContain("Describe the impact");
  });

  it("accepts whys in place of a root cause narrative", () => {
    const draft = fullDraft();
    draft.rootCause = { ...draft.rootCause, narrative: "  " };
    expect(byId(reportSteps(draft))["root-cause"].state).toBe("complete");
    draft.rootCause = { ...draft.rootCause, whys: [] };
    expect(byId(reportSteps(draft))["root-cause"].missing).toEqual(['Explain the root cause, or ask "why?" until you reach it']);
  });

  it("puts a step with field errors in problems, listing them there only, and the review with it", () => {
    const fieldErrors = {
      "timeline.3.at": ["Must be an ISO 8601 date-time"],
      "correctiveActions.0.url": ["Must be an http:// or https:// URL"],
    };
    const reports = reportSteps(fullDraft(), fieldErrors);
    const steps = byId(reports);
    expect(steps.timeline).toMatchObject({ state: "problems", problems: { "timeline.3.at": ["Must be an ISO 8601 date-time"] } });
    expect(steps.actions).toMatchObject({ state: "problems", problems: { "correctiveActions.0.url": ["Must be an http:// or https:// URL"] } });
    expect(steps.overview).toMatchObject({ state: "complete", problems: {} });
    expect(steps.review.state).toBe("problems");
  });

  it("lets problems win over an otherwise complete or empty step", () => {
    const steps = byId(reportSteps(emptyDraft(), { title: ["Give the postmortem a title"] }));
    expect(steps.overview.state).toBe("problems");
    expect(steps.timeline.state).toBe("empty");
  });
});
