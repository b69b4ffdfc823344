"use client";

import { useId, useState } from "react";
import { SeverityBadge, StatusBadge } from "@/components/ui/badges";
import { FACTOR_CATEGORY_LABELS, STATUS_LABELS, type Status } from "@/lib/domain/postmortem";
import {
  ACTION_FACET_LABELS,
  hasFilters,
  SEVERITY_FACET_LABELS,
  type FacetCount,
  type FacetCounts,
  type SearchFilters,
  type SeverityValue,
} from "@/lib/domain/search/facets";
import { formatDate } from "@/lib/domain/instants";
import type { SearchRequest } from "@/lib/schemas/search";

type ListKey = "severity" | "status" | "service" | "tag" | "factor" | "action";
type OnChange = (next: Partial<SearchRequest>) => void;

const numberFormat = new Intl.NumberFormat("en-US");
/** Services and tags show this many values until "Show all". */
const SHORT_LIST = 8;

const LABELS: Record<ListKey, (value: string) => React.ReactNode> = {
  severity: (value) => (value === "none" ? SEVERITY_FACET_LABELS.none : <SeverityBadge severity={value as Exclude<SeverityValue, "none">} />),
  status: (value) => <StatusBadge status={value as Status} />,
  service: (value) => value,
  tag: (value) => value,
  factor: (value) => FACTOR_CATEGORY_LABELS[value as keyof typeof FACTOR_CATEGORY_LABELS] ?? value,
  action: (value) => ACTION_FACET_LABELS[value as keyof typeof ACTION_FACET_LABELS] ?? value,
};

/** Plain-text names of values, for filter chips and accessible names. */
export function valueName(key: ListKey, value: string): string {
  if (key === "severity") return SEVERITY_FACET_LABELS[value as SeverityValue] ?? value;
  if (key === "status") return STATUS_LABELS[value as Status] ?? value;
  if (key === "factor") return FACTOR_CATEGORY_LABELS[value as keyof typeof FACTOR_CATEGORY_LABELS] ?? value;
  if (key === "action") return ACTION_FACET_LABELS[value as keyof typeof ACTION_FACET_LABELS] ?? value;
  return value;
}

/** Filters with the number of matches each would give, for the current query. */
export function FacetPanel({ request, facets, onChange }: { request: SearchRequest; facets: FacetCounts; onChange: OnChange }) {
  const [isOpen, setIsOpen] = useState(false);
  const { filters } = request;
  const activeCount =
    filters.severity.length + filters.status.length + filters.service.length + filters.tag.length + filters.factor.length + filters.action.length +
    (filters.from || filters.to ? 1 : 0);

  const toggle = (key: ListKey, value: string) => {
    const current = filters[key] as string[];
    const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
    onChange({ filters: { ...filters, [key]: next } as SearchFilters });
  };

  return (
    <aside aria-label="Filters" className="min-w-0">
      <button
        type="button"
        onClick={() => setIsOpen((open) => !open)}
        aria-expanded={isOpen}
        aria-controls="facet-groups"
        className="flex w-full items-center justify-between rounded-md border border-zinc-300 px-3 py-2 text-sm font-medium md:hidden dark:border-zinc-700"
      >
        <span>Filters{activeCount ? ` (${activeCount})` : ""}</span>
        <span aria-hidden>{isOpen ? "▴" : "▾"}</span>
      </button>
      <div id="facet-groups" className={`${isOpen ? "mt-4 block" : "hidden"} space-y-6 md:mt-0 md:block`}>
        <FacetGroup title="Severity" facet="severity" counts={facets.severity} selected={filters.severity} onToggle={toggle} />
        <FacetGroup
          title="Status"
          facet="status"
          counts={facets.status}
          selected={filters.status}
          onToggle={toggle}
          note={filters.status.length === 0 && facets.status.some((c) => c.value === "archived") ? "Archived ones are left out unless chosen." : undefined}
        />
        <FacetGroup title="Service" facet="service" counts={facets.service} selected={filters.service} onToggle={toggle} />
        <FacetGroup title="Tag" facet="tag" counts={facets.tag} selected={filters.tag} onToggle={toggle} />
        <FacetGroup title="Contributing factor" facet="factor" counts={facets.factor} selected={filters.factor} onToggle={toggle} />
        <FacetGroup title="Corrective actions" facet="action" counts={facets.action} selected={filters.action} onToggle={toggle} />
        <DateFacet years={facets.year} from={filters.from} to={filters.to} onChange={(from, to) => onChange({ filters: { ...filters, from, to } })} />
      </div>
    </aside>
  );
}

