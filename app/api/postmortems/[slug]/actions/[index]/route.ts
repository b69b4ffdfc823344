import { AppError } from "@/lib/domain/errors";
import { actionIndexParamSchema, actionStatusChangeSchema } from "@/lib/schemas/actions";
import { changeActionStatus } from "@/lib/server/actions";
import { parseInput } from "@/lib/schemas/parse-input";
import { readJsonBody } from "@/lib/server/http/json-body";
import { apiRoute } from "@/lib/server/http/responses";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ slug: string; index: string }> };

/**
 * Changes one corrective action's status: { "status": "done", "version": 7 }
 * → 200 with the saved postmortem; 409 with `current` when the postmortem
 * moved on since `version` (or is archived); 422 for a bad body; 404 when the
 * postmortem or the action (0-based `index`) does not exist.
 */
export const PATCH = apiRoute<Context>(async (request, { params }) => {
  const { slug, index } = await params;
  const position = actionIndexParamSchema.safeParse(index);
  if (!position.success) throw new AppError("NOT_FOUND", `"${index}" is not an action number: use the action's 0-based index in correctiveActions.`);
  const input = parseInput(actionStatusChangeSchema, await readJsonBody(request), "status change");
  const saved = await changeActionStatus({ slug, index: position.data, ...input });
  return Response.json(saved);
});
