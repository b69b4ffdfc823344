import type { Metadata } from "next";
import { StackedBars } from "@/components/charts/stacked-bars";
import { buttonClass } from "@/components/ui/fields";
import { FilterDate, FilterSelect, optionsOf } from "@/components/ui/filter-fields";
import { formatDuration } from "@/lib/domain/figures";
import { averagesOverTime, countsOverTime, undatedActionsNote } from "@/lib/domain/insights";
import { FACTOR_CATEGORIES, FACTOR_CATEGORY_LABELS, SEVERITIES } from "@/lib/domain/postmortem";
import { insightsQuerySchema } from "@/lib/schemas/insights";
import { getInsights } from "@/lib/server/insights/get-insights";
import { pagePath } from "@/components/account/request-info";
import { requirePageActor } from "@/lib/server/auth";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Insights" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const SEVERITY_COLORS: Record<string, string> = { SEV1: "#dc2626", SEV2: "#ea580c", SEV3: "#d97706", SEV4: "#0284c7", none: "#a1a1aa" };
const FACTOR_COLORS = ["#6366f1", "#0ea5e9", "#f59e0b", "#10b981", "#ef4444", "#8b5cf6", "#ec4899", "#14b8a6", "#a1a1aa"];

function Chart({ title, description, children }: { title: string; description: string; children: React.ReactNode }) {
  return (
    <section aria-label={title} className="rounded-xl border border-zinc-200 p-5 dark:border-zinc-800">
      <h2 className="font-semibold">{title}</h2>
      <p className="mt-0.5 mb-4 text-xs text-zinc-500">{description}</p>
      {children}
    </section>
  );
}

export default async function InsightsPage({ searchParams }: Props) {
  const raw = await searchParams;
  await requirePageActor({ path: pagePath("/insights", raw) });
  const query = insightsQuerySchema.parse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])));
  const insights = await getInsights(query);
  const severities = [...SEVERITIES, "none"].map((key) => ({ key, label: key === "none" ? "No severity" : key, color: SEVERITY_COLORS[key] }));
  const factors = FACTOR_CATEGORIES.map((key, i) => ({ key, label: FACTOR_CATEGORY_LABELS[key], color: FACTOR_COLORS[i] }));
  const maxService = Math.max(1, ...insights.topServices.map((s) => s.count));
  // Every period from the first to the last, empty ones too: a quiet half-year shows as one.
  const incidents = countsOverTime(insights.perMonth, (r) => r.month, (r) => r.severity, (r) => r.count);
  const resolve = averagesOverTime(insights.timeToResolve, (r) => r.month, (r) => r.averageMinutes, (r) => r.incidents, "ttr");
  const factorRows = countsOverTime(insights.factorsPerMonth, (r) => r.month, (r) => r.category, (r) => r.count, { smallest: "quarter" });
  const actionRows = countsOverTime(
    insights.actionsPerMonth.flatMap((r) => (["done", "open", "overdue"] as const).map((key) => ({ month: r.month, key, count: r[key] }))),
    (r) => r.month,
    (r) => r.key,
    (r) => r.count,
    { smallest: "quarter" },
  );
  const undated = undatedActionsNote(insights.actionsWithoutDueDate.open);

  return (
    <div>
      <h1 className="text-2xl font-semibold tracking-tight">Insights</h1>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">What keeps going wrong, how fast we recover, and which promises are overdue.</p>

      <form className="mt-6 flex flex-wrap items-end gap-3 text-sm" aria-label="Filters">
        <FilterDate caption="From" name="from" value={query.from} />
        <FilterDate caption="To" name="to" value={query.to} />
        <FilterSelect caption="Service" name="service" value={query.service} options={optionsOf("All services", insights.services)} />
        <FilterSelect caption="Severity" name="severity" value={query.severity} options={optionsOf("All severities", SEVERITIES)} />
        <button type="submit" className={buttonClass}>
          Apply
        </button>
      </form>

      <div className="mt-8 grid grid-cols-1 gap-6 lg:grid-cols-2">
        <Chart title={`Incidents per ${incidents.unit}`} description="By severity, from each incident's date; periods without incidents show as none.">
          <StackedBars title={`Incidents per ${incidents.unit} by severity`} series={severities} rows={incidents.rows} />
        </Chart>
        <Chart title="Time to resolve" description={`Average from impact start (or trigger) to resolution, per ${resolve.unit}.`}>
          <StackedBars
            title={`Average time to resolve per ${resolve.unit}`}
            series={[{ key: "ttr", label: "Average time to resolve", color: "#6366f1" }]}
            rows={resolve.rows}
            format={(minutes) => formatDuration(minutes)}
            missing="—"
          />
        </Chart>
        <Chart title="Contributing factors" description={`Categories per ${factorRows.unit}: what keeps contributing.`}>
          <StackedBars title={`Contributing-factor categories per ${factorRows.unit}`} series={factors} rows={factorRows.rows} />
        </Chart>
        <Chart title="Corrective actions" description={`By due-date ${actionRows.unit}: done, open, and open past their due date.`}>
          <StackedBars
            title={`Corrective actions per ${actionRows.unit}`}
            series={[
              { key: "done", label: "Done", color: "#10b981" },
              { key: "open", label: "Open", color: "#6366f1" },
              { key: "overdue", label: "Overdue", color: "#dc2626" },
            ]}
            rows={actionRows.rows}
          />
          {undated && <p className="mt-2 text-xs text-amber-700 dark:text-amber-400">{undated}</p>}
        </Chart>
        <Chart title="Services with the most incidents" description="Top ten, counting each postmortem once per service.">
          {insights.topServices.length === 0 ? (
            <p className="text-sm text-zinc-500">No data for these filters.</p>
          ) : (
            <table className="w-full text-sm">
              <caption className="sr-only">Services with the most incidents</caption>
              <tbody>
                {insights.topServices.map((row) => (
                  <tr key={row.service}>
                    <th scope="row" className="w-1/3 py-1 pr-3 text-left font-normal wrap-anywhere">
                      {row.service}
                    </th>
                    <td className="py-1">
                      <span className="flex items-center gap-2">
                        <span aria-hidden className="h-3 rounded-sm bg-accent-500" style={{ width: `${(row.count / maxService) * 100}%` }} />
                        <span className="tabular-nums">{row.count}</span>
                      </span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Chart>
      </div>
    </div>
  );
}
