"use client";

import { useId, useState } from "react";
import { buttonClass, inputClass, primaryButtonClass } from "@/components/ui/fields";
import { STATUS_LABELS, type Status } from "@/lib/domain/postmortem";
import type { PostmortemDocument } from "@/lib/schemas/postmortem";

type Props = {
  doc: PostmortemDocument;
  /** Items still open (checklist and language findings), shown before publishing. */
  openItems: string[];
  isSaved: boolean;
  onChanged: (saved: PostmortemDocument) => void;
};

async function requestStatus(slug: string, status: Status, reason?: string): Promise<PostmortemDocument> {
  const response = await fetch(`/api/postmortems/${encodeURIComponent(slug)}/status`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(reason ? { status, reason } : { status }),
  }).catch(() => null);
  if (!response) throw new Error("The server could not be reached. Try again.");
  const body = await response.json().catch(() => null);
  if (!response.ok) throw new Error(body?.error?.message ?? `The server answered ${response.status}.`);
  return body as PostmortemDocument;
}

/** Moving the postmortem along: send for review, publish (confirming what is still open), back to draft. */
export function WorkflowPanel({ doc, openItems, isSaved, onChanged }: Props) {
  const [isConfirming, setIsConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);

  const move = async (status: Status) => {
    setIsBusy(true);
    setError(null);
    try {
      onChanged(await requestStatus(doc.slug, status));
      setIsConfirming(false);
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setIsBusy(false);
    }
  };

  if (doc.status === "published" || doc.status === "archived") return null;
  return (
    <section aria-labelledby="workflow-title" className="mt-8 rounded-lg border border-zinc-200 p-4 dark:border-zinc-800">
      <h2 id="workflow-title" className="font-medium">
        Status: {STATUS_LABELS[doc.status]}
      </h2>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
        Publishing makes the postmortem read-only for everyone until someone reopens it with a reason.
      </p>
      {!isSaved && <p className="mt-2 text-sm text-amber-700 dark:text-amber-400">Waiting for your last changes to be saved…</p>}
      {isConfirming ? (
        <div role="alertdialog" aria-labelledby="confirm-title" className="mt-3 rounded-md bg-amber-50 p-3 text-sm dark:bg-amber-500/10">
          <p id="confirm-title" className="font-medium text-amber-900 dark:text-amber-200">
            {openItems.length} item{openItems.length === 1 ? " is" : "s are"} still open. Publish anyway?
          </p>
          <ul className="mt-1 list-disc pl-5 text-amber-900 dark:text-amber-200">
            {openItems.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
          <div className="mt-3 flex gap-2">
            <button type="button" className={primaryButtonClass} disabled={isBusy || !isSaved} onClick={() => move("published")}>
              Publish anyway
            </button>
            <button type="button" className={buttonClass} onClick={() => setIsConfirming(false)}>
              Cancel
            </button>
          </div>
        </div>
      ) : (
        <div className="mt-3 flex flex-wrap gap-2">
          <button
            type="button"
            className={primaryButtonClass}
            disabled={isBusy || !isSaved}
            onClick={() => (openItems.length ? setIsConfirming(true) : move("published"))}
          >
            Publish
          </button>
          {doc.status === "draft" && (
            <button type="button" className={buttonClass} disabled={isBusy || !isSaved} onClick={() => move("in_review")}>
              Send for review
            </button>
          )}
          {doc.status === "in_review" && (
            <button type="button" className={buttonClass} disabled={isBusy || !isSaved} onClick={() => move("draft")}>
              Back to draft
            </button>
          )}
        </div>
      )}
      {error && (
        <p role="alert" className="mt-2 text-sm text-red-600 dark:text-red-400">
          {error}
        </p>
      )}
    </section>
  );
}

/** The banner of a published postmortem: read-only, with a way to reopen that asks why. */
export function ReadOnlyBanner({ doc, onChanged }: { doc: PostmortemDocument; onChanged: (saved: PostmortemDocument) => void }) {
  const id = useId();
  const [isAsking, setIsAsking] = useState(false);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  return (
    <div role="note" className="mb-6 rounded-lg border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm text-emerald-900 dark:border-emerald-500/30 dark:bg-emerald-500/10 dark:text-emerald-200">
      <p>
        <strong className="font-medium">Published — read-only.</strong> Reopen it to change anything; the reason is kept in the history.
      </p>
      {isAsking ? (
        <form
          className="mt-3 space-y-2"
          onSubmit={async (event) => {
            event.preventDefault();
            try {
              onChanged(await requestStatus(doc.slug, "in_review", reason));
            } catch (failure) {
              setError((failure as Error).message);
            }
          }}
        >
          <label htmlFor={`${id}-reason`} className="block font-medium">
            Why reopen it?
          </label>
          <textarea id={`${id}-reason`} rows={2} required value={reason} onChange={(e) => setReason(e.target.value)} className={inputClass} />
          <div className="flex gap-2">
            <button type="submit" className={primaryButtonClass}>
              Reopen for editing
            </button>
            <button type="button" className={buttonClass} onClick={() => setIsAsking(false)}>
              Cancel
            </button>
          </div>
          {error && (
            <p role="alert" className="text-red-700 dark:text-red-300">
              {error}
            </p>
          )}
        </form>
      ) : (
        <button type="button" className={`${buttonClass} mt-2`} onClick={() => setIsAsking(true)}>
          Reopen…
        </button>
      )}
    </div>
  );
}
