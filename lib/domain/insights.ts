/** Reshaping aggregate rows for charts: one row per period, one value per series, time without gaps. */

export type BarRow = { label: string; values: Record<string, number> };

/** Periods a time chart can be drawn in, shortest first, with their length in months. */
export const PERIOD_UNITS = ["month", "quarter", "year", "decade", "century"] as const;
export type PeriodUnit = (typeof PERIOD_UNITS)[number];
const MONTHS: Record<PeriodUnit, number> = { month: 1, quarter: 3, year: 12, decade: 120, century: 1200 };

/** Most bars a time chart draws: a longer span is shown in longer periods. */
export const MAX_PERIODS = 120;

/** "2025-05" → months since year 0; null for anything else. */
function monthIndex(month: string): number | null {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  if (!match || Number(match[2]) < 1 || Number(match[2]) > 12) return null;
  return Number(match[1]) * 12 + Number(match[2]) - 1;
}

/** The label of the period of a month index: "2025-05", "2025-Q2", "2025", "2020s", "2000–2099". */
function periodLabel(period: number, unit: PeriodUnit): string {
  const firstMonth = period * MONTHS[unit];
  const year = Math.floor(firstMonth / 12);
  const padded = String(year).padStart(4, "0");
  switch (unit) {
    case "month":
      return `${padded}-${String((firstMonth % 12) + 1).padStart(2, "0")}`;
    case "quarter":
      return `${padded}-Q${Math.floor((firstMonth % 12) / 3) + 1}`;
    case "year":
      return padded;
    case "decade":
      return `${padded}s`;
    case "century":
      return `${padded}–${String(year + 99).padStart(4, "0")}`;
  }
}

/** A chart's periods: the unit, and every period from the first month's to the last month's, in order. */
export type Timeline = { unit: PeriodUnit; labels: string[]; periodOf: (month: string) => string | null };

/**
 * Every period between two months (both "YYYY-MM"), in the shortest unit, no
 * shorter than `smallest`, that needs at most MAX_PERIODS bars: months for ten
 * years, then quarters, years, decades. Months with nothing in them still get
 * their bar, so that gaps in time show as gaps.
 */
export function timelineBetween(first: string, last: string, options: { smallest?: PeriodUnit; max?: number } = {}): Timeline {
  const { smallest = "month", max = MAX_PERIODS } = options;
  const from = monthIndex(first);
  const to = monthIndex(last);
  if (from === null || to === null || to < from) return { unit: smallest, labels: [], periodOf: () => null };
  const units = PERIOD_UNITS.slice(PERIOD_UNITS.indexOf(smallest));
  const unit = units.find((u) => Math.floor(to / MONTHS[u]) - Math.floor(from / MONTHS[u]) + 1 <= max) ?? "century";
  const start = Math.floor(from / MONTHS[unit]);
  const end = Math.floor(to / MONTHS[unit]);
  const labels = Array.from({ length: end - start + 1 }, (_, i) => periodLabel(start + i, unit));
  return {
    unit,
    labels,
    periodOf: (month) => {
      const index = monthIndex(month);
      return index === null ? null : periodLabel(Math.floor(index / MONTHS[unit]), unit);
    },
  };
}

/** The earliest and latest of some "YYYY-MM" months, or null for none. */
function spanOf(months: string[]): [string, string] | null {
  const valid = months.filter((month) => monthIndex(month) !== null).sort();
  return valid.length ? [valid[0], valid[valid.length - 1]] : null;
}

/**
 * Rows of (month, series, count) → one bar row per period from the first
 * month to the last, periods without rows included (empty: zero), counts
 * summed per period and series.
 */
export function countsOverTime<T>(
  rows: T[],
  month: (row: T) => string,
  series: (row: T) => string,
  count: (row: T) => number,
  options: { smallest?: PeriodUnit; max?: number } = {},
): { unit: PeriodUnit; rows: BarRow[] } {
  const span = spanOf(rows.map(month));
  if (!span) return { unit: options.smallest ?? "month", rows: [] };
  const timeline = timelineBetween(span[0], span[1], options);
  const byPeriod = new Map(timeline.labels.map((label) => [label, {} as Record<string, number>]));
  for (const row of rows) {
    const values = byPeriod.get(timeline.periodOf(month(row)) ?? "");
    if (values) values[series(row)] = (values[series(row)] ?? 0) + count(row);
  }
  return { unit: timeline.unit, rows: timeline.labels.map((label) => ({ label, values: byPeriod.get(label)! })) };
}

/**
 * Monthly averages (each over `weight` incidents) → one row per period from
 * the first month to the last: a period's average is weighted by its months'
 * incidents; a period without any has no value (not zero: nothing was measured).
 */
export function averagesOverTime<T>(
  rows: T[],
  month: (row: T) => string,
  average: (row: T) => number,
  weight: (row: T) => number,
  key: string,
  options: { smallest?: PeriodUnit; max?: number } = {},
): { unit: PeriodUnit; rows: BarRow[] } {
  const span = spanOf(rows.map(month));
  if (!span) return { unit: options.smallest ?? "month", rows: [] };
  const timeline = timelineBetween(span[0], span[1], options);
  const sums = new Map(timeline.labels.map((label) => [label, { total: 0, weight: 0 }]));
  for (const row of rows) {
    const sum = sums.get(timeline.periodOf(month(row)) ?? "");
    if (!sum || weight(row) <= 0) continue;
    sum.total += average(row) * weight(row);
    sum.weight += weight(row);
  }
  return {
    unit: timeline.unit,
    rows: timeline.labels.map((label) => {
      const sum = sums.get(label)!;
      return { label, values: sum.weight > 0 ? { [key]: sum.total / sum.weight } : {} };
    }),
  };
}

/** The line under the actions chart about open actions without a due date, or null when there are none. */
export function undatedActionsNote(open: number): string | null {
  if (open <= 0) return null;
  return `${open} open action${open === 1 ? " has" : "s have"} no due date.`;
}
