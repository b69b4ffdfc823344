"use client";

import Link from "next/link";
import { stepOfField, STEP_TITLES, type StepId, type StepReport } from "@/lib/domain/editor/steps";
import type { Finding } from "@/lib/domain/language/browser";

/** The completeness checklist: every step, what it still needs, and a way to go there. */
export function ReviewStep({
  reports,
  findings,
  slug,
  onSelect,
}: {
  reports: StepReport[];
  findings: Finding[];
  slug: string;
  onSelect: (step: StepId) => void;
}) {
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
      <section aria-labelledby="language-title" className="mt-8">
        <h2 id="language-title" className="font-medium">
          Blameless language
        </h2>
        {findings.length === 0 ? (
          <p className="mt-1 text-sm text-emerald-700 dark:text-emerald-400">No blaming or hindsight phrasing found.</p>
        ) : (
          <ul className="mt-2 divide-y divide-zinc-200 rounded-lg border border-zinc-200 text-sm dark:divide-zinc-800 dark:border-zinc-800">
            {findings.map((finding) => (
              <li key={`${finding.field}-${finding.start}-${finding.ruleId}`} className="p-3">
                <p>
                  <span className="font-medium underline decoration-violet-400 decoration-wavy underline-offset-2">“{finding.excerpt}”</span>{" "}
                  <span className="text-zinc-500">in {finding.field}</span> ·{" "}
                  <a
                    href={`?step=${stepOfField(finding.field)}`}
                    onClick={(event) => {
                      event.preventDefault();
                      onSelect(stepOfField(finding.field));
                    }}
                    className="text-accent-600 hover:underline dark:text-accent-400"
                  >
                    Go to {STEP_TITLES[stepOfField(finding.field)]}
                  </a>
                </p>
                <p className="mt-1 text-zinc-600 dark:text-zinc-400">{finding.why}</p>
                <p className="mt-0.5 text-violet-700 dark:text-violet-300">Try: {finding.suggestion}</p>
              </li>
            ))}
          </ul>
        )}
      </section>
      <p className="mt-6 text-sm">
        <Link href={`/postmortems/${slug}`} className="font-medium text-accent-600 hover:underline dark:text-accent-400">
          Read the postmortem as others will see it →
        </Link>
      </p>
    </div>
  );
}
