import { formatDuration } from "@/lib/domain/figures";
import { computeMetrics, METRIC_LABELS, type IncidentMetrics } from "@/lib/domain/metrics";
import type { TimelineEvent } from "@/lib/schemas/postmortem";

const ORDER: (keyof IncidentMetrics)[] = ["timeToDetect", "timeToMitigate", "timeToResolve", "impactDuration", "detectionGap"];

/** The metrics derived from the timeline; "N/A" says which event is missing instead of guessing. */
export function MetricsLine({ timeline }: { timeline: TimelineEvent[] }) {
  const metrics = computeMetrics(timeline);
  if (ORDER.every((key) => metrics[key] === null)) return null;
  return (
    <dl aria-label="Incident metrics" className="mt-6 grid grid-cols-2 gap-x-6 gap-y-3 rounded-lg bg-zinc-50 px-4 py-3 text-sm sm:grid-cols-5 dark:bg-zinc-900">
      {ORDER.map((key) => (
        <div key={key}>
          <dt className="text-xs text-zinc-500">{METRIC_LABELS[key]}</dt>
          <dd className={`mt-0.5 font-medium tabular-nums ${metrics[key] === null ? "text-zinc-500" : ""}`}>
            {metrics[key] === null ? "N/A" : formatDuration(metrics[key] as number)}
          </dd>
        </div>
      ))}
    </dl>
  );
}
