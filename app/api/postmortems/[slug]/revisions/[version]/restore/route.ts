import { AppError } from "@/lib/domain/errors";
import { apiRoute } from "@/lib/server/http/responses";
import { restoreRevision } from "@/lib/server/postmortems";
import { versionParamSchema } from "@/lib/schemas/revision";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ slug: string; version: string }> };

/** Saves an old version's content as a new revision (nothing is destroyed). */
export const POST = apiRoute<Context>(async (request, { params }) => {
  const { slug, version } = await params;
  const number = versionParamSchema.safeParse(version);
  if (!number.success) throw new AppError("NOT_FOUND", `"${version}" is not a version number.`);
  return Response.json(await restoreRevision({ slug, version: number.data }));
});
