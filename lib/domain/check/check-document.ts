/** One postmortem file checked: blameless language (placed on source lines) and the completeness checklist. */
import { checkLanguage, listProseFields, type Finding } from "@/lib/domain/language";
import type { PostmortemDraft } from "@/lib/schemas/postmortem";
import { checkCompleteness } from "./completeness";
import type { CheckFinding } from "./findings";
import { createLineLocator, type LineLocator } from "./locate-line";

/** Language findings on a parsed document, each placed on the line of `source` (the file as written) where its words are. */
export function placeLanguageFindings({
  source,
  document,
  findings,
}: {
  source: string;
  document: PostmortemDraft;
  findings: Finding[];
}): CheckFinding[] {
  const texts = new Map(listProseFields(document).map(({ field, text }) => [field, text ?? ""]));
  const locator = createLineLocator(source);
  return findings.map((finding) => ({
    kind: "language",
    rule: finding.ruleId,
    message: finding.why,
    suggestion: finding.suggestion,
    excerpt: finding.excerpt,
    line: locateFinding(locator, texts.get(finding.field), finding),
  }));
}

// A field the document does not have (a finding made on another version of it) still has its excerpt to look for.
function locateFinding(locator: LineLocator, text: string | undefined, finding: Finding): number | null {
  return text === undefined ? locator.locate(finding.excerpt, 0, finding.excerpt.length) : locator.locate(text, finding.start, finding.end);
}

/** Every finding for one file: language first (in document order), then what the checklist still misses. */
export function checkDocument({ source, document }: { source: string; document: PostmortemDraft }): CheckFinding[] {
  return [...placeLanguageFindings({ source, document, findings: checkLanguage(document) }), ...checkCompleteness(document)];
}