function FacetGroup({
  title,
  facet,
  counts,
  selected,
  onToggle,
  note,
}: {
  title: string;
  facet: ListKey;
  counts: FacetCount[];
  selected: string[];
  onToggle: (key: ListKey, value: string) => void;
  note?: string;
}) {
  const [showAll, setShowAll] = useState(false);
  const headingId = useId();
  // Chosen values stay listed even when the query leaves none of them.
  const missing = selected.filter((value) => !counts.some((c) => c.value === value)).map((value) => ({ value, count: 0 }));
  const all = [...counts, ...missing];
  if (all.length === 0) return null;
  const isLong = all.length > SHORT_LIST + 2;
  const shown = isLong && !showAll ? all.filter((c, i) => i < SHORT_LIST || selected.includes(c.value)) : all;
  return (
    // A fieldset is as wide as its widest content unless told otherwise (min-inline-size: min-content):
    // min-w-0 keeps it in the sidebar's column, so long labels wrap instead of pushing counts over the results.
    <fieldset aria-labelledby={headingId} className="min-w-0">
      <legend id={headingId} className="text-xs font-semibold uppercase tracking-wide text-zinc-500">
        {title}
      </legend>
      <ul className="mt-2 space-y-0.5">
        {shown.map(({ value, count }) => (
          <li key={value}>
            <label className="flex cursor-pointer items-start gap-2 rounded-md px-1.5 py-1 text-sm hover:bg-zinc-50 dark:hover:bg-zinc-900">
              <input
                type="checkbox"
                checked={selected.includes(value)}
                onChange={() => onToggle(facet, value)}
                aria-label={`${valueName(facet, value)} (${count})`}
                className="mt-[0.2rem] size-3.5 shrink-0 accent-accent-600"
              />
              <span className="min-w-0 flex-1 wrap-anywhere">
                {LABELS[facet](value)}
              </span>
              <span className="shrink-0 pt-0.5 text-xs tabular-nums text-zinc-500">
                {numberFormat.format(count)}
              </span>
            </label>
          </li>
        ))}
      </ul>
      {isLong && (
        <button type="button" onClick={() => setShowAll((v) => !v)} className="mt-1 px-1.5 text-xs text-accent-600 hover:underline dark:text-accent-400">
          {showAll ? "Show fewer" : `Show all ${all.length}`}
        </button>
      )}
      {note && <p className="mt-1 px-1.5 text-xs text-zinc-500">{note}</p>}
    </fieldset>
  );
}

