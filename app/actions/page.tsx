import type { Metadata } from "next";
import Link from "next/link";
import { todayUtc } from "@/lib/domain/actions";
import { parseTrackerQuery, trackerQueryString, type TrackerQuery } from "@/lib/schemas/actions";
import { listActionOwners, listActions } from "@/lib/server/actions";
import { pagePath } from "@/components/account/request-info";
import { mayDo, requirePageActor } from "@/lib/server/auth";
import { ActionTable } from "./_components/action-table";
import { TrackerFilters } from "./_components/tracker-filters";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Corrective actions" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const count = (n: number, word: string) => `${n.toLocaleString("en-US")} ${word}${n === 1 ? "" : "s"}`;

export default async function ActionsPage({ searchParams }: Props) {
  // A bad parameter is named above the results and left out; the rest still apply.
  const raw = await searchParams;
  const actor = await requirePageActor({ path: pagePath("/actions", raw) });
  const { query, problems } = parseTrackerQuery(raw);
  const today = todayUtc();
  const [page, owners] = await Promise.all([listActions({ query, today }), listActionOwners()]);
  const href = (changes: Partial<TrackerQuery>) => `/actions?${trackerQueryString({ ...query, ...changes })}`;
  const filters = trackerQueryString({ ...query, page: 1 });
  const csvHref = `/api/actions?${filters ? `${filters}&` : ""}format=csv`;

  return (
    <div>
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Corrective actions</h1>
          <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">Every action from every postmortem that is not archived: who owns it, when it is due, where it stands.</p>
        </div>
        <a href={csvHref} download className="text-sm font-medium text-accent-700 underline underline-offset-2 hover:text-accent-800 dark:text-accent-300">
          Download CSV
        </a>
      </div>

      <TrackerFilters query={query} owners={owners} statusCounts={page.statusCounts} />

      {Object.keys(problems).length > 0 && (
        <div role="alert" className="mt-4 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-500/40 dark:bg-amber-500/10 dark:text-amber-200">
          Some filters in the address were not understood and are ignored:
          <ul className="mt-1 list-disc pl-5">
            {Object.entries(problems).map(([key, messages]) => (
              <li key={key}>
                <code>{key}</code>: {messages.join(" ")}
              </li>
            ))}
          </ul>
        </div>
      )}

      <p className="mt-6 text-sm text-zinc-700 dark:text-zinc-300" aria-live="polite">
        <strong className="font-semibold">{count(page.total, "action")}</strong>
        {page.overdue > 0 && (
          <>
            {", "}
            <strong className="font-semibold text-red-700 dark:text-red-400">{page.overdue.toLocaleString("en-US")} overdue</strong>
          </>
        )}
        {page.pageCount > 1 && <span className="text-zinc-500"> · page {page.page} of {page.pageCount.toLocaleString("en-US")}</span>}
      </p>

      {page.actions.length === 0 ? (
        <p className="mt-6 rounded-lg border border-dashed border-zinc-300 px-4 py-8 text-center text-sm text-zinc-500 dark:border-zinc-700">
          {page.total > 0 ? (
            <>
              This page is past the last one.{" "}
              <Link href={href({ page: 1 })} className="underline underline-offset-2">
                Go to the first page
              </Link>
              .
            </>
          ) : (
            "No corrective actions match these filters."
          )}
        </p>
      ) : (
        <div className="mt-3">
          <ActionTable actions={page.actions} today={today} mayChangeStatus={mayDo(actor, "editor")} />
        </div>
      )}

      {page.pageCount > 1 && (
        <nav aria-label="Pages" className="mt-6 flex items-center justify-between text-sm">
          {page.page > 1 ? (
            <Link href={href({ page: page.page - 1 })} className="underline underline-offset-2">
              ← Previous
            </Link>
          ) : (
            <span />
          )}
          {page.page < page.pageCount && (
            <Link href={href({ page: page.page + 1 })} className="underline underline-offset-2">
              Next →
            </Link>
          )}
        </nav>
      )}
    </div>
  );
}
