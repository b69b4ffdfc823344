import { z } from "zod";

/** A revision number in a URL ("3"); anything else matches no revision. */
export const versionParamSchema = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