function DateFacet({
  years,
  from,
  to,
  onChange,
}: {
  years: FacetCount[];
  from: string | null;
  to: string | null;
  onChange: (from: string | null, to: string | null) => void;
}) {
  const headingId = useId();
  if (years.length === 0 && !from && !to) return null;
  const max = Math.max(1, ...years.map((y) => y.count));
  const isYear = (year: string) => from === `${year}-01-01` && to === `${year}-12-31`;
  return (
    <fieldset aria-labelledby={headingId} className="min-w-0">
      <legend id={headingId} className="text-xs font-semibold uppercase tracking-wide text-zinc-500">
        Incident date
      </legend>
      <ul className="mt-2 space-y-0.5">
        {years.map(({ value, count }) => (
          <li key={value}>
            <button
              type="button"
              aria-pressed={isYear(value)}
              onClick={() => (isYear(value) ? onChange(null, null) : onChange(`${value}-01-01`, `${value}-12-31`))}
              className="flex w-full items-center gap-2 rounded-md px-1.5 py-1 text-left text-sm hover:bg-zinc-50 aria-pressed:bg-accent-50 aria-pressed:font-medium dark:hover:bg-zinc-900 dark:aria-pressed:bg-accent-500/15"
            >
              <span className="w-10 tabular-nums">{value}</span>
              <span aria-hidden className="h-1.5 flex-1 rounded-full bg-zinc-100 dark:bg-zinc-800">
                <span className="block h-full rounded-full bg-accent-400/70" style={{ width: `${Math.max(4, (100 * count) / max)}%` }} />
              </span>
              {/* The name is the visible text ("2026 3 postmortems"), so voice control users can say what they see (WCAG 2.5.3). */}
              <span className="text-xs tabular-nums text-zinc-500">
                {numberFormat.format(count)}
                <span className="sr-only">{count === 1 ? " postmortem" : " postmortems"}</span>
              </span>
            </button>
          </li>
        ))}
      </ul>
      <details className="mt-2 px-1.5 text-sm" open={Boolean((from || to) && !years.some((y) => isYear(y.value)))}>
        <summary className="cursor-pointer text-xs text-accent-600 dark:text-accent-400">Custom range</summary>
        <div className="mt-2 grid grid-cols-[auto_1fr] items-center gap-x-2 gap-y-1.5 text-xs">
          <label htmlFor={`${headingId}-from`}>From</label>
          <input
            id={`${headingId}-from`}
            type="date"
            value={from ?? ""}
            onChange={(event) => onChange(event.target.value || null, to)}
            className="min-w-0 rounded border border-zinc-300 bg-white px-1.5 py-0.5 dark:border-zinc-700 dark:bg-zinc-900"
          />
          <label htmlFor={`${headingId}-to`}>To</label>
          <input
            id={`${headingId}-to`}
            type="date"
            value={to ?? ""}
            onChange={(event) => onChange(from, event.target.value || null)}
            className="min-w-0 rounded border border-zinc-300 bg-white px-1.5 py-0.5 dark:border-zinc-700 dark:bg-zinc-900"
          />
        </div>
      </details>
    </fieldset>
  );
}

/** The filters in force, each removable, and a way to clear them all. */
export function ActiveFilters({ request, onChange }: { request: SearchRequest; onChange: OnChange }) {
  const { filters } = request;
  if (!hasFilters(filters)) return null;
  const chips: { key: string; label: string; remove: () => void }[] = [];
  for (const key of ["severity", "status", "service", "tag", "factor", "action"] as const) {
    for (const value of filters[key] as string[]) {
      chips.push({
        key: `${key}:${value}`,
        label: valueName(key, value),
        remove: () => onChange({ filters: { ...filters, [key]: (filters[key] as string[]).filter((v) => v !== value) } as SearchFilters }),
      });
    }
  }
  if (filters.from || filters.to) {
    const label = filters.from && filters.to ? `${formatDate(filters.from)} – ${formatDate(filters.to)}` : filters.from ? `From ${formatDate(filters.from)}` : `Until ${formatDate(filters.to!)}`;
    chips.push({ key: "date", label, remove: () => onChange({ filters: { ...filters, from: null, to: null } }) });
  }
  return (
    <div className="mt-3 flex flex-wrap items-center gap-2">
      {chips.map((chip) => (
        <button
          key={chip.key}
          type="button"
          onClick={chip.remove}
          aria-label={`Remove filter: ${chip.label}`}
          className="inline-flex max-w-full items-center gap-1 rounded-full bg-accent-50 px-2.5 py-0.5 text-xs font-medium text-accent-700 hover:bg-accent-100 dark:bg-accent-500/15 dark:text-accent-400"
        >
          <span className="truncate">{chip.label}</span>
          <span aria-hidden>×</span>
        </button>
      ))}
      <button
        type="button"
        onClick={() => onChange({ filters: { severity: [], status: [], service: [], tag: [], factor: [], action: [], from: null, to: null } })}
        className="text-xs text-zinc-500 hover:text-zinc-900 hover:underline dark:hover:text-zinc-100"
      >
        Clear filters
      </button>
    </div>
  );
}
