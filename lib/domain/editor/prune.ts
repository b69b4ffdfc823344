/**
 * Drops list items the author added but has not filled in yet (an empty why,
 * a factor with no text…) before a save, so that a half-added row never blocks
 * autosave. The editor keeps showing them.
 */
import type { PostmortemDraft } from "@/lib/schemas/postmortem";

const filled = (text: string | null | undefined) => Boolean(text && text.trim());

export function withoutBlankItems<T extends PostmortemDraft>(doc: T): T {
  return {
    ...doc,
    timeline: doc.timeline.filter((event) => filled(event.text) || event.at !== null),
    rootCause: { ...doc.rootCause, whys: doc.rootCause.whys.filter(filled) },
    contributingFactors: doc.contributingFactors.filter((factor) => filled(factor.text)),
    correctiveActions: doc.correctiveActions.filter((action) => filled(action.title) || filled(action.description) || filled(action.owner)),
    sections: doc.sections.filter((section) => filled(section.title) || filled(section.body)),
  };
}
