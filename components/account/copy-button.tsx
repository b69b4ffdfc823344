"use client";

import { useState } from "react";
import { buttonClass } from "@/components/ui/fields";

/** Copies `text` to the clipboard and says so (for a link or token shown once). */
export function CopyButton({ text, label = "Copy" }: { text: string; label?: string }) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  return (
    <>
      <button
        type="button"
        className={buttonClass}
        onClick={async () => {
          try {
            await navigator.clipboard.writeText(text);
            setState("copied");
          } catch {
            setState("failed");
          }
        }}
      >
        {state === "copied" ? "Copied" : label}
      </button>
      <span role="status" className="sr-only">
        {state === "copied" ? "Copied to the clipboard." : state === "failed" ? "Could not copy: select the text and copy it." : ""}
      </span>
    </>
  );
}

/** A value shown once (an invite link, a token): a read-only box that selects itself, and a Copy button. */
export function OneTimeValue({ label, value }: { label: string; value: string }) {
  return (
    <div className="flex flex-col gap-2 sm:flex-row sm:items-center">
      <input
        type="text"
        readOnly
        aria-label={label}
        value={value}
        onFocus={(event) => event.currentTarget.select()}
        className="block w-full min-w-0 rounded-md border border-zinc-300 bg-white px-3 py-1.5 font-mono text-xs text-zinc-900 focus:border-accent-500 focus:outline-2 focus:outline-accent-500/40 dark:border-zinc-700 dark:bg-zinc-950 dark:text-zinc-100"
      />
      <div className="shrink-0">
        <CopyButton text={value} />
      </div>
    </div>
  );
}
