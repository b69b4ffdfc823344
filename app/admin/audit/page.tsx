import type { Metadata } from "next";
import Link from "next/link";
import { auditKindLabel } from "@/components/account/audit-kind-labels";
import { pagePath } from "@/components/account/request-info";
import { NotAllowed, roleName } from "@/components/account/not-allowed";
import { ADMIN_TABS, SectionTabs } from "@/components/account/section-tabs";
import { buttonClass } from "@/components/ui/fields";
import { FilterSelect } from "@/components/ui/filter-fields";
import { formatInstant } from "@/lib/domain/time";
import { AUDIT_KINDS, listAudit, listPeople, mayDo, requirePageActor } from "@/lib/server/auth";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Audit log" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const PER_PAGE = 50;
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** The filters in the address, each ignored when it is not one the page offers. */
function readQuery(raw: Record<string, string | string[] | undefined>) {
  const kind = first(raw.kind);
  const person = first(raw.person);
  const page = Number(first(raw.page));
  return {
    kind: kind && (AUDIT_KINDS as readonly string[]).includes(kind) ? kind : undefined,
    person: person && person.length <= 100 ? person : undefined,
    page: Number.isInteger(page) && page >= 1 && page <= 1_000_000 ? page : 1,
  };
}

/** Admin → Audit log: who did what, when, from which address; filtered by person and kind, fifty entries a page. */
export default async function AuditPage({ searchParams }: Props) {
  const raw = await searchParams;
  const actor = await requirePageActor({ path: pagePath("/admin/audit", raw) });
  if (!mayDo(actor, "admin")) {
    return (
      <NotAllowed title="Audit log">
        Only admins read the audit log. Your role is {roleName(actor)}.
      </NotAllowed>
    );
  }
  const query = readQuery(raw);
  const [log, people] = await Promise.all([listAudit({ actorId: query.person, kind: query.kind, page: query.page, perPage: PER_PAGE }), listPeople()]);
  const pageCount = Math.max(1, Math.ceil(log.total / log.perPage));
  const href = (page: number) => {
    const params = new URLSearchParams();
    if (query.person) params.set("person", query.person);
    if (query.kind) params.set("kind", query.kind);
    if (page > 1) params.set("page", String(page));
    const text = params.toString();
    return text ? `/admin/audit?${text}` : "/admin/audit";
  };

  return (
    <div>
      <h1 className="text-2xl font-semibold tracking-tight">Audit log</h1>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">Sign-ins, people and role changes, tokens and workflow changes: who, what, when, and from which address.</p>
      <SectionTabs label="Admin" current="/admin/audit" tabs={ADMIN_TABS} />

      <form className="mt-6 flex flex-wrap items-end gap-3 text-sm" aria-label="Filters">
        <FilterSelect caption="Person" name="person" value={query.person} options={[{ value: "", label: "Everyone" }, ...people.map((person) => ({ value: person.id, label: `${person.name} (${person.email})` }))]} />
        <FilterSelect caption="Kind" name="kind" value={query.kind} options={[{ value: "", label: "Every kind" }, ...AUDIT_KINDS.map((kind) => ({ value: kind, label: auditKindLabel(kind) }))]} />
        <button type="submit" className={buttonClass}>
          Apply
        </button>
        {(query.person || query.kind) && (
          <Link href="/admin/audit" className="py-1.5 text-sm text-zinc-600 underline underline-offset-2 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100">
            Clear filters
          </Link>
        )}
      </form>

      <p className="mt-6 text-sm text-zinc-700 dark:text-zinc-300">
        <strong className="font-semibold">{log.total.toLocaleString("en-US")}</strong> {log.total === 1 ? "entry" : "entries"}
        {pageCount > 1 && (
          <span className="text-zinc-500">
            {" "}
            · page {log.page} of {pageCount.toLocaleString("en-US")}
          </span>
        )}
      </p>

      {log.entries.length === 0 ? (
        <p className="mt-4 rounded-lg border border-dashed border-zinc-300 px-4 py-8 text-center text-sm text-zinc-500 dark:border-zinc-700">
          {log.total > 0 ? "This page is past the last one." : "No entries match these filters."}
        </p>
      ) : (
        <table className="mt-3 w-full text-sm max-md:block">
          <caption className="sr-only">Audit log entries, newest first</caption>
          <thead className="border-b border-zinc-200 text-left text-xs text-zinc-500 max-md:sr-only dark:border-zinc-800">
            <tr>
              {["When", "Who", "What", "Subject", "Detail", "Address"].map((column) => (
                <th key={column} scope="col" className="py-2 pr-3 font-medium last:pr-0">
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="max-md:block">
            {log.entries.map((entry) => (
              <tr key={entry.id} className="border-b border-zinc-100 align-top max-md:grid max-md:grid-cols-2 max-md:gap-x-3 max-md:gap-y-1 max-md:py-3 dark:border-zinc-800/70">
                <td className="py-2 pr-3 whitespace-nowrap text-zinc-600 tabular-nums max-md:col-span-2 max-md:py-0 max-md:text-xs dark:text-zinc-400">
                  <time dateTime={entry.at}>{formatInstant(entry.at, null)}</time>
                </td>
                <td className="py-2 pr-3 wrap-anywhere max-md:py-0">{entry.actorName}</td>
                <td className={`py-2 pr-3 max-md:py-0 ${entry.kind === "sign-in-failed" ? "text-red-700 dark:text-red-400" : ""}`}>{auditKindLabel(entry.kind)}</td>
                <td className="py-2 pr-3 wrap-anywhere max-md:col-span-2 max-md:py-0">
                  <span className="text-xs text-zinc-500 md:hidden">Subject: </span>
                  {entry.subject || <span className="text-zinc-400">—</span>}
                </td>
                <td className="py-2 pr-3 wrap-anywhere text-zinc-600 max-md:col-span-2 max-md:py-0 dark:text-zinc-400">
                  {entry.detail && <span className="text-xs text-zinc-500 md:hidden">Detail: </span>}
                  {entry.detail || <span className="text-zinc-400 max-md:hidden">—</span>}
                </td>
                <td className="py-2 text-xs wrap-anywhere text-zinc-500 max-md:col-span-2 max-md:py-0">
                  <span className="md:hidden">Address: </span>
                  {entry.ip ? <span className="font-mono">{entry.ip}</span> : "Unknown"}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {pageCount > 1 && (
        <nav aria-label="Pages" className="mt-6 flex items-center justify-between text-sm">
          {log.page > 1 ? (
            <Link href={href(log.page - 1)} className="underline underline-offset-2">
              ← Newer
            </Link>
          ) : (
            <span />
          )}
          {log.page < pageCount && (
            <Link href={href(log.page + 1)} className="underline underline-offset-2">
              Older →
            </Link>
          )}
        </nav>
      )}
    </div>
  );
}
