import { apiRoute } from "@/lib/server/http/responses";
import { listRevisions } from "@/lib/server/postmortems";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ params: Promise<{ slug: string }> }>(async (_request, { params }) => {
  const { slug } = await params;
  return Response.json({ revisions: await listRevisions({ slug }) });
});
