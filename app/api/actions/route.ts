import { actionsToCsv, todayUtc } from "@/lib/domain/actions";
import { AppError } from "@/lib/domain/errors";
import { parseTrackerQuery } from "@/lib/schemas/actions";
import { listActions } from "@/lib/server/actions";
import { publicOrigin } from "@/lib/server/http/public-origin";
import { apiRoute } from "@/lib/server/http/responses";

export const dynamic = "force-dynamic";

/** Most rows one CSV export holds; the X-Total-Count header says when there were more. */
const CSV_MAX_ROWS = 10_000;

/**
 * Corrective actions across postmortems, with the tracker's filters:
 * `owner` (a name or "unassigned"), `status` (repeatable), `due`
 * (overdue | next30 | none | any), `dueFrom`, `dueTo`, `type`, `severity`,
 * `page`, `perPage`. `format=csv` answers every match (up to 10,000) as a
 * CSV attachment. A bad parameter is a 400 naming it.
 */
export const GET = apiRoute(async (request) => {
  const url = new URL(request.url);
  const { query, problems } = parseTrackerQuery(url.searchParams);
  const format = url.searchParams.get("format") || "json";
  if (format !== "json" && format !== "csv") problems.format = [`Must be one of: json, csv (got "${format}")`];
  if (Object.keys(problems).length) {
    throw new AppError("BAD_REQUEST", `Bad query parameter${Object.keys(problems).length === 1 ? "" : "s"}: ${Object.keys(problems).join(", ")}.`, {
      fields: problems,
    });
  }
  const today = todayUtc();
  if (format === "json") return Response.json({ today, ...(await listActions({ query, today })) });

  const page = await listActions({ query: { ...query, page: 1, perPage: CSV_MAX_ROWS }, today });
  return new Response(actionsToCsv(page.actions, { today, origin: publicOrigin(request.headers) }), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="hindsight-actions-${today}.csv"`,
      "cache-control": "no-store",
      "x-total-count": String(page.total),
    },
  });
});
