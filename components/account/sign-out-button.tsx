"use client";

import { useState } from "react";

/** Ends the session on the server, then goes to the sign-in page (a full load, so nothing of the session stays in memory). */
export function SignOutButton({ className }: { className?: string }) {
  const [state, setState] = useState<"idle" | "working" | "failed">("idle");
  return (
    <>
      <button
        type="button"
        className={className}
        disabled={state === "working"}
        onClick={async () => {
          setState("working");
          try {
            const response = await fetch("/api/auth/sign-out", { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
            if (!response.ok && response.status !== 401) throw new Error(`sign-out answered ${response.status}`);
            // A full load, not router.push: nothing rendered for the signed-in person may stay in the client's router cache.
            // eslint-disable-next-line @next/next/no-location-assign-relative-destination
            window.location.assign("/login");
          } catch {
            setState("failed");
          }
        }}
      >
        {state === "working" ? "Signing out…" : "Sign out"}
      </button>
      {state === "failed" && (
        <p role="alert" className="px-3 pb-2 text-xs text-red-600 dark:text-red-400">
          Could not sign out: the server did not answer. Try again.
        </p>
      )}
    </>
  );
}
