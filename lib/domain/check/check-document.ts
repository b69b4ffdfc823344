/** One postmortem file checked: blameless language (placed on source lines) and the completeness checklist. */
import { checkLanguage, listProseFields, type Finding } from "@/lib/domain/language";
import type { PostmortemDraft } from "@/lib/schemas/postmortem";
import { checkCompleteness } from "./completeness";
import type { CheckFinding } from "./findings";
import { createLineLocator, type LineLocator, type LocateCounter } from "./locate-line";

/**
 * Most findings of one rule listed per file. A file of one blaming sentence pasted 10,000 times
 * needs the first few to be fixed, not 10,000 lines; the rest are counted in one more entry.
 */
export const MAX_FINDINGS_PER_RULE = 50;

/**
 * Language findings on a parsed document, each placed on the line of `source` (the file as written) where its words are;
 * at most MAX_FINDINGS_PER_RULE per rule, then one entry per rule over it with the number `omitted`.
 */
export function placeLanguageFindings({
  source,
  document,
  findings,
  counter,
}: {
  source: string;
  document: PostmortemDraft;
  findings: Finding[];
  counter?: LocateCounter;
}): CheckFinding[] {
  const texts = new Map(listProseFields(document).map(({ field, text }) => [field, text ?? ""]));
  const locator = createLineLocator(source, { counter });
  const { listed, omitted } = capPerRule(findings);
  const placed = listed.map(
    (finding): CheckFinding => ({
      kind: "language",
      rule: finding.ruleId,
      message: finding.why,
      suggestion: finding.suggestion,
      excerpt: finding.excerpt,
      line: locateFinding(locator, texts.get(finding.field), finding),
    }),
  );
  const summaries = [...omitted].map(
    ([rule, { count, suggestion }]): CheckFinding => ({
      kind: "language",
      rule,
      message: `${count} more ${count === 1 ? "finding" : "findings"} of this rule not listed (the first ${MAX_FINDINGS_PER_RULE} are)`,
      suggestion,
      excerpt: null,
      line: null,
      omitted: count,
    }),
  );
  return [...placed, ...summaries];
}

// The first findings of each rule in document order; the rest only counted (in order of the rules' first finding).
function capPerRule(findings: Finding[]) {
  const seen = new Map<string, number>();
  const omitted = new Map<string, { count: number; suggestion: string }>();
  const listed = findings.filter((finding) => {
    const count = (seen.get(finding.ruleId) ?? 0) + 1;
    seen.set(finding.ruleId, count);
    if (count <= MAX_FINDINGS_PER_RULE) return true;
    omitted.set(finding.ruleId, { count: count - MAX_FINDINGS_PER_RULE, suggestion: finding.suggestion });
    return false;
  });
  return { listed, omitted };
}

// A field the document does not have (a finding made on another version of it) still has its excerpt to look for.
function locateFinding(locator: LineLocator, text: string | undefined, finding: Finding): number | null {
  return text === undefined ? locator.locate(finding.excerpt, 0, finding.excerpt.length) : locator.locate(text, finding.start, finding.end);
}

/** Every finding for one file: language first (in document order), then what the checklist still misses. */
export function checkDocument({ source, document }: { source: string; document: PostmortemDraft }): CheckFinding[] {
  return [...placeLanguageFindings({ source, document, findings: checkLanguage(document) }), ...checkCompleteness(document)];
}
