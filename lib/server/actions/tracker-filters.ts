import "server-only";
import { addDays } from "@/lib/domain/actions";
import { UNASSIGNED, type TrackerQuery } from "@/lib/schemas/actions";

/** Rows of CorrectiveAction `a` joined to their Postmortem `p`. */
export const ACTION_FROM = "FROM CorrectiveAction a JOIN Postmortem p ON p.id = a.postmortemId";

/** SQL for "unfinished and past its due date" with one `today` parameter (see lib/domain/actions/due.ts). */
export const OVERDUE_SQL = "(a.status IN ('open', 'in_progress') AND a.dueDate < ?)";

/**
 * The WHERE clause and its parameters for the tracker's filters. Archived
 * postmortems never count. `withStatus: false` leaves the status filter out,
 * for the counts per status shown beside it.
 */
export function trackerWhere(query: TrackerQuery, today: string, options: { withStatus?: boolean } = {}): { where: string; params: unknown[] } {
  const clauses = ["p.status != 'archived'"];
  const params: unknown[] = [];
  const add = (clause: string, ...values: unknown[]) => {
    clauses.push(clause);
    params.push(...values);
  };
  if (query.owner === UNASSIGNED) add("(a.owner IS NULL OR trim(a.owner) = '')");
  else if (query.owner) add("a.owner = ?", query.owner);
  if (options.withStatus !== false && query.statuses.length) {
    add(`a.status IN (${query.statuses.map(() => "?").join(", ")})`, ...query.statuses);
  }
  if (query.due === "overdue") add(OVERDUE_SQL, today);
  if (query.due === "next30") add("(a.status IN ('open', 'in_progress') AND a.dueDate >= ? AND a.dueDate <= ?)", today, addDays(today, 30));
  if (query.due === "none") add("a.dueDate IS NULL");
  if (query.dueFrom) add("a.dueDate >= ?", query.dueFrom);
  if (query.dueTo) add("a.dueDate <= ?", query.dueTo);
  if (query.type) add("a.type = ?", query.type);
  if (query.severity) add("p.severity = ?", query.severity);
  return { where: clauses.join(" AND "), params };
}
