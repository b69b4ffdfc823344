/** The tracker's rows as a spreadsheet: one CSV record per corrective action. */
import { ACTION_STATUS_LABELS, type ActionStatus, type ActionType, type Severity, type Status } from "../postmortem";
import { toCsv } from "./csv";
import { overdueDays } from "./due";

/** One corrective action as the tracker lists it, with the postmortem it belongs to. */
export type TrackedAction = {
  slug: string;
  postmortemTitle: string;
  postmortemStatus: Status;
  severity: Severity | null;
  /** The postmortem's version when this row was read: a status change sends it back. */
  version: number;
  /** The action's place in the postmortem's correctiveActions list (0-based). */
  index: number;
  title: string;
  type: ActionType | null;
  priority: string | null;
  owner: string | null;
  dueDate: string | null;
  status: ActionStatus;
  url: string | null;
};

export const CSV_HEADER = [
  "Postmortem",
  "Postmortem link",
  "Severity",
  "Action",
  "Type",
  "Priority",
  "Owner",
  "Due date",
  "Status",
  "Days overdue",
  "Tracker link",
];

/** CSV text (header first) for `actions`; links are absolute from `origin`. */
export function actionsToCsv(actions: TrackedAction[], options: { today: string; origin: string }): string {
  const records = actions.map((a) => [
    a.postmortemTitle,
    `${options.origin}/postmortems/${a.slug}`,
    a.severity,
    a.title,
    a.type,
    a.priority,
    a.owner,
    a.dueDate,
    ACTION_STATUS_LABELS[a.status],
    overdueDays(a, options.today),
    a.url,
  ]);
  return toCsv([CSV_HEADER, ...records]);
}
