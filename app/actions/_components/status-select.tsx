"use client";

import { useState } from "react";
import { ACTION_STATUSES, ACTION_STATUS_LABELS, type ActionStatus } from "@/lib/domain/postmortem";
import type { PostmortemDocument } from "@/lib/schemas/postmortem";

// The editor remembers the name people sign their saves with under this key.

type SaveState =
  | { kind: "idle" }
  | { kind: "saving" }
  | { kind: "saved" }
  | { kind: "conflict"; message: string }
  | { kind: "error"; message: string };

type Props = {
  slug: string;
  index: number;
  title: string;
  status: ActionStatus;
  /** The postmortem's version this page last saw (shared by every row of that postmortem). */
  version: number;
  onVersion: (slug: string, version: number) => void;
};

/**
 * The action's status as a select that saves as soon as it changes, with the
 * version the page showed. When the postmortem moved on in the meantime, the
 * change is not saved: the select shows the current status and says so.
 */
export function StatusSelect({ slug, index, title, status: initial, version, onVersion }: Props) {
  const [status, setStatus] = useState(initial);
  const [state, setState] = useState<SaveState>({ kind: "idle" });

  async function save(next: ActionStatus) {
    const previous = status;
    setStatus(next);
    setState({ kind: "saving" });
    try {
      const response = await fetch(`/api/postmortems/${encodeURIComponent(slug)}/actions/${index}`, {
        method: "PATCH",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ status: next, version }),
      });
      const body = await response.json().catch(() => null);
      if (response.ok) {
        onVersion(slug, (body as PostmortemDocument).version);
        setState({ kind: "saved" });
        return;
      }
      const current = (body as { current?: PostmortemDocument } | null)?.current;
      if (response.status === 409 && current) {
        onVersion(slug, current.version);
        const action = current.correctiveActions[index];
        if (action && action.title === title) {
          setStatus(action.status);
          setState({
            kind: "conflict",
            message: `Not saved: someone changed this postmortem meanwhile. The status is now “${ACTION_STATUS_LABELS[action.status]}”; choose again to change it.`,
          });
        } else {
          setStatus(previous);
          setState({ kind: "conflict", message: "Not saved: someone changed this postmortem's actions meanwhile. Reload the page to see them." });
        }
        return;
      }
      setStatus(previous);
      const message = (body as { error?: { message?: string } } | null)?.error?.message;
      setState({ kind: "error", message: `Not saved: ${message ?? `the server answered ${response.status}`}` });
    } catch {
      setStatus(previous);
      setState({ kind: "error", message: "Not saved: the server could not be reached. Try again." });
    }
  }

  return (
    <div className="flex flex-col gap-1">
      <select
        aria-label={`Status of “${title}”`}
        value={status}
        disabled={state.kind === "saving"}
        onChange={(event) => save(event.target.value as ActionStatus)}
        className="block w-full min-w-32 rounded-md border border-zinc-300 bg-white px-2 py-1 text-sm shadow-xs focus:border-accent-500 focus:outline-2 focus:outline-accent-500/40 disabled:opacity-60 dark:border-zinc-700 dark:bg-zinc-900"
      >
        {ACTION_STATUSES.map((value) => (
          <option key={value} value={value}>
            {ACTION_STATUS_LABELS[value]}
          </option>
        ))}
      </select>
      <span role="status" className="text-xs text-zinc-500">
        {state.kind === "saving" ? "Saving…" : state.kind === "saved" ? "Saved" : ""}
      </span>
      {(state.kind === "conflict" || state.kind === "error") && (
        <span role="alert" className="max-w-56 text-xs text-red-700 dark:text-red-400">
          {state.message}
        </span>
      )}
    </div>
  );
}
