import { parseSearchParams } from "@/lib/schemas/search";
import { apiRoute } from "@/lib/server/http/responses";
import { searchPostmortems } from "@/lib/server/search";

export const dynamic = "force-dynamic";

/**
 * GET /api/search?q=…&severity=…&status=…&service=…&tag=…&factor=…&action=…&from=…&to=…&sort=…&page=…&perPage=…
 * Results with highlighted snippets, facet counts and timing. Any query
 * string is answered: unknown or malformed parameters fall back to defaults.
 */
export const GET = apiRoute(async (request) => {
  const search = await searchPostmortems(parseSearchParams(new URL(request.url).searchParams));
  return Response.json(search, { headers: { "server-timing": `search;dur=${search.timing.totalMs}` } });
});
