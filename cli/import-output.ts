/** How `hindsight import` words its progress, each file and the summary. */
import type { ArchiveImportReport, ImportedItem } from "@/lib/server/import-archive/import-sources";

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;

const VERBS = {
  real: { new: "created", update: "updated", unchanged: "unchanged", failed: "failed" },
  dryRun: { new: "would create", update: "would update", unchanged: "unchanged", failed: "would fail" },
};

/** One file's line: `[3/40] created posts/a.md → a-slug (2 warnings)`, or its error. */
export function describeImport(item: ImportedItem, done: number, total: number, dryRun: boolean): string {
  const step = `[${done}/${total}]`;
  if (item.status === "failed") return `${step} ${item.label}: ${item.error}\n`;
  const verb = VERBS[dryRun ? "dryRun" : "real"][item.status];
  const target = item.slug ? ` → ${item.slug}` : item.title ? ` → "${item.title}"` : "";
  const counts = item.counts && item.status !== "unchanged" ? `${plural(item.counts.events, "event")}, ${plural(item.counts.factors, "factor")}, ${plural(item.counts.actions, "action")}, ` : "";
  return `${step} ${verb} ${item.label}${target} (${counts}${plural(item.warnings.length, "warning")})\n`;
}

/** The line a terminal shows while files are read: done of total, a bar and the last file's name, within the width. */
export function progressLine(done: number, total: number, name: string, columns = 80): string {
  const width = 20;
  const filled = Math.round((done / total) * width);
  const head = `Importing ${done}/${total} [${"#".repeat(filled)}${"-".repeat(width - filled)}] `;
  const room = Math.max(0, columns - head.length - 1);
  return head + (name.length > room ? `…${name.slice(name.length - room + 1)}` : name);
}

/** The summary: how many files, and what came of them. */
export function describeTotals(report: ArchiveImportReport): string {
  const { totals, dryRun } = report;
  const parts = dryRun
    ? [`${totals.new} would be created`, `${totals.update} updated`, `${totals.unchanged} unchanged`]
    : [`${totals.new} created`, `${totals.update} updated`, `${totals.unchanged} unchanged`];
  if (totals.failed) parts.push(`${totals.failed} failed (see above)`);
  const skipped = totals.skipped ? ` ${plural(totals.skipped, "other file")} skipped (${summariseSkipped(report)}).` : "";
  const lead = dryRun ? `Dry run, nothing changed: ${plural(totals.files, "file")} read` : `Imported ${totals.files - totals.failed} of ${plural(totals.files, "file")}`;
  return `${lead}: ${parts.join(", ")}.${skipped}\n`;
}

function summariseSkipped(report: ArchiveImportReport): string {
  const byReason = new Map<string, number>();
  for (const entry of report.skipped) byReason.set(entry.reason, (byReason.get(entry.reason) ?? 0) + 1);
  return [...byReason].map(([reason, count]) => `${count} ${reason}`).join(", ");
}
