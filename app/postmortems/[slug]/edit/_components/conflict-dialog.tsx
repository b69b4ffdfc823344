"use client";

import { useEffect, useRef, useState } from "react";
import { buttonClass, primaryButtonClass } from "@/components/ui/fields";
import { defaultChoice, describeValue, differingFields, mergeChoices, type ChangedBy, type Choice, type ConflictField } from "@/lib/domain/editor/conflicts";
import type { PostmortemDocument } from "@/lib/schemas/postmortem";

type Props = {
  mine: PostmortemDocument;
  theirs: PostmortemDocument;
  /** The saved version my edits started from; null when not known (an old draft kept on this device). */
  base: PostmortemDocument | null;
  onResolve: (merged: PostmortemDocument) => void;
  /** Escape: close without choosing; nothing is saved until the user chooses. */
  onLater: () => void;
};

const CHANGED_BY: Record<ChangedBy, string | null> = {
  mine: "Only you changed this",
  theirs: "Only they changed this",
  both: "You both changed this",
  unknown: null,
};

/**
 * Someone else saved first: every field that differs, side by side, and the
 * user's choice per field (or all at once). Nothing is saved until they choose.
 * A field only they changed starts on theirs, so accepting the defaults never
 * undoes their work. A native modal <dialog>: focus stays inside it and the
 * page behind is inert.
 */
export function ConflictDialog({ mine, theirs, base, onResolve, onLater }: Props) {
  const differences = differingFields(mine, theirs, base);
  const [choices, setChoices] = useState<Partial<Record<ConflictField, Choice>>>({});
  const dialog = useRef<HTMLDialogElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (dialog.current && !dialog.current.open) dialog.current.showModal();
    heading.current?.focus();
  }, []);

  const chosen = (field: ConflictField, changedBy: ChangedBy) => choices[field] ?? defaultChoice(changedBy);
  const resolveWith = (all: Choice | null) => {
    const picked = Object.fromEntries(differences.map(({ field, changedBy }) => [field, all ?? chosen(field, changedBy)]));
    onResolve(mergeChoices(mine, theirs, picked));
  };

  return (
    <dialog
      ref={dialog}
      aria-labelledby="conflict-title"
      onCancel={(event) => {
        event.preventDefault();
        onLater();
      }}
      onKeyDown={(event) => {
        // A modal dialog keeps the page behind inert but lets Tab leave for the browser's own UI; wrap instead.
        if (event.key !== "Tab" || !dialog.current) return;
        const focusable = [...dialog.current.querySelectorAll<HTMLElement>("input:not([disabled]), button:not([disabled])")];
        const first = focusable[0];
        const last = focusable.at(-1);
        const active = document.activeElement;
        // Radios of one field are a single Tab stop: any of the first field's radios is the start.
        const atStart = active === heading.current || active === first || (active instanceof HTMLInputElement && first instanceof HTMLInputElement && active.name === first.name);
        if (!first || !last) return;
        if (event.shiftKey && atStart) {
          event.preventDefault();
          last.focus();
        } else if (!event.shiftKey && active === last) {
          event.preventDefault();
          (first instanceof HTMLInputElement ? (dialog.current.querySelector<HTMLElement>(`input[name="${first.name}"]:checked`) ?? first) : first).focus();
        }
      }}
      className="m-0 h-full max-h-none w-full max-w-none overflow-y-auto bg-transparent p-4 backdrop:bg-zinc-950/40 sm:p-8"
    >
      <section className="mx-auto w-full max-w-4xl rounded-xl bg-white p-5 text-zinc-900 shadow-xl dark:bg-zinc-900 dark:text-zinc-100">
        <h2 id="conflict-title" ref={heading} tabIndex={-1} className="text-lg font-semibold outline-none">
          Someone else saved this postmortem while you were editing
        </h2>
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
          Their version {theirs.version} was saved at {new Date(theirs.updatedAt).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" })}. Nothing of
          yours is lost: choose, field by field, which text to keep. Esc closes this until you are ready; nothing is saved meanwhile.
        </p>
        {differences.length === 0 ? (
          <p className="mt-4 text-sm">The two versions hold the same content.</p>
        ) : (
          <ul className="mt-4 space-y-4">
            {differences.map(({ field, label, changedBy }) => (
              <li key={field} className="rounded-lg border border-zinc-200 p-3 dark:border-zinc-700">
                <fieldset>
                  <legend className="text-sm font-semibold">
                    {label}
                    {CHANGED_BY[changedBy] && <span className="ml-2 text-xs font-normal text-zinc-500">{CHANGED_BY[changedBy]}</span>}
                  </legend>
                  <div className="mt-2 grid gap-3 sm:grid-cols-2">
                    {(["mine", "theirs"] as const).map((side) => {
                      const value = side === "mine" ? mine[field] : theirs[field];
                      const isChosen = chosen(field, changedBy) === side;
                      return (
                        <label
                          key={side}
                          className={`block cursor-pointer rounded-md border p-2 text-sm ${isChosen ? "border-accent-500 bg-accent-50/60 dark:bg-accent-500/10" : "border-zinc-200 dark:border-zinc-700"}`}
                        >
                          <span className="flex items-center gap-2 font-medium">
                            <input
                              type="radio"
                              name={`conflict-${field}`}
                              checked={isChosen}
                              onChange={() => setChoices((c) => ({ ...c, [field]: side }))}
                              className="accent-accent-600"
                            />
                            {side === "mine" ? "Keep mine" : "Take theirs"}
                          </span>
                          <span className="mt-1 block max-h-48 overflow-auto whitespace-pre-wrap break-words text-zinc-700 dark:text-zinc-300">
                            {describeValue(value, field)}
                          </span>
                        </label>
                      );
                    })}
                  </div>
                </fieldset>
              </li>
            ))}
          </ul>
        )}
        <div className="mt-5 flex flex-wrap justify-end gap-2">
          <button type="button" className={buttonClass} onClick={() => resolveWith("theirs")}>
            Take all theirs
          </button>
          <button type="button" className={buttonClass} onClick={() => resolveWith("mine")}>
            Keep all mine
          </button>
          <button type="button" className={primaryButtonClass} onClick={() => resolveWith(null)}>
            Save my choices
          </button>
        </div>
      </section>
    </dialog>
  );
}
