"use client";

import dynamic from "next/dynamic";
import Link from "next/link";
import { useCallback, useEffect, useMemo, useState } from "react";
import { buttonClass } from "@/components/ui/fields";
import { withoutBlankItems } from "@/lib/domain/editor/prune";
import { reportSteps, STEP_IDS, STEP_TITLES, type StepId } from "@/lib/domain/editor/steps";
import { checkLanguage, loadMarkdownParser } from "@/lib/domain/language/browser";
import { isReadOnly } from "@/lib/domain/workflow";
import { fieldErrorsOf, postmortemUpdateSchema, type PostmortemDocument } from "@/lib/schemas/postmortem";
import { SaveStatus } from "./save-status";
import { STEP_HELP } from "./step-help";
import { StepNav } from "./step-nav";
import { useMarkdownParserReady } from "./language-hints";
import { untilHydrated } from "./until-hydrated";
import { OverviewStep } from "./steps/overview-step";
import { useAutosave } from "./use-autosave";
import { ReadOnlyBanner, WorkflowPanel } from "./workflow-panel";

/** The guided postmortem editor: steps, autosave, conflict resolution, keyboard shortcuts. */
// The first step comes with the page; the others (the timeline brings Luxon and the paste reader) load when opened (issue 15).
const loadingStep = () => <p className="text-sm text-zinc-500">Loading this step…</p>;
const TimelineStep = dynamic(() => import("./steps/timeline-step").then((m) => untilHydrated(m.TimelineStep)), { loading: loadingStep });
const RootCauseStep = dynamic(() => import("./steps/root-cause-step").then((m) => untilHydrated(m.RootCauseStep)), { loading: loadingStep });
const FactorsStep = dynamic(() => import("./steps/factors-step").then((m) => untilHydrated(m.FactorsStep)), { loading: loadingStep });
const ActionsStep = dynamic(() => import("./steps/actions-step").then((m) => untilHydrated(m.ActionsStep)), { loading: loadingStep });
const LessonsStep = dynamic(() => import("./steps/lessons-step").then((m) => untilHydrated(m.LessonsStep)), { loading: loadingStep });
// Shown only when someone else saved first: fetched then.
const ConflictDialog = dynamic(() => import("./conflict-dialog").then((m) => m.ConflictDialog), { ssr: false });
const ReviewStep = dynamic(() => import("./steps/review-step").then((m) => untilHydrated(m.ReviewStep)), { loading: loadingStep });

