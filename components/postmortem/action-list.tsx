import { Markdown } from "@/components/markdown";
import { ACTION_STATUS_LABELS, type ActionStatus } from "@/lib/domain/postmortem";
import { formatDate } from "@/lib/domain/time";
import type { CorrectiveAction } from "@/lib/schemas/postmortem";

const STATUS_STYLES: Record<ActionStatus, string> = {
  open: "bg-zinc-100 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300",
  in_progress: "bg-accent-50 text-accent-700 dark:bg-accent-500/15 dark:text-accent-400",
  done: "bg-emerald-50 text-emerald-700 dark:bg-emerald-500/10 dark:text-emerald-300",
  wont_do: "bg-zinc-100 text-zinc-500 line-through dark:bg-zinc-800",
};

export function ActionList({ actions }: { actions: CorrectiveAction[] }) {
  return (
    <ul className="divide-y divide-zinc-200 rounded-lg border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
      {actions.map((action, index) => (
        <li key={index} className="p-4">
          <div className="flex flex-wrap items-start justify-between gap-2">
            <h3 className="font-medium">{action.title}</h3>
            <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${STATUS_STYLES[action.status]}`}>
              {ACTION_STATUS_LABELS[action.status]}
            </span>
          </div>
          {action.description && <Markdown className="mt-1 text-sm">{action.description}</Markdown>}
          <dl className="mt-2 flex flex-wrap gap-x-5 gap-y-1 text-xs text-zinc-500">
            <Detail label="Type" value={action.type} />
            <Detail label="Priority" value={action.priority} />
            <Detail label="Owner" value={action.owner} missing="No owner" />
            <Detail label="Due" value={action.dueDate ? formatDate(action.dueDate) : null} missing="No due date" />
            {action.url && (
              <div>
                <dt className="sr-only">Tracker</dt>
                <dd>
                  <a href={action.url} className="text-accent-600 hover:underline dark:text-accent-400" rel="noreferrer noopener">
                    Tracker ↗
                  </a>
                </dd>
              </div>
            )}
          </dl>
        </li>
      ))}
    </ul>
  );
}

function Detail({ label, value, missing }: { label: string; value: string | null; missing?: string }) {
  if (!value && !missing) return null;
  return (
    <div className="flex gap-1">
      <dt>{label}:</dt>
      <dd className={value ? "text-zinc-700 dark:text-zinc-300" : "text-amber-700 dark:text-amber-400"}>
        {value ?? missing}
      </dd>
    </div>
  );
}
