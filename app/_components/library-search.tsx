"use client";

import Link from "next/link";
import { useEffect, useRef } from "react";
import { hasFilters } from "@/lib/domain/search/facets";
import type { SearchResponse, SearchSort } from "@/lib/schemas/search";
import { ActiveFilters, FacetPanel } from "./facet-panel";
import { SearchResults } from "./search-results";
import { useLibrarySearch } from "./use-library-search";

const numberFormat = new Intl.NumberFormat("en-US");

/**
 * The incident library: a search box that searches as you type, filters
 * with counts, and the matching postmortems. Keyboard: `/` focuses the box,
 * ↓ and ↑ move through the results, Enter opens one, Esc returns to the box.
 */
export function LibrarySearch({ initial, mayWrite }: { initial: SearchResponse; /** Whether the role may create postmortems (the empty library offers to). */ mayWrite: boolean }) {
  const search = useLibrarySearch(initial);
  const { request, response, text, inputRef, isLoading, error } = search;
  const resultsRef = useRef<HTMLOListElement>(null);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "/" || event.metaKey || event.ctrlKey || event.altKey) return;
      const target = event.target as HTMLElement | null;
      if (target?.closest("input, textarea, select, [contenteditable='true']")) return;
      event.preventDefault();
      inputRef.current?.focus();
      inputRef.current?.select();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [inputRef]);

  const resultLinks = () => Array.from(resultsRef.current?.querySelectorAll<HTMLAnchorElement>("a[data-result]") ?? []);

  const onInputKey = (event: React.KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown") {
      event.preventDefault();
      resultLinks()[0]?.focus();
    } else if (event.key === "Enter") {
      event.preventDefault();
      // Enter searches at once if the pause has not come yet; once the results are for what is typed, it opens the first.
      if (event.currentTarget.value !== request.q) search.flush();
      else if (!isLoading) resultLinks()[0]?.click();
    } else if (event.key === "Escape" && event.currentTarget.value) {
      event.preventDefault();
      search.clear();
    }
  };

  const onResultsKey = (event: React.KeyboardEvent<HTMLOListElement>) => {
    const links = resultLinks();
    const index = links.indexOf(document.activeElement as HTMLAnchorElement);
    if (index < 0) return;
    if (event.key === "ArrowDown") {
      event.preventDefault();
      links[Math.min(index + 1, links.length - 1)].focus();
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      if (index === 0) inputRef.current?.focus();
      else links[index - 1].focus();
    } else if (event.key === "Escape") {
      event.preventDefault();
      inputRef.current?.focus();
    }
  };

  const filtered = hasFilters(request.filters);
  const isEmptyLibrary = response.total === 0 && !request.q.trim() && !filtered && response.facets.status.length === 0;

  return (
    <div>
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Incident library</h1>
          <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">Every postmortem your team writes, searchable.</p>
        </div>
      </div>

      <form role="search" className="relative mt-6" onSubmit={(event) => event.preventDefault()}>
        <label htmlFor="library-search" className="sr-only">
          Search postmortems
        </label>
        <SearchIcon />
        <input
          ref={inputRef}
          id="library-search"
          type="search"
          defaultValue={initial.request.q}
          onChange={search.typed}
          onKeyDown={onInputKey}
          placeholder='Search: token parser, "feature flag", -draft'
          autoComplete="off"
          spellCheck={false}
          aria-describedby="library-search-hint"
          aria-controls={isEmptyLibrary ? undefined : "search-results"}
          className="block w-full rounded-lg border border-zinc-300 bg-white py-2.5 pl-10 pr-12 text-base shadow-xs placeholder:text-zinc-400 focus:border-accent-500 focus:outline-2 focus:outline-offset-0 focus:outline-accent-500/40 dark:border-zinc-700 dark:bg-zinc-900"
        />
        <kbd
          aria-hidden
          className="pointer-events-none absolute right-3 top-1/2 hidden -translate-y-1/2 rounded border border-zinc-300 px-1.5 font-mono text-xs text-zinc-400 sm:block dark:border-zinc-700"
        >
          /
        </kbd>
        <p id="library-search-hint" className="sr-only">
          Results update as you type. Press the down arrow to move into the results and Enter to open one.
        </p>
      </form>

      {isEmptyLibrary ? (
        <EmptyLibrary mayWrite={mayWrite} />
      ) : (
        <div className="mt-6 grid gap-x-10 gap-y-4 md:grid-cols-[13rem_minmax(0,1fr)]">
          <FacetPanel request={request} facets={response.facets} onChange={search.change} />

          <section aria-labelledby="results-heading" className="min-w-0">
            <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2 border-b border-zinc-200 pb-3 dark:border-zinc-800">
              <h2 id="results-heading" className="text-sm text-zinc-600 dark:text-zinc-400" aria-live="polite" aria-atomic>
                <span className="font-medium text-zinc-900 dark:text-zinc-100">{numberFormat.format(response.total)}</span>{" "}
                {response.total === 1 ? "postmortem" : "postmortems"}
                {response.request.q.trim() ? " match" : ""}
                <span className="ml-2 text-xs text-zinc-500 tabular-nums dark:text-zinc-400">{response.timing.totalMs} ms</span>
              </h2>
              <label className="flex items-center gap-2 text-sm text-zinc-600 dark:text-zinc-400">
                Sort
                <select
                  value={request.sort}
                  onChange={(event) => search.change({ sort: event.target.value as SearchSort })}
                  className="rounded-md border border-zinc-300 bg-white py-1 pl-2 pr-7 text-sm dark:border-zinc-700 dark:bg-zinc-900"
                >
                  <option value="relevance" disabled={!text.trim()}>
                    Best match
                  </option>
                  <option value="date">Newest incident</option>
                  <option value="updated">Recently updated</option>
                </select>
              </label>
            </div>

            <ActiveFilters request={request} onChange={search.change} />
            {error && (
              <p role="status" className="mt-3 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800 dark:bg-amber-500/10 dark:text-amber-300">
                {error}
              </p>
            )}

            <div className={`transition-opacity duration-150 ${isLoading ? "opacity-60" : ""}`} aria-busy={isLoading}>
              {response.results.length === 0 ? (
                <NoMatches query={response.request.q} isFiltered={filtered} onClear={() => search.change({ q: "", filters: { ...request.filters, ...CLEARED } })} />
              ) : (
                <SearchResults ref={resultsRef} results={response.results} onKeyDown={onResultsKey} />
              )}
              <Pagination
                page={response.request.page}
                totalPages={response.totalPages}
                onPage={(page) => {
                  search.change({ page });
                  document.getElementById("results-heading")?.scrollIntoView({ block: "start" });
                }}
              />
            </div>
          </section>
        </div>
      )}
    </div>
  );
}

