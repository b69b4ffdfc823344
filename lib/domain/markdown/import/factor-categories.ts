/** Guessing a contributing factor's category from its words: the rules are data, checked in order. */
import { FACTOR_CATEGORIES, FACTOR_CATEGORY_LABELS, type FactorCategory } from "@/lib/domain/postmortem";

export const FACTOR_CATEGORY_RULES: { category: FactorCategory; pattern: RegExp }[] = [
  { category: "environment_drift", pattern: /\b(drift|staging|environments?|env ?vars?|config(uration)?s?|settings?|mismatch|discrepanc\w*|parity)\b/i },
  { category: "monitoring", pattern: /\b(monitor\w*|alert\w*|observab\w*|dashboards?|metrics?|logging|logs?|paging|visibility|tracing|noisy)\b/i },
  { category: "testing", pattern: /\b(tests?|testing|tested|coverage|qa|validation|validate[ds]?|canary|load test\w*)\b/i },
  { category: "process", pattern: /\b(review\w*|process\w*|procedures?|runbooks?|playbooks?|approvals?|checklists?|policy|policies|change management|sign-?off|rollout)\b/i },
  { category: "external_dependency", pattern: /\b(vendor|third[- ]party|provider|upstream|dependenc\w*|supplier|saas|cloud outage|partner)\b/i },
  { category: "organizational", pattern: /\b(team|teams|ownership|owner|staffing|handover|hand-?off|communication|knowledge|training|onboarding|silos?|priorit\w*|deadline|pressure|overconfiden\w*)\b/i },
  { category: "human_factors", pattern: /\b(human|fatigue|tired|manual(ly)?|typo|mistake|tooling|tools?|ui|confusing|cognitive|misread|ambiguous)\b/i },
  { category: "technical", pattern: /\b(bug|code|race|null|crash\w*|flags?|memory|cache|fallback|architecture|exception|timeout|deadlock|leak|parser|parsing|schema|database|query|capacity|scal\w*)\b/i },
];

/** The category whose rule first matches the title, else the text; "other" when none does. */
export function guessFactorCategory(title: string, text = ""): FactorCategory {
  for (const part of [title, text]) {
    const rule = FACTOR_CATEGORY_RULES.find(({ pattern }) => pattern.test(part));
    if (rule) return rule.category;
  }
  return "other";
}

const BY_LABEL = new Map<string, FactorCategory>(
  FACTOR_CATEGORIES.flatMap((category) => [
    [FACTOR_CATEGORY_LABELS[category].toLowerCase(), category],
    [category.replace(/_/g, " "), category],
    [category, category],
  ]),
);

/** The category a label names exactly ("Configuration / environment drift", "testing"), or null. */
export function readFactorCategory(label: string): FactorCategory | null {
  return BY_LABEL.get(label.trim().replace(/:$/, "").trim().toLowerCase()) ?? null;
}
