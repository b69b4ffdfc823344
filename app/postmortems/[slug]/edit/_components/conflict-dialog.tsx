"use client";

import { useEffect, useRef, useState } from "react";
import { buttonClass, primaryButtonClass } from "@/components/ui/fields";
import { describeValue, differingFields, mergeChoices, type Choice, type ConflictField } from "@/lib/domain/editor/conflicts";
import type { PostmortemDocument } from "@/lib/schemas/postmortem";

type Props = {
  mine: PostmortemDocument;
  theirs: PostmortemDocument;
  onResolve: (merged: PostmortemDocument) => void;
};

/**
 * Someone else saved first: every field that differs, side by side, and the
 * user's choice per field (or all at once). Nothing is saved until they choose.
 */
export function ConflictDialog({ mine, theirs, onResolve }: Props) {
  const differences = differingFields(mine, theirs);
  const [choices, setChoices] = useState<Partial<Record<ConflictField, Choice>>>({});
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  const resolveWith = (all: Choice | null) => {
    // A field the user did not touch keeps what the radio shows: mine.
    const picked = Object.fromEntries(differences.map(({ field }) => [field, all ?? choices[field] ?? "mine"]));
    onResolve(mergeChoices(mine, theirs, picked));
  };

  return (
    <div className="fixed inset-0 z-30 flex items-start justify-center overflow-y-auto bg-zinc-950/40 p-4 sm:p-8">
      <section role="dialog" aria-modal="true" aria-labelledby="conflict-title" className="w-full max-w-4xl rounded-xl bg-white p-5 shadow-xl dark:bg-zinc-900">
        <h2 id="conflict-title" ref={heading} tabIndex={-1} className="text-lg font-semibold">
          Someone else saved this postmortem while you were editing
        </h2>
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
          Their version {theirs.version} was saved {new Date(theirs.updatedAt).toLocaleTimeString()}. Nothing of yours is lost: choose, field by
          field, which text to keep.
        </p>
        {differences.length === 0 ? (
          <p className="mt-4 text-sm">The two versions hold the same content.</p>
        ) : (
          <ul className="mt-4 space-y-4">
            {differences.map(({ field, label }) => (
              <li key={field} className="rounded-lg border border-zinc-200 p-3 dark:border-zinc-700">
                <fieldset>
                  <legend className="text-sm font-semibold">{label}</legend>
                  <div className="mt-2 grid gap-3 sm:grid-cols-2">
                    {(["mine", "theirs"] as const).map((side) => {
                      const value = side === "mine" ? mine[field] : theirs[field];
                      const chosen = (choices[field] ?? "mine") === side;
                      return (
                        <label
                          key={side}
                          className={`block cursor-pointer rounded-md border p-2 text-sm ${chosen ? "border-accent-500 bg-accent-50/60 dark:bg-accent-500/10" : "border-zinc-200 dark:border-zinc-700"}`}
                        >
                          <span className="flex items-center gap-2 font-medium">
                            <input
                              type="radio"
                              name={`conflict-${field}`}
                              checked={chosen}
                              onChange={() => setChoices((c) => ({ ...c, [field]: side }))}
                              className="accent-accent-600"
                            />
                            {side === "mine" ? "Keep mine" : "Take theirs"}
                          </span>
                          <span className="mt-1 block max-h-48 overflow-auto whitespace-pre-wrap break-words text-zinc-700 dark:text-zinc-300">
                            {describeValue(value)}
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
    </div>
  );
}
