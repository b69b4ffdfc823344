"use client";

import { useEffect, useState } from "react";
import type { SaveState } from "./use-autosave";

function ago(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 5) return "just now";
  if (seconds < 60) return `${seconds} s ago`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  return `${Math.round(minutes / 60)} h ago`;
}

/** The autosave status line: always visible, announced politely. */
export function SaveStatus({ state }: { state: SaveState }) {
  // No clock until mounted: the server's "20 s ago" would never match the browser's and React would report a mismatch.
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    const read = () => setNow(Date.now());
    const first = setTimeout(read, 0);
    const tick = setInterval(read, 5000);
    return () => {
      clearTimeout(first);
      clearInterval(tick);
    };
  }, []);

  let text: string;
  let tone = "text-zinc-500";
  switch (state.kind) {
    case "saved":
      text = now === null ? "Saved" : `Saved ${ago(now - state.at)}`;
      break;
    case "dirty":
      text = "Unsaved changes…";
      break;
    case "saving":
      text = "Saving…";
      break;
    case "offline":
      text = "Offline — your changes are kept on this device";
      tone = "text-amber-700 dark:text-amber-400";
      break;
    case "invalid": {
      const count = Object.keys(state.fieldErrors).length;
      text = `Not saved — fix ${count} field${count === 1 ? "" : "s"}; your text is kept on this device`;
      tone = "text-red-600 dark:text-red-400";
      break;
    }
    case "conflict":
      text = "Someone else saved changes — choose what to keep";
      tone = "text-red-600 dark:text-red-400";
      break;
  }
  return (
    <p role="status" aria-live="polite" data-save-state={state.kind} className={`text-xs ${tone}`}>
      {text}
    </p>
  );
}
