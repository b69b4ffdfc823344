"use client";

import { useId } from "react";

export const inputClass =
  "block w-full rounded-md border border-zinc-300 bg-white px-3 py-1.5 text-sm shadow-xs placeholder:text-zinc-400 focus:border-accent-500 focus:outline-2 focus:outline-offset-0 focus:outline-accent-500/40 aria-[invalid=true]:border-red-500 dark:border-zinc-700 dark:bg-zinc-900";

export const buttonClass =
  "inline-flex items-center justify-center gap-1.5 rounded-md border border-zinc-300 bg-white px-3 py-1.5 text-sm font-medium text-zinc-800 hover:bg-zinc-50 disabled:opacity-50 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-200 dark:hover:bg-zinc-800";

export const primaryButtonClass =
  "inline-flex items-center justify-center gap-1.5 rounded-md bg-accent-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-accent-700 disabled:opacity-50";

export const iconButtonClass =
  "inline-flex size-8 items-center justify-center rounded-md text-zinc-500 hover:bg-zinc-100 hover:text-zinc-900 disabled:opacity-30 dark:hover:bg-zinc-800 dark:hover:text-zinc-100";

/** Messages shown under a field, announced to screen readers. */
export function FieldErrors({ id, errors }: { id: string; errors?: string[] }) {
  if (!errors?.length) return null;
  return (
    <p id={id} className="mt-1 text-xs text-red-600 dark:text-red-400" role="alert">
      {errors.join(" ")}
    </p>
  );
}

type FieldProps = {
  label: string;
  hint?: string;
  errors?: string[];
  className?: string;
  children: (props: { id: string; "aria-invalid": boolean; "aria-describedby"?: string }) => React.ReactNode;
};

/** A labelled control with its hint and its errors wired up for assistive technology. */
export function Field({ label, hint, errors, className = "", children }: FieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, errors?.length ? errorId : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium text-zinc-800 dark:text-zinc-200">
        {label}
      </label>
      {hint && (
        <p id={hintId} className="mt-0.5 text-xs text-zinc-500">
          {hint}
        </p>
      )}
      <div className="mt-1.5">{children({ id, "aria-invalid": Boolean(errors?.length), "aria-describedby": describedBy })}</div>
      <FieldErrors id={errorId} errors={errors} />
    </div>
  );
}
