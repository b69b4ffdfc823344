"use client";

import { useCallback, useId, useRef, useState } from "react";
import { buttonClass, primaryButtonClass } from "@/components/ui/fields";
import type { SkippedEntry } from "@/lib/domain/import-archive/entries";
import { FilesTable } from "./files-table";
import { eachWithLimit, filesOfDrop, rowsOf, sendFile, type Row } from "./rows";

type Phase = "choosing" | "reading" | "previewed" | "importing" | "done";

const ACCEPT = ".md,.markdown,.txt,.html,.htm,.docx,.zip,text/markdown,text/plain,text/html,application/zip,application/vnd.openxmlformats-officedocument.wordprocessingml.document";
/** Previews read two files at once; imports write one at a time (the database has one writer). */
const PREVIEW_CONCURRENCY = 2;

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;

/** Several files, a folder or a zip → a table of what each reads as (nothing saved) → the chosen rows imported, with progress. */
export function ImportMany() {
  const id = useId();
  const [phase, setPhase] = useState<Phase>("choosing");
  const [rows, setRows] = useState<Row[]>([]);
  const [left, setLeft] = useState<SkippedEntry[]>([]);
  const [problems, setProblems] = useState<string[]>([]);
  const [progress, setProgress] = useState({ done: 0, total: 0 });
  const [isDragging, setIsDragging] = useState(false);
  const folderInput = useRef<HTMLInputElement>(null);

  // Stable, so that only the row that changed renders again (FilesTable's rows are memoised).
  const update = useCallback((index: number, change: Partial<Row>) => setRows((current) => current.map((row, i) => (i === index ? { ...row, ...change } : row))), []);
  const onChoose = useCallback((index: number, chosen: boolean) => update(index, { chosen }), [update]);

  const choose = async (files: { file: File; relativePath?: string }[]) => {
    if (files.length === 0) return;
    setPhase("reading");
    const chosen = await rowsOf(files);
    setRows(chosen.rows);
    setLeft(chosen.left);
    setProblems(chosen.problems);
    const toRead = chosen.rows.map((row, index) => ({ row, index })).filter(({ row }) => !row.preview);
    let done = chosen.rows.length - toRead.length;
    setProgress({ done, total: chosen.rows.length });
    await eachWithLimit(toRead, PREVIEW_CONCURRENCY, async ({ row, index }) => {
      const preview = await sendFile(row, true);
      update(index, { preview, chosen: preview.status === "new" || preview.status === "update" });
      setProgress({ done: ++done, total: chosen.rows.length });
    });
    setPhase("previewed");
  };

  const importChosen = async () => {
    const chosen = rows.map((row, index) => ({ row, index })).filter(({ row }) => row.chosen);
    setPhase("importing");
    setProgress({ done: 0, total: chosen.length });
    let done = 0;
    await eachWithLimit(chosen, 1, async ({ row, index }) => {
      update(index, { result: await sendFile(row, false) });
      setProgress({ done: ++done, total: chosen.length });
    });
    setPhase("done");
  };

  const reset = () => {
    setRows([]);
    setLeft([]);
    setProblems([]);
    setPhase("choosing");
  };

  const chosenCount = rows.filter((row) => row.chosen).length;
  const results = rows.map((row) => row.result).filter((result) => result !== undefined);
  const count = (status: string) => results.filter((result) => result.status === status).length;
  const isBusy = phase === "reading" || phase === "importing";

  return (
    <div className="mt-6">
      {phase === "choosing" && (
        <div
          onDragOver={(event) => {
            event.preventDefault();
            setIsDragging(true);
          }}
          onDragLeave={() => setIsDragging(false)}
          onDrop={async (event) => {
            event.preventDefault();
            setIsDragging(false);
            const dropped = event.dataTransfer.items.length ? await filesOfDrop(event.dataTransfer.items) : [];
            void choose(dropped.length ? dropped : [...event.dataTransfer.files].map((file) => ({ file })));
          }}
          className={`flex flex-col items-center gap-3 rounded-lg border-2 border-dashed px-4 py-10 text-center ${isDragging ? "border-accent-500 bg-accent-50 dark:bg-accent-500/10" : "border-zinc-300 dark:border-zinc-700"}`}
        >
          <p className="text-sm text-zinc-600 dark:text-zinc-400">Drop files, a folder or a .zip here, or</p>
          <div className="flex flex-wrap justify-center gap-2">
            <label className={`${primaryButtonClass} cursor-pointer focus-within:outline-2 focus-within:outline-accent-500`}>
              Choose files or a .zip
              <input
                type="file"
                multiple
                accept={ACCEPT}
                className="sr-only"
                onChange={(event) => {
                  void choose([...(event.target.files ?? [])].map((file) => ({ file })));
                  event.target.value = "";
                }}
              />
            </label>
            <button type="button" className={buttonClass} onClick={() => folderInput.current?.click()}>
              Choose a folder
            </button>
            <input
              ref={folderInput}
              type="file"
              // Chromium, Firefox and Safari all read a folder's files this way.
              {...{ webkitdirectory: "", directory: "" }}
              multiple
              hidden
              aria-label="Choose a folder"
              onChange={(event) => {
                void choose([...(event.target.files ?? [])].map((file) => ({ file })));
                event.target.value = "";
              }}
            />
          </div>
          <p className="text-xs text-zinc-500">Markdown, plain text, HTML and Word .docx, up to 5 MB each. Nothing is saved until you import.</p>
        </div>
      )}

      {problems.map((problem) => (
        <p key={problem} role="alert" className="mt-4 text-sm text-red-600 dark:text-red-400">
          {problem}
        </p>
      ))}

      {phase !== "choosing" && (
        <>
          <div aria-live="polite" className="flex flex-wrap items-center gap-x-4 gap-y-2">
            <label htmlFor={`${id}-progress`} className="text-sm font-medium">
              {phase === "reading" && `Reading ${progress.done} of ${plural(progress.total, "file")}…`}
              {phase === "previewed" && `Read ${plural(rows.length, "file")}: nothing is saved yet. Choose the files to import.`}
              {phase === "importing" && `Importing ${progress.done} of ${progress.total}…`}
              {phase === "done" &&
                `Imported ${progress.total - count("failed")} of ${progress.total}: ${count("new")} new, ${count("update")} updated, ${count("unchanged")} unchanged${count("failed") ? `, ${count("failed")} failed` : ""}.`}
            </label>
            {(phase === "reading" || phase === "importing") && (
              <progress id={`${id}-progress`} value={progress.done} max={Math.max(progress.total, 1)} className="h-2 w-full max-w-xs accent-accent-600" />
            )}
          </div>
          <div className="mt-3 flex flex-wrap items-center gap-3">
            {phase === "previewed" && (
              <button type="button" className={primaryButtonClass} onClick={importChosen} disabled={chosenCount === 0}>
                Import {plural(chosenCount, "chosen file")}
              </button>
            )}
            {(phase === "previewed" || phase === "done") && (
              <button type="button" className={buttonClass} onClick={reset} disabled={isBusy}>
                {phase === "done" ? "Import more files" : "Start over"}
              </button>
            )}
          </div>
          <FilesTable
            rows={rows}
            canChoose={phase === "previewed"}
            onChoose={onChoose}
            onChooseAll={(chosen) => setRows((current) => current.map((row) => (row.preview?.status === "failed" ? row : { ...row, chosen })))}
          />
        </>
      )}

      {left.length > 0 && (
        <details className="mt-4 text-sm">
          <summary className="cursor-pointer text-zinc-600 dark:text-zinc-400">{plural(left.length, "file")} left out</summary>
          <ul className="mt-2 space-y-0.5 text-xs text-zinc-600 dark:text-zinc-400">
            {left.map((entry) => (
              <li key={`${entry.name} ${entry.reason}`} className="wrap-anywhere">
                {entry.name}: {entry.reason}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
