import { statusChangeSchema } from "@/lib/schemas/revision";
import { parseInput } from "@/lib/schemas/parse-input";
import { readJsonBody } from "@/lib/server/http/json-body";
import { apiRoute } from "@/lib/server/http/responses";
import { changeStatus } from "@/lib/server/postmortems";

export const dynamic = "force-dynamic";

/** Moves the postmortem along the workflow: { "status": "published" } or { "status": "in_review", "reason": "…" }. */
export const POST = apiRoute<{ params: Promise<{ slug: string }> }>(async (request, { params }) => {
  const { slug } = await params;
  const input = parseInput(statusChangeSchema, await readJsonBody(request), "status change");
  return Response.json(await changeStatus({ slug, ...input }));
});
