"use client";

import { useEffect, useId, useMemo, useState, type ReactNode } from "react";
import { LazyMarkdown } from "@/components/lazy-markdown";
import { buttonClass, inputClass, primaryButtonClass } from "@/components/ui/fields";
import { DEFAULT_EXPORT_OPTIONS, toExportQuery, withoutFrontMatter, type ExportPanelOptions as Options } from "./export-options";

const CHOICES = {
  format: [
    ["jekyll", "Jekyll"],
    ["hugo", "Hugo"],
    ["none", "None"],
  ],
  template: [
    ["blog", "Blog post"],
    ["sre", "SRE book order"],
    ["short", "Short"],
  ],
  timeline: [
    ["list", "List"],
    ["table", "Table"],
  ],
} as const;

const LABELS = { format: "Front matter", template: "Sections", timeline: "Timeline as" } as const;

type ExportResult = { markdown: string; fileName: string } | { error: string };

/** The default export, made and rendered by the page on the server. */
export type InitialExport = { query: string; markdown: string; fileName: string; preview: ReactNode };

/** Export options, a live preview (rendered or raw), Copy and Download. */
export function ExportPanel({ slug, initial }: { slug: string; initial: InitialExport }) {
  const id = useId();
  const [options, setOptions] = useState<Options>(DEFAULT_EXPORT_OPTIONS);
  const [view, setView] = useState<"rendered" | "raw">("rendered");
  const [fetched, setFetched] = useState<{ query: string; result: ExportResult } | null>(null);
  const [copied, setCopied] = useState(false);
  const query = useMemo(() => toExportQuery(options), [options]);
  const url = `/api/postmortems/${encodeURIComponent(slug)}/export?${query}`;
  // The page came with the default export, rendered on the server: the Markdown renderer loads only when the options change.
  const isInitial = query === initial.query;
  const result: ExportResult | null = isInitial ? initial : fetched?.query === query ? fetched.result : null;

  useEffect(() => {
    if (isInitial) return;
    const setResult = (result: ExportResult) => setFetched({ query, result });
    const controller = new AbortController();
    fetch(url, { signal: controller.signal })
      .then(async (response) => {
        if (!response.ok) {
          const body = await response.json().catch(() => null);
          setResult({ error: body?.error?.message ?? `Export failed (${response.status}).` });
          return;
        }
        const disposition = response.headers.get("content-disposition") ?? "";
        const fileName = disposition.match(/filename="([^"]+)"/)?.[1] ?? `${slug}.md`;
        setResult({ markdown: await response.text(), fileName });
      })
      .catch((error: Error) => {
        if (error.name !== "AbortError") setResult({ error: "The server could not be reached. Try again in a moment." });
      });
    return () => controller.abort();
  }, [url, slug, query, isInitial]);

  const set = <K extends keyof Options>(key: K, value: Options[K]) => setOptions((current) => ({ ...current, [key]: value }));

  return (
    <div className="mt-6 grid grid-cols-1 gap-8 lg:grid-cols-[16rem_minmax(0,1fr)]">
      <form aria-label="Export options" className="space-y-5" onSubmit={(event) => event.preventDefault()}>
        {(Object.keys(CHOICES) as (keyof typeof CHOICES)[]).map((key) => (
          <fieldset key={key}>
            <legend className="text-sm font-medium">{LABELS[key]}</legend>
            <div className="mt-1.5 space-y-1">
              {CHOICES[key].map(([value, label]) => (
                <label key={value} className="flex items-center gap-2 text-sm">
                  <input
                    type="radio"
                    name={`${id}-${key}`}
                    value={value}
                    checked={options[key] === value}
                    onChange={() => set(key, value as never)}
                    className="accent-accent-600"
                  />
                  {label}
                </label>
              ))}
            </div>
          </fieldset>
        ))}
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium">Audience</legend>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={options.isPublic} onChange={(e) => set("isPublic", e.target.checked)} className="size-4 accent-accent-600" />
            Public variant
          </label>
          {options.isPublic && (
            <>
              <label className="flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  checked={options.includeAuthors}
                  onChange={(e) => set("includeAuthors", e.target.checked)}
                  className="size-4 accent-accent-600"
                />
                Keep the authors&apos; names
              </label>
              <div>
                <label htmlFor={`${id}-replacements`} className="text-sm">
                  Replace internal names
                </label>
                <p id={`${id}-replacements-hint`} className="text-xs text-zinc-500">
                  One per line: <code>db-prod-3.internal = the database</code>
                </p>
                <textarea
                  id={`${id}-replacements`}
                  aria-describedby={`${id}-replacements-hint`}
                  rows={3}
                  value={options.replacements}
                  onChange={(e) => set("replacements", e.target.value)}
                  className={`${inputClass} mt-1 font-mono text-xs`}
                />
              </div>
            </>
          )}
        </fieldset>
      </form>

      <section aria-label="Preview" className="min-w-0">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <div role="group" aria-label="Preview as" className="flex rounded-md border border-zinc-200 p-0.5 text-sm dark:border-zinc-700">
            {(["rendered", "raw"] as const).map((mode) => (
              <button
                key={mode}
                type="button"
                aria-pressed={view === mode}
                onClick={() => setView(mode)}
                className={`rounded px-2.5 py-0.5 ${view === mode ? "bg-zinc-100 font-medium dark:bg-zinc-800" : "text-zinc-500"}`}
              >
                {mode === "rendered" ? "Rendered" : "Markdown"}
              </button>
            ))}
          </div>
          <div className="flex gap-2">
            <button
              type="button"
              className={buttonClass}
              disabled={!result || "error" in result}
              onClick={async () => {
                if (result && "markdown" in result) {
                  await navigator.clipboard.writeText(result.markdown);
                  setCopied(true);
                  setTimeout(() => setCopied(false), 2000);
                }
              }}
            >
              {copied ? "Copied" : "Copy"}
            </button>
            <a href={url} download={result && "fileName" in result ? result.fileName : undefined} className={primaryButtonClass}>
              Download .md
            </a>
          </div>
        </div>
        <p role="status" className="mt-2 text-xs text-zinc-500">
          {result && "fileName" in result ? result.fileName : result && "error" in result ? "" : "Preparing the preview…"}
        </p>
        <div className="mt-2 rounded-lg border border-zinc-200 p-4 dark:border-zinc-800">
          {result && "error" in result ? (
            <p role="alert" className="text-sm text-red-600 dark:text-red-400">
              {result.error}
            </p>
          ) : result ? (
            view === "rendered" ? (
              isInitial ? initial.preview : <LazyMarkdown>{withoutFrontMatter(result.markdown)}</LazyMarkdown>
            ) : (
              <pre aria-label="Markdown source" className="overflow-x-auto text-xs leading-relaxed whitespace-pre-wrap wrap-anywhere">
                {result.markdown}
              </pre>
            )
          ) : null}
        </div>
      </section>
    </div>
  );
}
