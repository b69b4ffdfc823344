/** The completeness checklist (the editor's Review step) as check findings. */
import { listOpenChecks, type ChecklistId } from "@/lib/domain/editor/steps";
import type { PostmortemDraft } from "@/lib/schemas/postmortem";
import type { CheckFinding } from "./findings";

// The checklist words its items as advice; a report also needs the gap itself.
const GAPS: Record<ChecklistId, string> = {
  severity: "No severity is given",
  summary: "There is no summary",
  services: "No affected service is named",
  "incident-date": "The date the incident began is not given",
  timezone: "The time zone of the timeline is not given",
  "impact-described": "The impact is not described",
  "impact-quantified": "The impact is not quantified (users, requests, money, minutes)",
  "timeline-started": "There is no timeline",
  "impact-start": "The timeline does not say when the impact started",
  detection: "The timeline does not say when the incident was detected",
  resolution: "The timeline does not say when the incident was mitigated or resolved",
  "timeline-order": "The timeline ends (mitigated or resolved) before it starts (trigger or impact start)",
  trigger: "The trigger is not described",
  "root-cause": "There is no root cause (narrative or five whys)",
  "contributing-factor": "No contributing factor is listed",
  "corrective-action": "No corrective action is listed",
  "action-owners": "A corrective action has no owner",
  "action-due-dates": "A corrective action has no due date",
  "went-well": "The lessons do not say what went well",
  "went-wrong": "The lessons do not say what went wrong",
  lucky: "The lessons do not say where you got lucky",
};

/** The checklist items a draft still misses, in step order; they have no excerpt and no line. */
export function checkCompleteness(draft: PostmortemDraft): CheckFinding[] {
  return listOpenChecks(draft).map(({ id, advice }) => ({
    kind: "completeness",
    rule: id,
    message: GAPS[id],
    suggestion: advice,
    excerpt: null,
    line: null,
  }));
}
