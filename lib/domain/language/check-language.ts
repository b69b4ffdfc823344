/** The blameless-language check over a whole postmortem. */
import { checkText, type Match } from "./check-text";
import { listProseFields, type ProseSource } from "./prose-fields";

/** A flagged phrase in one field of a postmortem; start and end are offsets into that field's text. */
export type Finding = Match & {
  /** Dotted path of the field: "summary", "timeline.3.text", "lessons.wentWrong". */
  field: string;
};

/** Findings in every prose field, in document order. Never throws on odd text: it only reads. */
export function checkLanguage(doc: ProseSource): Finding[] {
  return listProseFields(doc).flatMap(({ field, text }) => checkText(text ?? "").map((match) => ({ field, ...match })));
}
