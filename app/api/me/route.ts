import { apiRoute } from "@/lib/server/http/responses";
import { requireRole } from "@/lib/server/auth";

export const dynamic = "force-dynamic";

/** Who the request is from: the person, their role (as this token acts), and whether a token was used. */
export const GET = apiRoute(async () => {
  const actor = await requireRole("viewer");
  if (actor.kind !== "user") return Response.json({ kind: "operator" });
  return Response.json({ id: actor.userId, name: actor.name, email: actor.email, role: actor.role, viaToken: Boolean(actor.tokenId) });
});