export function Editor({ initial, initialStep, people = [] }: { initial: PostmortemDocument; initialStep: StepId; /** People who can sign in: author and member suggestions (the signed-in person first). */ people?: { name: string; email: string }[] }) {
  const { doc, state, update, saveNow, resolveConflict, replaceFromServer } = useAutosave(initial);
  const isLocked = isReadOnly(doc.status);
  const [step, setStep] = useState<StepId>(initialStep);
  // The version of theirs whose conflict dialog the user closed with Esc, to choose later.
  const [postponedConflict, setPostponedConflict] = useState<number | null>(null);
  const isConflictOpen = state.kind === "conflict" && postponedConflict !== state.theirs.version;

  const fieldErrors = useMemo(() => {
    const result = postmortemUpdateSchema.safeParse({ ...withoutBlankItems(doc), version: doc.version });
    return result.success ? {} : fieldErrorsOf(result.error);
  }, [doc]);
  const reports = useMemo(() => reportSteps(doc, fieldErrors), [doc, fieldErrors]);
  const report = reports.find((r) => r.id === step) ?? reports[0];
  const hasParser = useMarkdownParserReady();
  // Checked again when the parser arrives: the result records which it was made with.
  const { findings } = useMemo(() => ({ findings: checkLanguage(doc), hasParser }), [doc, hasParser]);

  // The language check's Markdown parser comes on first use (a key, a click, a focus), or at once for the review step.
  useEffect(() => {
    if (initialStep === "review") {
      void loadMarkdownParser();
      return;
    }
    const load = () => void loadMarkdownParser();
    const events = ["pointerdown", "keydown", "focusin"] as const;
    for (const name of events) window.addEventListener(name, load, { once: true, passive: true });
    return () => {
      for (const name of events) window.removeEventListener(name, load);
    };
  }, [initialStep]);

  const selectStep = useCallback((next: StepId) => {
    setStep(next);
    window.history.replaceState(null, "", `?step=${next}`);
    requestAnimationFrame(() => document.getElementById("step-title")?.focus());
  }, []);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "s") {
        event.preventDefault();
        // Let a focused field commit its value (e.g. a time) before saving.
        (document.activeElement as HTMLElement | null)?.blur();
        void saveNow();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [saveNow]);

  const stepIndex = STEP_IDS.indexOf(step);
  const props = { doc, update, errors: fieldErrors };

  return (
    <div>
      <div className="sticky top-0 z-10 -mx-4 -mt-8 mb-6 flex sm:-mt-12 flex-wrap items-center justify-between gap-x-4 gap-y-1 border-b border-zinc-200 bg-white/90 px-4 py-2 backdrop-blur sm:-mx-6 sm:px-6 dark:border-zinc-800 dark:bg-zinc-950/90">
        <div className="min-w-0">
          <p className="truncate text-sm font-medium">{doc.title || "Untitled postmortem"}</p>
          <SaveStatus state={state} />
        </div>
        <div className="flex items-center gap-2">
          {state.kind === "conflict" && !isConflictOpen && (
            <button type="button" className={buttonClass} onClick={() => setPostponedConflict(null)}>
              Choose what to keep
            </button>
          )}
          <button type="button" className={buttonClass} onClick={() => void saveNow()} title="Ctrl+S / ⌘S" disabled={isLocked}>
            Save now
          </button>
          <Link href={`/postmortems/${doc.slug}`} className={buttonClass}>
            View
          </Link>
        </div>
      </div>

      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[13rem_minmax(0,1fr)] lg:gap-10">
        <aside className="min-w-0 lg:sticky lg:top-20 lg:self-start">
          <StepNav reports={reports} current={step} onSelect={selectStep} />
        </aside>

        <section aria-labelledby="step-title" className="min-w-0">
          <p className="text-xs font-medium text-zinc-500">
            Step {stepIndex + 1} of {STEP_IDS.length}
          </p>
          <h1 id="step-title" tabIndex={-1} className="mt-1 text-2xl font-semibold tracking-tight outline-none">
            {STEP_TITLES[step]}
          </h1>
          <p className="mt-2 max-w-2xl text-sm leading-relaxed text-zinc-600 dark:text-zinc-400">{STEP_HELP[step]}</p>

          {isLocked && <ReadOnlyBanner doc={doc} onChanged={replaceFromServer} />}

          {step !== "review" && report.missing.length > 0 && (
            <div className="mt-4 rounded-lg bg-amber-50 px-4 py-3 text-sm text-amber-900 dark:bg-amber-500/10 dark:text-amber-200">
              <p className="font-medium">Still missing</p>
              <ul className="mt-1 list-disc pl-5">
                {report.missing.map((advice) => (
                  <li key={advice}>{advice}</li>
                ))}
              </ul>
            </div>
          )}

          {/* A disabled fieldset makes every control inside read-only at once. */}
          <fieldset disabled={isLocked} className="mt-6 min-w-0">
            <legend className="sr-only">{STEP_TITLES[step]}</legend>
            {step === "overview" && <OverviewStep {...props} people={people} />}
            {step === "timeline" && <TimelineStep {...props} />}
            {step === "root-cause" && <RootCauseStep {...props} />}
            {step === "factors" && <FactorsStep {...props} />}
            {step === "actions" && <ActionsStep {...props} />}
            {step === "lessons" && <LessonsStep {...props} />}
            {step === "review" && <ReviewStep reports={reports} findings={findings} slug={doc.slug} onSelect={selectStep} />}
          </fieldset>
          {step === "review" && (
            <WorkflowPanel
              doc={doc}
              isSaved={state.kind === "saved"}
              openItems={[
                ...reports.filter((r) => r.id !== "review").flatMap((r) => [...r.missing, ...Object.keys(r.problems).map((path) => `Fix ${path}`)]),
                ...findings.map((finding) => `Reword “${finding.excerpt}” (${finding.field})`),
              ]}
              onChanged={replaceFromServer}
            />
          )}

          <nav aria-label="Step navigation" className="mt-10 flex justify-between border-t border-zinc-200 pt-4 dark:border-zinc-800">
            {stepIndex > 0 ? (
              <button type="button" className={buttonClass} onClick={() => selectStep(STEP_IDS[stepIndex - 1])}>
                ← {STEP_TITLES[STEP_IDS[stepIndex - 1]]}
              </button>
            ) : (
              <span />
            )}
            {stepIndex < STEP_IDS.length - 1 && (
              <button type="button" className={buttonClass} onClick={() => selectStep(STEP_IDS[stepIndex + 1])}>
                {STEP_TITLES[STEP_IDS[stepIndex + 1]]} →
              </button>
            )}
          </nav>
        </section>
      </div>

      {state.kind === "conflict" && isConflictOpen && (
        <ConflictDialog
          mine={doc}
          theirs={state.theirs}
          base={state.base}
          onResolve={(merged) => resolveConflict(merged, state.theirs)}
          onLater={() => setPostponedConflict(state.theirs.version)}
        />
      )}
    </div>
  );
}
