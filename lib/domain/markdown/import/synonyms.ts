/**
 * Which field a heading stands for, by meaning. The table is the one place
 * to teach the importer a new heading: exact phrases first (compared after
 * normalising, see normalizeHeading), then keyword patterns as a fallback.
 */

export type FieldRole =
  | "summary"
  | "impact"
  | "timeline"
  | "rootCause"
  | "trigger"
  | "whys"
  | "factors"
  | "actions"
  | "lessons"
  | "wentWell"
  | "wentWrong"
  | "lucky"
  | "detection"
  | "resolution";

type Synonym = {
  role: FieldRole;
  phrases: string[];
  /** Only under a heading of this role ("What went wrong" under "Lessons learned"), or only outside any ("top"). */
  context?: FieldRole | "top";
  /** Corrective actions under this heading are already done ("What we've fixed"). */
  isDone?: boolean;
};

export const HEADING_SYNONYMS: Synonym[] = [
  { role: "wentWell", phrases: ["what went well", "things that went well", "went well", "what worked", "what worked well"] },
  {
    role: "wentWrong",
    context: "lessons",
    phrases: ["what went wrong", "things that went wrong", "went wrong", "what didnt go well", "what could have gone better", "what could be improved"],
  },
  { role: "lucky", phrases: ["where we got lucky", "we got lucky", "what we got lucky with", "where we were lucky", "lucky", "luck"] },
  { role: "summary", phrases: ["summary", "incident summary", "executive summary", "overview", "incident overview", "tldr", "tl dr", "abstract", "synopsis", "description", "incident description", "what happened"] },
  { role: "impact", phrases: ["impact", "customer impact", "user impact", "business impact", "impact assessment", "impact and severity", "fallout", "blast radius", "who was affected", "scope of impact"] },
  {
    role: "timeline",
    phrases: ["timeline", "incident timeline", "timeline of events", "timeline of the events", "timeline of the incident", "event timeline", "events timeline", "chronology", "sequence of events", "detailed timeline", "play by play", "events"],
  },
  { role: "trigger", phrases: ["trigger", "triggers", "what triggered it", "triggering event"] },
  { role: "whys", phrases: ["five whys", "5 whys", "whys"] },
  {
    role: "rootCause",
    phrases: ["root cause", "root causes", "root cause analysis", "rca", "cause", "causes", "what broke", "why it happened", "why did it happen", "analysis"],
  },
  { role: "factors", context: "top", phrases: ["what went wrong", "things that went wrong"] },
  {
    role: "factors",
    phrases: ["contributing factors", "contributing factor", "contributing causes", "factors", "causal factors", "what made it worse", "what made things worse", "aggravating factors"],
  },
  {
    role: "actions",
    isDone: true,
    phrases: ["what weve fixed", "what we fixed", "what we changed", "what we changed afterward", "what we changed afterwards", "changes made", "changes we made", "fixes"],
  },
  {
    role: "actions",
    phrases: [
      "corrective actions", "corrective action items", "corrective and preventive actions", "action items", "actions", "action plan",
      "follow up", "follow ups", "followups", "follow up actions", "follow up items", "remediation", "remediations",
      "remediation items", "next steps", "preventive actions", "preventative actions", "preventive measures", "prevention",
      "improvements", "todo", "to do", "what we are doing about it", "what were doing about it", "what we will do about it", "what well do about it",
      "what were changing", "what we are changing", "what we will change", "what well change", "what were doing", "what we are doing",
      "what were doing next", "what we will do", "what well do", "what happens next", "how well prevent this", "how we will prevent this",
      "what are we doing about it", "what are we doing", "what are we changing", "what will we do", "what will we change", "what are we going to do",
      "what we are going to do", "how will we prevent this", "how are we preventing this", "whats next", "what next",
      "preventing a recurrence", "preventing recurrence", "prevention and follow ups", "capa",
    ],
  },
  {
    role: "lessons",
    phrases: ["lessons learned", "lessons learnt", "lessons", "key lessons", "key lessons learned", "learnings", "key learnings", "takeaway", "takeaways", "key takeaways", "what we learned", "what we learnt"],
  },
  { role: "detection", context: "top", phrases: ["detection"] },
  { role: "resolution", context: "top", phrases: ["resolution"] },
];

/** Fallbacks when no phrase matches exactly, in order: the first pattern found in the heading wins. */
export const HEADING_KEYWORDS: { role: FieldRole; pattern: RegExp }[] = [
  { role: "timeline", pattern: /\b(timeline|chronology|sequence of events)\b/ },
  { role: "whys", pattern: /\b(five|5) whys\b/ },
  { role: "rootCause", pattern: /\broot ?causes?\b/ },
  { role: "factors", pattern: /\bcontributing\b/ },
  { role: "actions", pattern: /\b(action items?|corrective|remediations?|follow ?ups?)\b/ },
  { role: "wentWell", pattern: /\bwent well\b/ },
  { role: "lucky", pattern: /\b(got )?lucky\b/ },
  { role: "lessons", pattern: /\b(lessons?|takeaways?|learnings)\b/ },
  { role: "impact", pattern: /\bimpact\b/ },
  { role: "summary", pattern: /\bsummary\b/ },
];

/** "### 1. **What We’ve Fixed** (so far):" → "what weve fixed". */
export function normalizeHeading(title: string): string {
  return title
    .replace(/^\s*#+\s*/, "")
    .replace(/[*_`~]/g, "")
    .toLowerCase()
    .replace(/\([^)]*\)|\[[^\]]*\]/g, " ")
    .replace(/['’‘]/g, "")
    .replace(/&/g, " and ")
    .replace(/^\s*(?:step\s+)?(?:\d{1,3}|[ivx]{1,4}|[a-h])[.):]\s+/, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()
    .replace(/^(?:the|our|a|an)\s+/, "");
}

const PHRASES = HEADING_SYNONYMS.map((synonym) => ({ ...synonym, phrases: new Set(synonym.phrases.map(normalizeHeading)) }));

export type HeadingMatch = { role: FieldRole; isDone: boolean };

/** The field a heading stands for under a parent of role `parent` (null at the top or under an unmapped heading). */
export function matchHeading(title: string, parent: FieldRole | null): HeadingMatch | null {
  // Under factors or actions, a subheading is an item ("The retry storm's impact") unless it names a field exactly.
  const isItem = parent === "factors" || parent === "actions";
  const normalized = normalizeHeading(title);
  if (!normalized) return null;
  const fits = (context: Synonym["context"]) => context === undefined || context === (parent ?? "top");
  const exact = PHRASES.find((synonym) => fits(synonym.context) && synonym.phrases.has(normalized));
  if (exact) return { role: exact.role, isDone: exact.isDone ?? false };
  // Long headings are sentences ("How the timeline of our deploys hid the bug"): keywords only decide short ones.
  if (isItem || normalized.split(" ").length > 6) return null;
  const keyword = HEADING_KEYWORDS.find(({ pattern }) => pattern.test(normalized));
  return keyword ? { role: keyword.role, isDone: false } : null;
}

/** True when a short line names a field exactly ("Timeline", "Action items:"), for headings written as bold text. */
export function isExactFieldName(text: string): boolean {
  const normalized = normalizeHeading(text);
  return PHRASES.some((synonym) => synonym.context !== "lessons" && synonym.phrases.has(normalized));
}
