"use client";

import Link from "next/link";
import { STEP_TITLES, type StepId, type StepReport } from "@/lib/domain/editor/steps";

/** The completeness checklist: every step, what it still needs, and a way to go there. */
export function ReviewStep({ reports, slug, onSelect }: { reports: StepReport[]; slug: string; onSelect: (step: StepId) => void }) {
  const steps = reports.filter((report) => report.id !== "review");
  const open = steps.filter((report) => report.state !== "complete");
  return (
    <div>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        {open.length === 0
          ? "Every step is complete. Read it once more as someone who was not there."
          : `${open.length} of ${steps.length} steps still need attention.`}
      </p>
      <ul className="mt-4 divide-y divide-zinc-200 rounded-lg border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
        {steps.map((report) => (
          <li key={report.id} className="flex items-start gap-3 p-3">
            <span aria-hidden className={`mt-0.5 ${report.state === "complete" ? "text-emerald-600" : report.state === "problems" ? "text-red-600" : "text-amber-600"}`}>
              {report.state === "complete" ? "✓" : report.state === "problems" ? "!" : "○"}
            </span>
            <div className="min-w-0 flex-1">
              <a
                href={`?step=${report.id}`}
                onClick={(event) => {
                  event.preventDefault();
                  onSelect(report.id);
                }}
                className="font-medium hover:underline"
              >
                {STEP_TITLES[report.id]}
              </a>
              {report.state === "complete" && <span className="ml-2 text-xs text-emerald-700 dark:text-emerald-400">Complete</span>}
              {(report.missing.length > 0 || Object.keys(report.problems).length > 0) && (
                <ul className="mt-1 space-y-0.5 text-sm text-zinc-600 dark:text-zinc-400">
                  {Object.entries(report.problems).map(([path, messages]) => (
                    <li key={path} className="text-red-600 dark:text-red-400">
                      {path}: {messages.join(" ")}
                    </li>
                  ))}
                  {report.missing.map((advice) => (
                    <li key={advice}>{advice}</li>
                  ))}
                </ul>
              )}
            </div>
          </li>
        ))}
      </ul>
      <p className="mt-6 text-sm">
        <Link href={`/postmortems/${slug}`} className="font-medium text-accent-600 hover:underline dark:text-accent-400">
          Read the postmortem as others will see it →
        </Link>
      </p>
    </div>
  );
}
