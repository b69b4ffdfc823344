import { listQuerySchema, postmortemInputSchema } from "@/lib/schemas/postmortem";
import { parseInput } from "@/lib/schemas/parse-input";
import { readJsonBody } from "@/lib/server/http/json-body";
import { publicUrl } from "@/lib/server/http/public-origin";
import { apiRoute } from "@/lib/server/http/responses";
import { createPostmortem, listPostmortems } from "@/lib/server/postmortems";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async (request) => {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  return Response.json(await listPostmortems(listQuerySchema.parse(params)));
});

export const POST = apiRoute(async (request) => {
  const draft = parseInput(postmortemInputSchema, await readJsonBody(request));
  const created = await createPostmortem({ draft });
  // Absolute, at the name the client used (a proxy's public host, decision 013).
  const location = publicUrl(request.headers, `/api/postmortems/${created.slug}`);
  return Response.json(created, { status: 201, headers: { location } });
});
