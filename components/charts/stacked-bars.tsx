import type { BarRow } from "@/lib/domain/insights";

export type Series = { key: string; label: string; color: string };

const HEIGHT = 160;
const BAR = 28;
const GAP = 10;

/**
 * Stacked vertical bars in plain SVG, with the same figures as a table for
 * screen readers and for anyone who wants the numbers.
 */
export function StackedBars({
  title,
  series: allSeries,
  rows,
  format = (value) => String(value),
  missing,
}: {
  title: string;
  series: Series[];
  rows: BarRow[];
  format?: (value: number) => string;
  /** Shown for a period without a value (an average of nothing), instead of the value 0. */
  missing?: string;
}) {
  if (rows.length === 0) return <p className="text-sm text-zinc-500">No data for these filters.</p>;
  // Only the series that occur: a legend of nine categories for two bars says little.
  const series = allSeries.filter((s) => rows.some((row) => (row.values[s.key] ?? 0) > 0));
  const totals = rows.map((row) => series.reduce((sum, s) => sum + (row.values[s.key] ?? 0), 0));
  const max = Math.max(...totals, 1);
  const width = Math.max(480, rows.length * (BAR + GAP) + GAP);
  // Few bars grow wider (up to 56) so that their labels fit under them.
  const bar = Math.min(56, (width - GAP) / rows.length - GAP);
  const labelEvery = Math.ceil(rows.length / 12);
  const show = (row: BarRow, key: string) => (row.values[key] === undefined && missing !== undefined ? missing : format(row.values[key] ?? 0));
  return (
    <figure>
      {/* When the bars overflow, the box scrolls: focusable so that keyboards can scroll it too (axe
          scrollable-region-focusable), and right-to-left so that it opens on the newest periods. */}
      <div
        className="overflow-x-auto rounded focus-visible:outline-2 focus-visible:outline-accent-500 [direction:rtl]"
        tabIndex={width > 640 ? 0 : undefined}
        role={width > 640 ? "group" : undefined}
        aria-label={width > 640 ? `${title}: scroll sideways for earlier periods` : undefined}
      >
        <svg
          viewBox={`0 0 ${width} ${HEIGHT + 24}`}
          className="h-48 w-full"
          // Many bars keep their width and scroll sideways instead of shrinking to slivers.
          style={width > 640 ? { width: `${width}px`, maxWidth: "none", direction: "ltr" } : { direction: "ltr" }}
          aria-hidden
        >
          <line x1={0} x2={width} y1={HEIGHT} y2={HEIGHT} stroke="currentColor" strokeOpacity={0.2} />
          <text x={2} y={10} fontSize={10} fill="currentColor" fillOpacity={0.6}>
            {format(max)}
          </text>
          {rows.map((row, i) => {
            let y = HEIGHT;
            const x = GAP + i * (bar + GAP);
            return (
              <g key={row.label}>
                <title>{`${row.label}: ${series.map((s) => `${s.label} ${show(row, s.key)}`).join(", ")}`}</title>
                {series.map((s) => {
                  const h = ((row.values[s.key] ?? 0) / max) * (HEIGHT - 16);
                  y -= h;
                  return h > 0 ? <rect key={s.key} x={x} y={y} width={bar} height={h} fill={s.color} rx={2} /> : null;
                })}
                {i % labelEvery === 0 && (
                  <text x={x + bar / 2} y={HEIGHT + 16} fontSize={10} textAnchor="middle" fill="currentColor" fillOpacity={0.6}>
                    {row.label}
                  </text>
                )}
              </g>
            );
          })}
        </svg>
      </div>
      {series.length > 1 && (
        <figcaption className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-zinc-600 dark:text-zinc-400" aria-hidden>
          {series.map((s) => (
            <span key={s.key} className="inline-flex items-center gap-1.5">
              <span className="inline-block size-2.5 rounded-sm" style={{ background: s.color }} />
              {s.label}
            </span>
          ))}
        </figcaption>
      )}
      <details className="mt-2 text-sm">
        <summary className="cursor-pointer text-xs text-accent-600 dark:text-accent-400">Show as a table</summary>
        <div className="mt-2 overflow-x-auto">
          <table className="w-full text-left text-xs tabular-nums">
            <caption className="sr-only">{title}</caption>
            <thead className="text-zinc-500">
              <tr>
                <th scope="col" className="py-1 pr-3 font-medium">
                  Period
                </th>
                {series.map((s) => (
                  <th key={s.key} scope="col" className="py-1 pr-3 font-medium">
                    {s.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
              {rows.map((row) => (
                <tr key={row.label}>
                  <th scope="row" className="py-1 pr-3 font-normal">
                    {row.label}
                  </th>
                  {series.map((s) => (
                    <td key={s.key} className="py-1 pr-3">
                      {show(row, s.key)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
