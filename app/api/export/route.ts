import { exportQueryOf, exportQuerySchema } from "@/lib/schemas/export";
import { parseInput } from "@/lib/schemas/parse-input";
import { clientIpOf } from "@/lib/server/auth/sign-in-hooks";
import { startZipExport } from "@/lib/server/export/zip-export";
import { publicOrigin } from "@/lib/server/http/public-origin";
import { apiRoute } from "@/lib/server/http/responses";

export const dynamic = "force-dynamic";

/**
 * Every published postmortem as Markdown, one file each, in a zip (same
 * options as the single export), streamed as a worker thread writes it
 * (decision 022). Refusals come first, as JSON: 422, 401/403, 429 with
 * Retry-After.
 */
export const GET = apiRoute(async (request) => {
  const query = parseInput(exportQuerySchema, exportQueryOf(new URL(request.url).searchParams), "export query");
  const exportOptions = { ...query, hindsightOrigin: publicOrigin(request.headers) };
  const zip = await startZipExport({ exportOptions, clientAddress: clientIpOf(request.headers), signal: request.signal });
  const today = new Date().toISOString().slice(0, 10);
  return new Response(zip, {
    headers: {
      "content-type": "application/zip",
      "content-disposition": `attachment; filename="hindsight-export-${today}.zip"`,
      "cache-control": "no-store",
    },
  });
});
