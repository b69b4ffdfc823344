import { z } from "zod";
import { AppError } from "@/lib/domain/errors";
import { AUDIT_KINDS, listAudit } from "@/lib/server/auth";
import { apiRoute } from "@/lib/server/http/responses";

export const dynamic = "force-dynamic";

const querySchema = z.object({
  actor: z.string().max(100).optional(),
  kind: z.enum(AUDIT_KINDS).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  perPage: z.coerce.number().int().min(1).max(500).default(50),
});

/** The audit log, newest first (admins): ?actor=<person id>&kind=<kind>&page=&perPage=. */
export const GET = apiRoute(async (request) => {
  const url = new URL(request.url);
  const parsed = querySchema.safeParse(Object.fromEntries(url.searchParams));
  if (!parsed.success) {
    const fields: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (fields[issue.path.join(".")] ??= []).push(issue.message);
    throw new AppError("INVALID", `Bad query parameter: ${Object.keys(fields).join(", ")}.`, { fields });
  }
  const { actor, kind, page, perPage } = parsed.data;
  return Response.json(await listAudit({ actorId: actor, kind, page, perPage }));
});
