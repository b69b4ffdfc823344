import "server-only";
import { requireRole } from "../auth/require-access";
import { hiddenPostmortemIds } from "../auth/visibility";
import type { TrackedAction } from "@/lib/domain/actions";
import { ACTION_STATUSES, type ActionStatus, type ActionType, type Severity, type Status } from "@/lib/domain/postmortem";
import type { TrackerQuery } from "@/lib/schemas/actions";
import { getDb } from "../db";
import { ACTIONS_TABLE, OVERDUE_SQL, trackerWhere } from "./tracker-filters";

export type TrackerPage = {
  actions: TrackedAction[];
  /** Actions matching every filter. */
  total: number;
  /** Of those, how many are overdue. */
  overdue: number;
  /** Matches per status with every other filter applied (for the status filter's labels). */
  statusCounts: Record<ActionStatus, number>;
  page: number;
  perPage: number;
  pageCount: number;
};

type Row = {
  slug: string;
  postmortemTitle: string;
  postmortemStatus: string;
  severity: string | null;
  version: bigint | number;
  position: bigint | number;
  title: string;
  type: string | null;
  priority: string | null;
  owner: string | null;
  dueDate: string | null;
  status: string;
  url: string | null;
};

// Unfinished work first, earliest due first (no due date last), then newest postmortem, then list order.
const ORDER = `ORDER BY (a.status IN ('done', 'wont_do')), a.dueDate IS NULL, a.dueDate, a.postmortemId DESC, a.position`;

/**
 * One page of corrective actions across all postmortems (archived ones left
 * out, and restricted ones the reader may not see), filtered and counted in
 * SQL: only `perPage` rows are ever read.
 * `today` (YYYY-MM-DD) decides what is overdue.
 */
export async function listActions(options: { query: TrackerQuery; today: string }): Promise<TrackerPage> {
  const actor = await requireRole("viewer");
  const { query, today } = options;
  const db = await getDb();
  const hidden = await hiddenPostmortemIds(db, actor);
  const filtered = trackerWhere(query, today, { hidden });
  const rows = await db.$queryRawUnsafe<Row[]>(
    // The page is chosen from CorrectiveAction alone; only its rows meet their postmortem.
    `SELECT p.slug, p.title AS postmortemTitle, p.status AS postmortemStatus, p.severity, p.version,
       a.position, a.title, a.type, a.priority, a.owner, a.dueDate, a.status, a.url
     FROM (SELECT a.id, a.postmortemId, a.position, a.title, a.type, a.priority, a.owner, a.dueDate, a.status, a.url
           FROM ${ACTIONS_TABLE} WHERE ${filtered.where} ${ORDER} LIMIT ? OFFSET ?) a
     JOIN Postmortem p ON p.id = a.postmortemId ${ORDER}`,
    ...filtered.params,
    query.perPage,
    (query.page - 1) * query.perPage,
  );

  const unfiltered = trackerWhere(query, today, { withStatus: false, hidden });
  const counts = await db.$queryRawUnsafe<{ status: string; count: bigint; overdue: bigint | null }[]>(
    `SELECT a.status AS status, COUNT(*) AS count, SUM(CASE WHEN ${OVERDUE_SQL} THEN 1 ELSE 0 END) AS overdue
     FROM ${ACTIONS_TABLE} WHERE ${unfiltered.where} GROUP BY a.status`,
    today,
    ...unfiltered.params,
  );
  const statusCounts = Object.fromEntries(ACTION_STATUSES.map((s) => [s, 0])) as Record<ActionStatus, number>;
  let total = 0;
  let overdue = 0;
  for (const row of counts) {
    if (!(ACTION_STATUSES as readonly string[]).includes(row.status)) continue;
    statusCounts[row.status as ActionStatus] = Number(row.count);
    if (query.statuses.length && !query.statuses.includes(row.status as ActionStatus)) continue;
    total += Number(row.count);
    overdue += Number(row.overdue ?? 0);
  }
  return {
    actions: rows.map(toTrackedAction),
    total,
    overdue,
    statusCounts,
    page: query.page,
    perPage: query.perPage,
    pageCount: Math.max(1, Math.ceil(total / query.perPage)),
  };
}

function toTrackedAction(row: Row): TrackedAction {
  return {
    slug: row.slug,
    postmortemTitle: row.postmortemTitle,
    postmortemStatus: row.postmortemStatus as Status,
    severity: row.severity as Severity | null,
    version: Number(row.version),
    index: Number(row.position),
    title: row.title,
    type: row.type as ActionType | null,
    priority: row.priority,
    owner: row.owner,
    dueDate: row.dueDate,
    status: row.status as ActionStatus,
    url: row.url,
  };
}
