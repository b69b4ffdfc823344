/**
 * The status workflow: draft → in review → published (→ archived). A
 * published postmortem is read-only until it is reopened, with a reason.
 */
import { STATUS_LABELS, type Status } from "./postmortem";

const ALLOWED: Record<Status, Status[]> = {
  draft: ["in_review", "published", "archived"],
  in_review: ["draft", "published", "archived"],
  published: ["in_review", "archived"],
  archived: ["draft"],
};

export type TransitionCheck = { ok: true; summary: string } | { ok: false; message: string };

/** Whether a postmortem may move from `from` to `to`, and how the history will describe it. */
export function checkTransition(from: Status, to: Status, reason?: string): TransitionCheck {
  if (from === to) return { ok: false, message: `The postmortem is already ${STATUS_LABELS[to].toLowerCase()}.` };
  if (!ALLOWED[from].includes(to)) {
    return {
      ok: false,
      message: `A postmortem cannot go from ${STATUS_LABELS[from].toLowerCase()} to ${STATUS_LABELS[to].toLowerCase()}; it can go to: ${ALLOWED[from].map((s) => STATUS_LABELS[s].toLowerCase()).join(", ")}.`,
    };
  }
  const why = reason?.trim();
  if (from === "published" && to !== "archived") {
    if (!why) return { ok: false, message: "Say why you are reopening a published postmortem; the reason is kept in its history." };
    return { ok: true, summary: `Reopened: ${why}` };
  }
  const summaries: Record<Status, string> = {
    draft: from === "archived" ? "Restored from the archive" : "Moved back to draft",
    in_review: "Sent for review",
    published: "Published",
    archived: "Archived",
  };
  return { ok: true, summary: why ? `${summaries[to]}: ${why}` : summaries[to] };
}

/** Published postmortems are read-only until reopened. */
export function isReadOnly(status: Status): boolean {
  return status === "published";
}
