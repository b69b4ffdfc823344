import "./zod-in-browser";
import * as z from "zod";
import { STATUSES } from "@/lib/domain/postmortem";

/** A revision number in a URL ("3"); anything else matches no revision. */
export const versionParamSchema = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/** A request to move a postmortem along the workflow. */
export const statusChangeSchema = z.strictObject({
  status: z.enum(STATUSES, `Must be one of: ${STATUSES.join(", ")}`),
  reason: z.string().trim().max(1000, "Must be at most 1000 characters").optional(),
});
