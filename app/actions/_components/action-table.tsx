"use client";

import Link from "next/link";
import { useState } from "react";
import { SeverityBadge } from "@/components/ui/badges";
import { dueLabel, overdueDays, type TrackedAction } from "@/lib/domain/actions";
import { ACTION_STATUS_LABELS, ACTION_TYPE_LABELS } from "@/lib/domain/postmortem";
import { StatusSelect } from "./status-select";

const COLUMNS = ["Action", "Type", "Owner", "Due", "Status"];

/**
 * The tracker's table. Rows of one postmortem share its version: after a
 * status change saves, the other rows of that postmortem send the new one.
 * Below 640 px each row becomes a card.
 */
export function ActionTable({ actions, today, mayChangeStatus }: { actions: TrackedAction[]; today: string; /** Editors change status in place; viewers read it. */ mayChangeStatus: boolean }) {
  const [versions, setVersions] = useState<Record<string, number>>({});
  const onVersion = (slug: string, version: number) => setVersions((current) => ({ ...current, [slug]: version }));

  return (
    <table className="w-full text-sm max-sm:block">
      <caption className="sr-only">Corrective actions</caption>
      <thead className="border-b border-zinc-200 text-left text-xs text-zinc-500 max-sm:sr-only dark:border-zinc-800">
        <tr>
          {COLUMNS.map((column, i) => (
            <th key={column} scope="col" className={`py-2 font-medium ${i < COLUMNS.length - 1 ? "pr-3" : ""}`}>
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="max-sm:block">
        {actions.map((action) => {
          const late = overdueDays(action, today);
          const label = dueLabel(action, today);
          return (
            <tr
              key={`${action.slug}:${action.index}`}
              className={`border-b border-zinc-100 align-top max-sm:grid max-sm:grid-cols-2 max-sm:gap-x-3 max-sm:gap-y-2 max-sm:py-3 dark:border-zinc-800/70 ${
                late ? "bg-red-50/70 shadow-[inset_3px_0_0_var(--color-red-500)] dark:bg-red-500/5" : ""
              }`}
            >
              <td className="py-3 pr-3 pl-3 max-sm:col-span-2 max-sm:py-0">
                <div className="font-medium wrap-anywhere text-zinc-900 dark:text-zinc-100">{action.title}</div>
                <div className="mt-1 flex flex-wrap items-center gap-2 text-xs text-zinc-500">
                  <SeverityBadge severity={action.severity} />
                  <Link href={`/postmortems/${action.slug}`} className="underline decoration-zinc-300 underline-offset-2 wrap-anywhere hover:text-zinc-900 dark:hover:text-zinc-100">
                    {action.postmortemTitle}
                  </Link>
                </div>
              </td>
              <td className="py-3 pr-3 whitespace-nowrap max-sm:py-0 max-sm:pl-3">
                <span className="text-xs text-zinc-500 sm:hidden">Type: </span>
                {action.type ? ACTION_TYPE_LABELS[action.type] : <span className="text-zinc-400">—</span>}
              </td>
              <td className="py-3 pr-3 wrap-anywhere max-sm:py-0">
                <span className="text-xs text-zinc-500 sm:hidden">Owner: </span>
                {action.owner?.trim() ? action.owner : <span className="text-zinc-500 italic">Unassigned</span>}
              </td>
              <td className="py-3 pr-3 whitespace-nowrap max-sm:py-0 max-sm:pl-3">
                <span className="text-xs text-zinc-500 sm:hidden">Due: </span>
                {action.dueDate ? <span className="tabular-nums">{action.dueDate}</span> : <span className="text-zinc-500 dark:text-zinc-400">No due date</span>}
                {label && (
                  <div className={`mt-0.5 text-xs ${late ? "font-semibold text-red-700 dark:text-red-400" : "text-zinc-500"}`}>
                    {late && <span aria-hidden>⚠ </span>}
                    {label}
                  </div>
                )}
              </td>
              <td className="py-3 pr-3 max-sm:py-0">
                {mayChangeStatus ? (
                  <StatusSelect
                    slug={action.slug}
                    index={action.index}
                    title={action.title}
                    status={action.status}
                    version={versions[action.slug] ?? action.version}
                    onVersion={onVersion}
                  />
                ) : (
                  <>
                    <span className="text-xs text-zinc-500 sm:hidden">Status: </span>
                    {ACTION_STATUS_LABELS[action.status]}
                  </>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
