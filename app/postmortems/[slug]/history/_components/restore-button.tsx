"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

/** Restores a version after a confirmation; the restore becomes the newest version. */
export function RestoreButton({ slug, version }: { slug: string; version: number }) {
  const router = useRouter();
  const [state, setState] = useState<"idle" | "working" | { error: string }>("idle");
  return (
    <>
      <button
        type="button"
        disabled={state === "working"}
        className="text-accent-600 hover:underline disabled:opacity-50 dark:text-accent-400"
        onClick={async () => {
          if (!window.confirm(`Restore version ${version}? It will be saved as a new version; nothing is deleted.`)) return;
          setState("working");
          const response = await fetch(`/api/postmortems/${encodeURIComponent(slug)}/revisions/${version}/restore`, {
            method: "POST",
          }).catch(() => null);
          if (!response?.ok) {
            const body = await response?.json().catch(() => null);
            setState({ error: body?.error?.message ?? "Could not restore: the server did not answer." });
            return;
          }
          window.localStorage.removeItem(`hindsight:unsaved:${slug}`);
          setState("idle");
          router.push(`/postmortems/${slug}/history`);
          router.refresh();
        }}
      >
        {state === "working" ? "Restoring…" : `Restore version ${version}`}
      </button>
      {typeof state === "object" && (
        <span role="alert" className="text-red-600 dark:text-red-400">
          {state.error}
        </span>
      )}
    </>
  );
}
