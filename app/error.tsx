"use client";

import Link from "next/link";
import { useEffect } from "react";
import { UNAVAILABLE_DIGEST_PREFIX } from "@/lib/domain/errors";

/** Shown when a page fails unexpectedly; the details are in the server log, not on screen. */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  // A database problem (busy, full, not migrated…) travels in the digest, the one field production keeps: see lib/server/database-errors.ts.
  const databaseProblem = error.digest?.startsWith(UNAVAILABLE_DIGEST_PREFIX) ? error.digest.slice(UNAVAILABLE_DIGEST_PREFIX.length) : null;
  return (
    // data-hindsight-no-store: the answer cache never keeps a page showing this (scripts/lib/response-cache.mjs).
    <div className="mx-auto max-w-md py-16 text-center" data-hindsight-no-store="">
      <h1 className="text-2xl font-semibold tracking-tight">{databaseProblem ? "The database is unavailable" : "Something went wrong"}</h1>
      <p className="mt-3 text-zinc-600 dark:text-zinc-400">
        {databaseProblem
          ? // Commands in the message are between backticks: shown as code.
            databaseProblem.split("`").map((part, i) =>
              i % 2 ? (
                <code key={i} className="rounded bg-zinc-100 px-1 font-mono text-[0.9em] text-zinc-800 dark:bg-zinc-800 dark:text-zinc-100">
                  {part}
                </code>
              ) : (
                part
              ),
            )
          : `This page could not be shown. Nothing you saved is lost. Try again; if it keeps happening, the server log has the details${error.digest ? ` (reference ${error.digest})` : ""}.`}
      </p>
      <div className="mt-6 flex justify-center gap-4 text-sm font-medium">
        <button type="button" onClick={reset} className="rounded-md bg-accent-600 px-3 py-1.5 text-white hover:bg-accent-700">
          Try again
        </button>
        <Link href="/" className="px-3 py-1.5 text-accent-600 hover:underline dark:text-accent-400">
          Incident library
        </Link>
      </div>
    </div>
  );
}
