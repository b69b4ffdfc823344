"use client";

import dynamic from "next/dynamic";
import Link from "next/link";
import { Fragment, memo, useCallback, useState } from "react";
import type { FileReport, Row } from "./rows";

// The preview (and zod, Luxon and the Markdown renderer it brings) loads with the first row opened.
const ParsedPreview = dynamic(() => import("../../_components/parsed-preview").then((m) => m.ParsedPreview), {
  loading: () => <p className="text-sm text-zinc-500">Loading the preview…</p>,
});

const STATUS_WORDS: Record<FileReport["status"], { preview: string; done: string; className: string }> = {
  new: { preview: "New", done: "Created", className: "text-emerald-700 dark:text-emerald-300" },
  update: { preview: "Update", done: "Updated", className: "text-violet-700 dark:text-violet-300" },
  unchanged: { preview: "Unchanged", done: "Unchanged", className: "text-zinc-500" },
  failed: { preview: "Failed", done: "Failed", className: "text-red-600 dark:text-red-400" },
};

function Status({ row }: { row: Row }) {
  const report = row.result ?? row.preview;
  if (!report) return <span className="text-zinc-400">Reading…</span>;
  const words = STATUS_WORDS[report.status];
  return (
    <div>
      <span className={`font-medium ${words.className}`}>{row.result ? words.done : words.preview}</span>
      {report.slug && report.status !== "failed" && (row.result || report.status !== "new") && (
        <>
          {" · "}
          <Link href={`/postmortems/${report.slug}`} className="text-accent-700 hover:underline dark:text-accent-300">
            open<span className="sr-only"> {report.title ?? row.name}</span>
          </Link>
        </>
      )}
      {report.error && <p className="mt-0.5 text-xs wrap-anywhere text-red-600 dark:text-red-400">{report.error}</p>}
    </div>
  );
}

const cell = "px-2 py-2 align-top";
const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;
const number = `${cell} hidden text-right tabular-nums md:table-cell`;

type RowProps = { row: Row; index: number; canChoose: boolean; isOpen: boolean; onChoose: (index: number, chosen: boolean) => void; onToggle: (name: string) => void };

/**
 * One file's row (and its preview when open). Memoised: an archive of a
 * thousand files updates one row per answer, and only that row renders again.
 */
const FileRow = memo(function FileRow({ row, index, canChoose, isOpen, onChoose, onToggle }: RowProps) {
  const report = row.preview;
  const counts = report?.counts;
  return (
    <Fragment>
      <tr>
        <td className={cell}>
          <input
            type="checkbox"
            aria-label={`Import ${row.name}`}
            checked={row.chosen}
            disabled={!canChoose || !report || report.status === "failed"}
            onChange={(event) => onChoose(index, event.target.checked)}
          />
        </td>
        <td className={`${cell} hidden max-w-48 font-mono text-xs wrap-anywhere sm:table-cell`}>{row.name}</td>
        <td className={`${cell} min-w-40`}>
          {/* On a phone the file's name goes above its title, in place of its column. */}
          <div className="font-mono text-xs wrap-anywhere text-zinc-500 sm:hidden">{row.name}</div>
          <div className="wrap-anywhere">{report?.title ?? "—"}</div>
          {counts && (
            // The counts as one line where their columns are hidden.
            <div className="mt-0.5 text-xs text-zinc-500 md:hidden">
              {report?.incidentDate ? `${report.incidentDate} · ` : ""}
              {[plural(counts.events, "event"), plural(counts.factors, "factor"), plural(counts.actions, "action")].join(" · ")}
              {report && report.warnings.length > 0 ? ` · ${plural(report.warnings.length, "warning")}` : ""}
            </div>
          )}
          {report?.document !== undefined && (
            <button type="button" className="mt-1 text-xs text-accent-700 hover:underline dark:text-accent-300" aria-expanded={isOpen} onClick={() => onToggle(row.name)}>
              {isOpen ? "Hide preview" : "Preview"}
            </button>
          )}
        </td>
        <td className={`${cell} hidden whitespace-nowrap tabular-nums lg:table-cell`}>{report?.incidentDate ?? "—"}</td>
        <td className={number}>{counts?.events ?? "—"}</td>
        <td className={number}>{counts?.factors ?? "—"}</td>
        <td className={number}>{counts?.actions ?? "—"}</td>
        <td className={number}>{report && report.status !== "failed" ? report.warnings.length : "—"}</td>
        <td className={`${cell} min-w-28`}>
          <Status row={row} />
        </td>
      </tr>
      {isOpen && report?.document !== undefined && (
        <tr>
          <td colSpan={9} className="bg-zinc-50/60 px-4 py-4 dark:bg-zinc-900/40">
            <ParsedPreview parsed={{ document: report.document, warnings: report.warnings }} />
          </td>
        </tr>
      )}
    </Fragment>
  );
});

/** The files of an import: what each reads as, whether it is new, an update or unchanged, and, once imported, what came of it. */
export function FilesTable(props: { rows: Row[]; canChoose: boolean; onChoose: (index: number, chosen: boolean) => void; onChooseAll: (chosen: boolean) => void }) {
  const { rows, canChoose } = props;
  const [open, setOpen] = useState<string | null>(null);
  const toggle = useCallback((name: string) => setOpen((current) => (current === name ? null : name)), []);
  const choosable = rows.filter((row) => row.preview && row.preview.status !== "failed");
  const isAllChosen = choosable.length > 0 && choosable.every((row) => row.chosen);
  return (
    <div className="mt-4 overflow-x-auto rounded-lg border border-zinc-200 dark:border-zinc-800">
      <table className="w-full text-sm">
        <caption className="sr-only">Files to import</caption>
        <thead className="bg-zinc-50 text-left text-xs text-zinc-500 dark:bg-zinc-900">
          <tr>
            <th scope="col" className={`${cell} w-8`}>
              <input
                type="checkbox"
                aria-label="Choose every file"
                checked={isAllChosen}
                disabled={!canChoose || choosable.length === 0}
                onChange={(event) => props.onChooseAll(event.target.checked)}
              />
            </th>
            <th scope="col" className={`${cell} hidden sm:table-cell`}>File</th>
            <th scope="col" className={cell}>Title</th>
            <th scope="col" className={`${cell} hidden lg:table-cell`}>Date</th>
            <th scope="col" className={`${number} font-medium`}>Events</th>
            <th scope="col" className={`${number} font-medium`}>Factors</th>
            <th scope="col" className={`${number} font-medium`}>Actions</th>
            <th scope="col" className={`${number} font-medium`}>Warnings</th>
            <th scope="col" className={cell}>Status</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
          {rows.map((row, index) => (
            <FileRow key={row.name} row={row} index={index} canChoose={canChoose} isOpen={open === row.name} onChoose={props.onChoose} onToggle={toggle} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
