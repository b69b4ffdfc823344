import { renderExportFiles, zipExportFiles } from "@/lib/domain/markdown/export";
import { exportQueryOf, exportQuerySchema } from "@/lib/schemas/export";
import { parseInput } from "@/lib/server/http/json-body";
import { publicOrigin } from "@/lib/server/http/public-origin";
import { apiRoute } from "@/lib/server/http/responses";
import { listPublishedPostmortems } from "@/lib/server/postmortems";

export const dynamic = "force-dynamic";

/** Every published postmortem as Markdown, one file each, in a zip (same options as the single export). */
export const GET = apiRoute(async (request) => {
  const query = parseInput(exportQuerySchema, exportQueryOf(new URL(request.url).searchParams), "export query");
  const options = { ...query, hindsightOrigin: publicOrigin(request.headers) };
  const zip = zipExportFiles(renderExportFiles(await listPublishedPostmortems(), options));
  const today = new Date().toISOString().slice(0, 10);
  return new Response(Buffer.from(zip), {
    headers: {
      "content-type": "application/zip",
      "content-disposition": `attachment; filename="hindsight-export-${today}.zip"`,
      "cache-control": "no-store",
    },
  });
});
