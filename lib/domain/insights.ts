/** Reshaping aggregate rows for charts: one row per period, one value per series. */

/** Rows of (period, series, count) → one entry per period, in period order, with every series present. */
export function pivot<T>(
  rows: T[],
  period: (row: T) => string,
  series: (row: T) => string,
  value: (row: T) => number,
): { label: string; values: Record<string, number> }[] {
  const byPeriod = new Map<string, Record<string, number>>();
  for (const row of rows) {
    const values = byPeriod.get(period(row)) ?? {};
    values[series(row)] = (values[series(row)] ?? 0) + value(row);
    byPeriod.set(period(row), values);
  }
  return [...byPeriod.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([label, values]) => ({ label, values }));
}
