import "./zod-in-browser";
import * as z from "zod";
import { SEVERITIES } from "@/lib/domain/postmortem";
import { isIsoDate } from "@/lib/domain/instants";

const day = z.string().refine(isIsoDate).optional().catch(undefined);

/** Insights filters, shared with the library's (from, to, service, severity); junk is ignored, never an error. */
export const insightsQuerySchema = z.object({
  from: day,
  to: day,
  service: z.string().trim().min(1).max(100).optional().catch(undefined),
  severity: z.enum(SEVERITIES).optional().catch(undefined),
});
export type InsightsQuery = z.output<typeof insightsQuerySchema>;
