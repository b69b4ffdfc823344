import Link from "next/link";
import { buttonClass } from "@/components/ui/fields";
import { FilterDate, FilterSelect, optionsOf } from "@/components/ui/filter-fields";
import { ACTION_STATUSES, ACTION_STATUS_LABELS, ACTION_TYPES, ACTION_TYPE_LABELS, SEVERITIES, type ActionStatus } from "@/lib/domain/postmortem";
import { UNASSIGNED, type TrackerQuery } from "@/lib/schemas/actions";

const DUE_OPTIONS = [
  { value: "any", label: "Any time" },
  { value: "overdue", label: "Overdue" },
  { value: "next30", label: "Due in the next 30 days" },
  { value: "none", label: "No due date" },
];

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
        <FilterSelect
          caption="Owner"
          name="owner"
          value={query.owner}
          options={[
            { value: "", label: "Everyone" },
            { value: UNASSIGNED, label: "Unassigned" },
            ...(hasOwner || !query.owner ? [] : [{ value: query.owner, label: query.owner }]),
            ...owners.map((owner) => ({ value: owner, label: owner })),
          ]}
        />
        <FilterSelect caption="Due" name="due" value={query.due} options={DUE_OPTIONS} />
        <FilterDate caption="Due from" name="dueFrom" value={query.dueFrom} />
        <FilterDate caption="Due until" name="dueTo" value={query.dueTo} />
        <FilterSelect caption="Type" name="type" value={query.type} options={optionsOf("All types", ACTION_TYPES, (type) => ACTION_TYPE_LABELS[type])} />
        <FilterSelect caption="Severity" name="severity" value={query.severity} options={optionsOf("All severities", SEVERITIES)} />
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
