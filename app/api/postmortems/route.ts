import { listQuerySchema, postmortemInputSchema } from "@/lib/schemas/postmortem";
import { parseInput, readJsonBody } from "@/lib/server/http/json-body";
import { apiRoute, authorFrom } from "@/lib/server/http/responses";
import { createPostmortem, listPostmortems } from "@/lib/server/postmortems";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async (request) => {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  return Response.json(await listPostmortems(listQuerySchema.parse(params)));
});

export const POST = apiRoute(async (request) => {
  const draft = parseInput(postmortemInputSchema, await readJsonBody(request));
  const created = await createPostmortem({ draft, authorName: authorFrom(request) });
  const location = new URL(`/api/postmortems/${created.slug}`, request.url);
  return Response.json(created, { status: 201, headers: { location: location.pathname } });
});
