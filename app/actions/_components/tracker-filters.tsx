import Link from "next/link";
import { buttonClass, inputClass } from "@/components/ui/fields";
import { ACTION_STATUSES, ACTION_STATUS_LABELS, ACTION_TYPES, SEVERITIES, type ActionStatus } from "@/lib/domain/postmortem";
import { UNASSIGNED, type TrackerQuery } from "@/lib/schemas/actions";

const DUE_OPTIONS = [
  { value: "any", label: "Any time" },
  { value: "overdue", label: "Overdue" },
  { value: "next30", label: "Due in the next 30 days" },
  { value: "none", label: "No due date" },
];

const label = "flex flex-col gap-1";
const caption = "text-xs text-zinc-500";

/**
 * The filters as a plain GET form: every filter lives in the URL, so a view
 * can be shared and the back button steps through earlier ones.
 */
export function TrackerFilters({ query, owners, statusCounts }: { query: TrackerQuery; owners: string[]; statusCounts: Record<ActionStatus, number> }) {
  const hasOwner = !query.owner || query.owner === UNASSIGNED || owners.includes(query.owner);
  return (
    <form aria-label="Filters" className="mt-6 space-y-3 text-sm">
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
        <label className={label}>
          <span className={caption}>Owner</span>
          <select name="owner" defaultValue={query.owner ?? ""} className={inputClass}>
            <option value="">Everyone</option>
            <option value={UNASSIGNED}>Unassigned</option>
            {!hasOwner && <option value={query.owner}>{query.owner}</option>}
            {owners.map((owner) => (
              <option key={owner} value={owner}>
                {owner}
              </option>
            ))}
          </select>
        </label>
        <label className={label}>
          <span className={caption}>Due</span>
          <select name="due" defaultValue={query.due} className={inputClass}>
            {DUE_OPTIONS.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </label>
        <label className={label}>
          <span className={caption}>Due from</span>
          <input type="date" name="dueFrom" defaultValue={query.dueFrom} className={inputClass} />
        </label>
        <label className={label}>
          <span className={caption}>Due until</span>
          <input type="date" name="dueTo" defaultValue={query.dueTo} className={inputClass} />
        </label>
        <label className={label}>
          <span className={caption}>Type</span>
          <select name="type" defaultValue={query.type ?? ""} className={inputClass}>
            <option value="">All types</option>
            {ACTION_TYPES.map((type) => (
              <option key={type} value={type}>
                {type[0].toUpperCase() + type.slice(1)}
              </option>
            ))}
          </select>
        </label>
        <label className={label}>
          <span className={caption}>Severity</span>
          <select name="severity" defaultValue={query.severity ?? ""} className={inputClass}>
            <option value="">All severities</option>
            {SEVERITIES.map((severity) => (
              <option key={severity} value={severity}>
                {severity}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <fieldset className="flex flex-wrap items-center gap-x-4 gap-y-1">
          <legend className="sr-only">Status</legend>
          <span aria-hidden className={caption}>
            Status
          </span>
          {ACTION_STATUSES.map((status) => (
            <label key={status} className="inline-flex items-center gap-1.5">
              <input type="checkbox" name="status" value={status} defaultChecked={query.statuses.includes(status)} className="size-4 accent-accent-600" />
              {ACTION_STATUS_LABELS[status]}
              <span className="text-xs text-zinc-500 tabular-nums">({statusCounts[status].toLocaleString("en-US")})</span>
            </label>
          ))}
        </fieldset>
        <div className="ml-auto flex items-center gap-3">
          <Link href="/actions" className="text-sm text-zinc-600 underline underline-offset-2 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100">
            Clear filters
          </Link>
          <button type="submit" className={buttonClass}>
            Apply
          </button>
        </div>
      </div>
    </form>
  );
}
