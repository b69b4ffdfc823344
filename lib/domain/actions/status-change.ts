/** How the history words a status change made from the tracker. */
import { ACTION_STATUS_LABELS, type ActionStatus } from "../postmortem";

/** "Action 'Add a canary stage' status: open → done" — the revision summary. */
export function describeActionStatusChange(title: string, from: ActionStatus, to: ActionStatus): string {
  const short = title.length > 80 ? `${title.slice(0, 79)}…` : title;
  const word = (status: ActionStatus) => ACTION_STATUS_LABELS[status].toLowerCase();
  return `Action '${short}' status: ${word(from)} → ${word(to)}`;
}
