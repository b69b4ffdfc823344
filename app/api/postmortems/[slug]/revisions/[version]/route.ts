import { AppError } from "@/lib/domain/errors";
import { apiRoute } from "@/lib/server/http/responses";
import { getRevision } from "@/lib/server/postmortems";
import { versionParamSchema } from "@/lib/schemas/revision";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ slug: string; version: string }> };

/** The postmortem exactly as it was saved at one version. */
export const GET = apiRoute<Context>(async (_request, { params }) => {
  const { slug, version } = await params;
  const number = versionParamSchema.safeParse(version);
  if (!number.success) throw new AppError("NOT_FOUND", `"${version}" is not a version number.`);
  const snapshot = await getRevision({ slug, version: number.data });
  if (!snapshot) throw new AppError("NOT_FOUND", `"${slug}" has no version ${number.data}.`);
  return Response.json(snapshot);
});
