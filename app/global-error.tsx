"use client";

import "./globals.css";

/** Last resort when the root layout itself fails. */
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body className="font-sans">
        <main className="mx-auto max-w-md px-4 py-24 text-center" data-hindsight-no-store="">
          <h1 className="text-2xl font-semibold tracking-tight">Hindsight could not load</h1>
          <p className="mt-3 text-zinc-600 dark:text-zinc-400">
            Something went wrong on our side{error.digest ? ` (reference ${error.digest})` : ""}. Nothing you saved is lost.
          </p>
          <button type="button" onClick={reset} className="mt-6 rounded-md bg-accent-600 px-3 py-1.5 text-sm font-medium text-white">
            Try again
          </button>
        </main>
      </body>
    </html>
  );
}
