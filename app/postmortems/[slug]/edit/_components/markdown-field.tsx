"use client";

import { useId, useState } from "react";
import { LazyMarkdown as Markdown } from "@/components/lazy-markdown";
import { FieldErrors, inputClass } from "@/components/ui/fields";
import { LanguageHints } from "./language-hints";

type Props = {
  label: string;
  hint?: string;
  value: string;
  onChange: (value: string) => void;
  errors?: string[];
  rows?: number;
  placeholder?: string;
};

/** A Markdown text area with a Write / Preview switch (GitHub-flavoured, no raw HTML). */
export function MarkdownField({ label, hint, value, onChange, errors, rows = 5, placeholder }: Props) {
  const id = useId();
  const [isPreview, setIsPreview] = useState(false);
  const describedBy = [hint ? `${id}-hint` : null, errors?.length ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div>
      <div className="flex items-end justify-between gap-3">
        <label htmlFor={id} className="block text-sm font-medium text-zinc-800 dark:text-zinc-200">
          {label}
        </label>
        <div role="group" aria-label="Write or preview" className="flex rounded-md border border-zinc-200 p-0.5 text-xs dark:border-zinc-700">
          {(["Write", "Preview"] as const).map((mode) => {
            const isActive = (mode === "Preview") === isPreview;
            return (
              <button
                key={mode}
                type="button"
                aria-pressed={isActive}
                onClick={() => setIsPreview(mode === "Preview")}
                className={`rounded px-2 py-0.5 ${isActive ? "bg-zinc-100 font-medium text-zinc-900 dark:bg-zinc-800 dark:text-zinc-100" : "text-zinc-500"}`}
              >
                {mode}
              </button>
            );
          })}
        </div>
      </div>
      {hint && (
        <p id={`${id}-hint`} className="mt-0.5 text-xs text-zinc-500">
          {hint}
        </p>
      )}
      <div className="mt-1.5">
        {isPreview ? (
          <div className="min-h-24 rounded-md border border-zinc-200 px-3 py-2 dark:border-zinc-700" aria-label={`${label} preview`}>
            {value.trim() ? <Markdown>{value}</Markdown> : <p className="text-sm italic text-zinc-500">Nothing to preview yet.</p>}
          </div>
        ) : (
          <textarea
            id={id}
            rows={rows}
            value={value}
            placeholder={placeholder}
            onChange={(event) => onChange(event.target.value)}
            aria-invalid={Boolean(errors?.length)}
            aria-describedby={describedBy}
            className={`${inputClass} font-mono leading-relaxed`}
          />
        )}
      </div>
      <FieldErrors id={`${id}-error`} errors={errors} />
      <LanguageHints text={value} />
    </div>
  );
}
