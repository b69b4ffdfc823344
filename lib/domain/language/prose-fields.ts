/** Every prose field of a postmortem, with the dotted path the editor and the API use for it. */
import type { PostmortemDocument, PostmortemDraft } from "@/lib/schemas/postmortem";

/** The parts of a postmortem that hold prose; drafts and stored documents both have them. */
export type ProseSource = Pick<
  PostmortemDraft | PostmortemDocument,
  "title" | "summary" | "impact" | "timeline" | "rootCause" | "contributingFactors" | "correctiveActions" | "lessons" | "sections"
>;

export type ProseField = { field: string; text: string };

/** The prose fields in document order ("timeline.3.text", "lessons.wentWrong"…). */
export function listProseFields(doc: ProseSource): ProseField[] {
  return [
    { field: "title", text: doc.title },
    { field: "summary", text: doc.summary },
    { field: "impact", text: doc.impact },
    ...doc.timeline.map((event, index) => ({ field: `timeline.${index}.text`, text: event.text })),
    { field: "rootCause.trigger", text: doc.rootCause.trigger },
    { field: "rootCause.narrative", text: doc.rootCause.narrative },
    ...doc.rootCause.whys.map((why, index) => ({ field: `rootCause.whys.${index}`, text: why })),
    ...doc.contributingFactors.map((factor, index) => ({ field: `contributingFactors.${index}.text`, text: factor.text })),
    ...doc.correctiveActions.flatMap((action, index) => [
      { field: `correctiveActions.${index}.title`, text: action.title },
      { field: `correctiveActions.${index}.description`, text: action.description },
    ]),
    { field: "lessons.wentWell", text: doc.lessons.wentWell },
    { field: "lessons.wentWrong", text: doc.lessons.wentWrong },
    { field: "lessons.lucky", text: doc.lessons.lucky },
    ...doc.sections.flatMap((section, index) => [
      { field: `sections.${index}.title`, text: section.title },
      { field: `sections.${index}.body`, text: section.body },
    ]),
  ];
}