const CLEARED = { severity: [], status: [], service: [], tag: [], factor: [], action: [], from: null, to: null };

function SearchIcon() {
  return (
    <svg aria-hidden viewBox="0 0 20 20" className="pointer-events-none absolute left-3.5 top-1/2 size-4.5 -translate-y-1/2 text-zinc-400">
      <circle cx="8.5" cy="8.5" r="5.5" fill="none" stroke="currentColor" strokeWidth="1.75" />
      <path d="m13 13 4 4" stroke="currentColor" strokeWidth="1.75" strokeLinecap="round" />
    </svg>
  );
}

function NoMatches({ query, isFiltered, onClear }: { query: string; isFiltered: boolean; onClear: () => void }) {
  return (
    <div className="py-12 text-center">
      <p className="font-medium">{query.trim() ? <>Nothing matches “{query.trim()}”{isFiltered ? " with these filters" : ""}.</> : "No postmortems match these filters."}</p>
      <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
        Try fewer or other words, a word’s beginning (“config”), or{" "}
        <button type="button" onClick={onClear} className="text-accent-600 hover:underline dark:text-accent-400">
          start over
        </button>
        .
      </p>
    </div>
  );
}

function Pagination({ page, totalPages, onPage }: { page: number; totalPages: number; onPage: (page: number) => void }) {
  if (totalPages <= 1) return null;
  const linkClass = "rounded-md px-2 py-1 text-accent-600 hover:bg-accent-50 dark:text-accent-400 dark:hover:bg-accent-500/10";
  return (
    <nav aria-label="Pages" className="mt-6 flex items-center justify-between text-sm">
      {page > 1 ? (
        <button type="button" className={linkClass} onClick={() => onPage(page - 1)}>
          ← Previous
        </button>
      ) : (
        <span />
      )}
      <span className="text-zinc-500 tabular-nums">
        Page {numberFormat.format(page)} of {numberFormat.format(totalPages)}
      </span>
      {page < totalPages ? (
        <button type="button" className={linkClass} onClick={() => onPage(page + 1)}>
          Next →
        </button>
      ) : (
        <span />
      )}
    </nav>
  );
}

function EmptyLibrary({ mayWrite }: { mayWrite: boolean }) {
  if (!mayWrite) {
    return (
      <div className="mt-10 rounded-xl border border-dashed border-zinc-300 px-6 py-12 text-center dark:border-zinc-700">
        <h2 className="font-medium">No postmortems yet</h2>
        <p className="mx-auto mt-2 max-w-md text-sm text-zinc-600 dark:text-zinc-400">When your team writes or imports postmortems, they appear here.</p>
      </div>
    );
  }
  return (
    <div className="mt-10 rounded-xl border border-dashed border-zinc-300 px-6 py-12 text-center dark:border-zinc-700">
      <h2 className="font-medium">No postmortems yet</h2>
      <p className="mx-auto mt-2 max-w-md text-sm text-zinc-600 dark:text-zinc-400">
        Start one in the guided editor, create one from an exchange JSON file with{" "}
        <code className="font-mono text-[0.85em]">npx hindsight create FILE.json</code>, or send it to{" "}
        <code className="font-mono text-[0.85em]">POST /api/postmortems</code>.
      </p>
      <Link href="/postmortems/new" className="mt-5 inline-flex rounded-md bg-accent-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-accent-700">
        Write a postmortem
      </Link>
    </div>
  );
}
