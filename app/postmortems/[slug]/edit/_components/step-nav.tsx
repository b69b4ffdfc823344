"use client";

import { STEP_TITLES, type StepId, type StepReport, type StepState } from "@/lib/domain/editor/steps";

const STATE_LABELS: Record<StepState, string> = {
  empty: "not started",
  in_progress: "in progress",
  complete: "complete",
  problems: "has problems",
};

function StateIcon({ state }: { state: StepState }) {
  const base = "flex size-5 shrink-0 items-center justify-center rounded-full text-[10px] font-bold";
  if (state === "complete") return <span aria-hidden className={`${base} bg-emerald-500 text-white`}>✓</span>;
  if (state === "problems") return <span aria-hidden className={`${base} bg-red-500 text-white`}>!</span>;
  if (state === "in_progress")
    return <span aria-hidden className={`${base} border-2 border-accent-500 bg-accent-100 dark:bg-accent-500/20`} />;
  return <span aria-hidden className={`${base} border-2 border-zinc-300 dark:border-zinc-600`} />;
}

/** The guided flow's progress: every step with its state; any step opens directly. */
export function StepNav({ reports, current, onSelect }: { reports: StepReport[]; current: StepId; onSelect: (step: StepId) => void }) {
  const done = reports.filter((r) => r.state === "complete" && r.id !== "review").length;
  return (
    <nav aria-label="Postmortem steps">
      <p className="mb-3 hidden text-xs text-zinc-500 lg:block">
        {done} of {reports.length - 1} steps complete
      </p>
      <ol className="relative -mx-4 flex gap-1 overflow-x-auto px-4 pb-2 lg:mx-0 lg:flex-col lg:overflow-visible lg:px-0">
        {reports.map((report, index) => {
          const isCurrent = report.id === current;
          return (
            <li key={report.id} className="relative shrink-0">
              <a
                href={`?step=${report.id}`}
                onClick={(event) => {
                  event.preventDefault();
                  onSelect(report.id);
                }}
                aria-current={isCurrent ? "step" : undefined}
                className={`flex items-center gap-2.5 rounded-md px-2.5 py-1.5 text-sm whitespace-nowrap ${
                  isCurrent
                    ? "bg-zinc-100 font-medium text-zinc-900 dark:bg-zinc-800 dark:text-zinc-100"
                    : "text-zinc-600 hover:bg-zinc-50 dark:text-zinc-400 dark:hover:bg-zinc-900"
                }`}
              >
                <StateIcon state={report.state} />
                <span>
                  <span className="sr-only">Step {index + 1}: </span>
                  {STEP_TITLES[report.id]}
                  <span className="sr-only"> ({STATE_LABELS[report.state]})</span>
                </span>
              </a>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
