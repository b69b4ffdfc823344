/**
 * The metrics line the export writes after the summary ("**Total time to
 * resolution:** 1 hour, 25 minutes"). Metrics are computed from the timeline,
 * never stored: a line that agrees with the imported timeline is dropped; one
 * that does not is kept in the summary, with a warning.
 */
import { formatDuration } from "@/lib/domain/figures";
import { computeMetrics, METRIC_LABELS, type IncidentMetrics } from "@/lib/domain/metrics";
import { appendProse, warn, type ImportState } from "./state";

const LABELS = Object.entries(METRIC_LABELS) as [keyof IncidentMetrics, string][];
const PART = /^\*\*([^*]+):\*\*\s*(.+)$/;

function parts(line: string): { label: string; value: string }[] | null {
  const found = line.split(" · ").map((part) => part.trim().match(PART));
  if (found.some((match) => !match)) return null;
  return found.map((match) => ({ label: match![1].trim(), value: match![2].trim() }));
}

/** True for a line made only of "**Metric:** value" parts. */
export function isMetricsLine(line: string): boolean {
  const read = line.trim() ? parts(line.trim()) : null;
  return read !== null && read.every((part) => LABELS.some(([, label]) => label.toLowerCase() === part.label.toLowerCase()));
}

/** Compares the summary's metrics lines with the timeline; keeps those that differ. */
export function settleMetricsLines(state: ImportState): void {
  if (state.metricsLines.length === 0) return;
  const metrics = computeMetrics(state.draft.timeline);
  const differing: string[] = [];
  for (const { offset, text } of state.metricsLines) {
    for (const part of parts(text.trim()) ?? []) {
      const key = LABELS.find(([, label]) => label.toLowerCase() === part.label.toLowerCase())![0];
      const computed = metrics[key];
      if (computed !== null && formatDuration(computed) === part.value) continue;
      differing.push(`**${part.label}:** ${part.value}`);
      warn(state, offset, `"${part.label}: ${part.value}" does not follow from the timeline (${computed === null ? "it gives none" : formatDuration(computed)}); kept in the summary`);
    }
  }
  if (differing.length) appendProse(state, "summary", differing.join("\n"));
}
