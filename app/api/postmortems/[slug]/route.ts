import { postmortemUpdateSchema } from "@/lib/schemas/postmortem";
import { parseInput } from "@/lib/schemas/parse-input";
import { readJsonBody } from "@/lib/server/http/json-body";
import { apiRoute } from "@/lib/server/http/responses";
import { archivePostmortem, getPostmortem, savePostmortem } from "@/lib/server/postmortems";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ slug: string }> };

export const GET = apiRoute<Context>(async (_request, { params }) => {
  const { slug } = await params;
  return Response.json(await getPostmortem({ slug }));
});

export const PUT = apiRoute<Context>(async (request, { params }) => {
  const { slug } = await params;
  const draft = parseInput(postmortemUpdateSchema, await readJsonBody(request));
  const saved = await savePostmortem({ slug, version: draft.version, draft });
  return Response.json(saved);
});

/** Archives: a postmortem is never destroyed, and stays readable and restorable. */
export const DELETE = apiRoute<Context>(async (request, { params }) => {
  const { slug } = await params;
  return Response.json(await archivePostmortem({ slug }));
});
