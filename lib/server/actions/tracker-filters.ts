import "server-only";
import { addDays } from "@/lib/domain/actions";
import { UNASSIGNED, type TrackerQuery } from "@/lib/schemas/actions";

/**
 * Postmortem rows are large (their prose is stored inline), so the filters
 * never join them row by row: the postmortem conditions become `a.postmortemId
 * [NOT] IN (small id list)` (archived ones come from the status index), and
 * only the page's rows are joined for their titles.
 */
export const ACTIONS_TABLE =
  // NOT INDEXED: through the status index SQLite would look every row up in the table one by
  // one; a sequential scan is about twice as fast at 225,000 actions (npm run bench:actions).
  "CorrectiveAction a NOT INDEXED";

const NOT_ARCHIVED = "a.postmortemId NOT IN (SELECT id FROM Postmortem WHERE status = 'archived')";

/** SQL for "unfinished and past its due date" with one `today` parameter (see lib/domain/actions/due.ts). */
export const OVERDUE_SQL = "(a.status IN ('open', 'in_progress') AND a.dueDate < ?)";

/** SQL for "the action's postmortem is none of these ids", the ids as one JSON array parameter (however many). */
export const NOT_HIDDEN = "a.postmortemId NOT IN (SELECT value FROM json_each(?))";

/**
 * The WHERE clause and its parameters for the tracker's filters. Archived
 * postmortems never count, nor do restricted ones the reader may not see
 * (`hidden`: their ids, usually none, and then the SQL is as without it).
 * `withStatus: false` leaves the status filter out, for the counts per
 * status shown beside it.
 */
export function trackerWhere(
  query: TrackerQuery,
  today: string,
  options: { withStatus?: boolean; hidden?: readonly number[] } = {},
): { where: string; params: unknown[] } {
  const clauses = [NOT_ARCHIVED];
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
  if (query.severity) add("a.postmortemId IN (SELECT id FROM Postmortem WHERE severity = ?)", query.severity);
  if (options.hidden?.length) add(NOT_HIDDEN, JSON.stringify(options.hidden));
  return { where: clauses.join(" AND "), params };
}
