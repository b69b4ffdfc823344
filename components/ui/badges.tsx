import type { Severity, Status } from "@/lib/domain/postmortem";
import { STATUS_LABELS } from "@/lib/domain/postmortem";

const SEVERITY_STYLES: Record<Severity, string> = {
  SEV1: "bg-red-50 text-red-700 ring-red-600/20 dark:bg-red-500/10 dark:text-red-300 dark:ring-red-400/30",
  SEV2: "bg-orange-50 text-orange-700 ring-orange-600/20 dark:bg-orange-500/10 dark:text-orange-300 dark:ring-orange-400/30",
  SEV3: "bg-amber-50 text-amber-800 ring-amber-600/20 dark:bg-amber-500/10 dark:text-amber-300 dark:ring-amber-400/30",
  SEV4: "bg-sky-50 text-sky-700 ring-sky-600/20 dark:bg-sky-500/10 dark:text-sky-300 dark:ring-sky-400/30",
};

const STATUS_STYLES: Record<Status, string> = {
  draft: "text-zinc-600 dark:text-zinc-400",
  in_review: "text-violet-700 dark:text-violet-300",
  published: "text-emerald-700 dark:text-emerald-300",
  archived: "text-zinc-500 dark:text-zinc-500",
};

const STATUS_DOTS: Record<Status, string> = {
  draft: "bg-zinc-400",
  in_review: "bg-violet-500",
  published: "bg-emerald-500",
  archived: "bg-zinc-300 dark:bg-zinc-600",
};

export function SeverityBadge({ severity }: { severity: Severity | null }) {
  if (!severity) {
    return (
      <span className="inline-flex items-center rounded-md px-1.5 py-0.5 text-xs font-medium text-zinc-500 ring-1 ring-inset ring-zinc-300 dark:ring-zinc-700">
        No severity
      </span>
    );
  }
  return (
    <span
      className={`inline-flex items-center rounded-md px-1.5 py-0.5 text-xs font-semibold tabular-nums ring-1 ring-inset ${SEVERITY_STYLES[severity]}`}
    >
      {severity}
    </span>
  );
}

export function StatusBadge({ status }: { status: Status }) {
  return (
    <span className={`inline-flex items-center gap-1.5 text-xs font-medium ${STATUS_STYLES[status]}`}>
      <span aria-hidden className={`size-1.5 rounded-full ${STATUS_DOTS[status]}`} />
      {STATUS_LABELS[status]}
    </span>
  );
}

export function Chip({ children }: { children: React.ReactNode }) {
  return (
    <span className="inline-flex max-w-full items-center rounded-full bg-zinc-100 px-2 py-0.5 text-xs wrap-anywhere text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300">
      {children}
    </span>
  );
}
