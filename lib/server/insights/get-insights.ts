import "server-only";
import { requireRole } from "../auth/require-access";
import { hiddenPostmortemIds } from "../auth/visibility";
import type { InsightsQuery } from "@/lib/schemas/insights";
import { getDb } from "../db";

/** Monthly aggregates ("YYYY-MM"), only months with something in them: charts fill the gaps (lib/domain/insights.ts). */
export type Insights = {
  perMonth: { month: string; severity: string; count: number }[];
  timeToResolve: { month: string; averageMinutes: number; incidents: number }[];
  /** By incident month. */
  factorsPerMonth: { month: string; category: string; count: number }[];
  topServices: { service: string; count: number }[];
  /** By due-date month. */
  actionsPerMonth: { month: string; open: number; overdue: number; done: number }[];
  actionsWithoutDueDate: { open: number; done: number };
  services: string[];
};

const DAY = "COALESCE(p.incidentDate, substr(p.createdAt, 1, 10))";
/**
 * An event's time as a Julian day: its instant, or its wall-clock time when
 * no zone was known (imported "10:47 AM" lines), read as UTC as the domain's
 * sortKey reads it. Differences between two times of one postmortem are what
 * count, and those are right either way.
 */
const EVENT_TIME = "COALESCE(julianday(instant), julianday(localTime))";

/**
 * The WHERE clause and parameters for the filters (archived postmortems never
 * count, nor do restricted ones hidden from the reader: `hidden`, usually none).
 */
function filters(query: InsightsQuery, hidden: readonly number[]): { where: string; params: unknown[] } {
  const clauses = ["p.status != 'archived'"];
  const params: unknown[] = [];
  const add = (clause: string, value: unknown) => {
    clauses.push(clause);
    params.push(value);
  };
  if (query.from) add(`${DAY} >= ?`, query.from);
  if (query.to) add(`${DAY} <= ?`, query.to);
  if (query.severity) add("p.severity = ?", query.severity);
  if (query.service) add("EXISTS (SELECT 1 FROM PostmortemService s WHERE s.postmortemId = p.id AND s.name = ?)", query.service);
  if (hidden.length) add(HIDDEN("p.id"), JSON.stringify(hidden));
  return { where: clauses.join(" AND "), params };
}

const num = (value: unknown) => Number(value ?? 0);

/** `column` is none of the ids in one JSON array parameter (however many). */
const HIDDEN = (column: string) => `${column} NOT IN (SELECT value FROM json_each(?))`;

/** Aggregates across all postmortems for the Insights page, computed in SQL (no documents loaded). */
export async function getInsights(query: InsightsQuery): Promise<Insights> {
  const actor = await requireRole("viewer");
  const db = await getDb();
  const hidden = await hiddenPostmortemIds(db, actor);
  const { where, params } = filters(query, hidden);
  const rows = <T>(sql: string, extra: unknown[] = []) => db.$queryRawUnsafe<T[]>(sql, ...params, ...extra);
  const today = new Date().toISOString().slice(0, 10);

  const perMonth = await rows<{ month: string; severity: string; count: bigint }>(
    `SELECT substr(${DAY}, 1, 7) AS month, COALESCE(p.severity, 'none') AS severity, COUNT(*) AS count
     FROM Postmortem p WHERE ${where} GROUP BY month, severity ORDER BY month`,
  );
  const timeToResolve = await rows<{ month: string; averageMinutes: number; incidents: bigint }>(
    `WITH t AS (
       SELECT postmortemId,
         COALESCE(MIN(CASE WHEN kind = 'impact_start' THEN ${EVENT_TIME} END), MIN(CASE WHEN kind = 'trigger' THEN ${EVENT_TIME} END)) AS started,
         MAX(CASE WHEN kind = 'resolved' THEN ${EVENT_TIME} END) AS resolved
       FROM TimelineEvent WHERE (instant IS NOT NULL OR localTime IS NOT NULL) AND kind IN ('impact_start', 'trigger', 'resolved') GROUP BY postmortemId)
     SELECT substr(${DAY}, 1, 7) AS month, AVG((t.resolved - t.started) * 1440) AS averageMinutes, COUNT(*) AS incidents
     FROM t JOIN Postmortem p ON p.id = t.postmortemId
     WHERE ${where} AND t.started IS NOT NULL AND t.resolved >= t.started
     GROUP BY month ORDER BY month`,
  );
  const factorsPerMonth = await rows<{ month: string; category: string; count: bigint }>(
    `SELECT substr(${DAY}, 1, 7) AS month, f.category AS category, COUNT(*) AS count
     FROM ContributingFactor f JOIN Postmortem p ON p.id = f.postmortemId
     WHERE ${where} GROUP BY month, category ORDER BY month`,
  );
  const topServices = await rows<{ service: string; count: bigint }>(
    `SELECT s.name AS service, COUNT(DISTINCT p.id) AS count
     FROM PostmortemService s JOIN Postmortem p ON p.id = s.postmortemId
     WHERE ${where} GROUP BY s.name ORDER BY count DESC, s.name LIMIT 10`,
  );
  // The two "today" parameters come first in this statement, then the filters.
  const actionRows = await db.$queryRawUnsafe<{ month: string | null; open: bigint; overdue: bigint; done: bigint }[]>(
    `SELECT substr(a.dueDate, 1, 7) AS month,
       SUM(CASE WHEN a.status IN ('open', 'in_progress') AND (a.dueDate IS NULL OR a.dueDate >= ?) THEN 1 ELSE 0 END) AS open,
       SUM(CASE WHEN a.status IN ('open', 'in_progress') AND a.dueDate < ? THEN 1 ELSE 0 END) AS overdue,
       SUM(CASE WHEN a.status = 'done' THEN 1 ELSE 0 END) AS done
     FROM CorrectiveAction a JOIN Postmortem p ON p.id = a.postmortemId
     WHERE ${where} GROUP BY month ORDER BY month`,
    today,
    today,
    ...params,
  );
  // A service named only in postmortems the reader may not see is not offered either.
  const services = hidden.length
    ? await db.$queryRawUnsafe<{ name: string }[]>(`SELECT DISTINCT name FROM PostmortemService WHERE ${HIDDEN("postmortemId")} ORDER BY name LIMIT 500`, JSON.stringify(hidden))
    : await db.$queryRawUnsafe<{ name: string }[]>("SELECT DISTINCT name FROM PostmortemService ORDER BY name LIMIT 500");

  const undated = actionRows.find((row) => row.month === null);
  return {
    perMonth: perMonth.map((r) => ({ month: r.month, severity: r.severity, count: num(r.count) })),
    timeToResolve: timeToResolve.map((r) => ({ month: r.month, averageMinutes: Number(r.averageMinutes), incidents: num(r.incidents) })),
    factorsPerMonth: factorsPerMonth.map((r) => ({ month: r.month, category: r.category, count: num(r.count) })),
    topServices: topServices.map((r) => ({ service: r.service, count: num(r.count) })),
    actionsPerMonth: actionRows
      .filter((r): r is typeof r & { month: string } => r.month !== null)
      .map((r) => ({ month: r.month, open: num(r.open), overdue: num(r.overdue), done: num(r.done) })),
    actionsWithoutDueDate: { open: num(undated?.open), done: num(undated?.done) },
    services: services.map((s) => s.name),
  };
}
