/** Runs the blameless-language rules over one field's text. */
import { maskNonProse } from "./prose-mask";
import { LANGUAGE_RULES, type LanguageRule } from "./rules";

/** One flagged phrase in a text; start and end are offsets into that text. */
export type Match = {
  ruleId: string;
  start: number;
  end: number;
  /** The matched words, with Markdown syntax and line breaks reduced to single spaces. */
  excerpt: string;
  why: string;
  suggestion: string;
};

/** Blaming or hindsight-biased phrases in one Markdown text, in reading order; code and block quotes are skipped. */
export function checkText(text: string, rules: readonly LanguageRule[] = LANGUAGE_RULES): Match[] {
  if (text.trim() === "") return [];
  return matchRules(maskNonProse(text), rules);
}

/** The rules' matches in `prose` (a text masked by prose-mask.ts), as checkText reports them. */
export function matchRules(prose: string, rules: readonly LanguageRule[] = LANGUAGE_RULES): Match[] {
  const matches: (Match & { priority: number })[] = [];
  rules.forEach((rule, priority) => {
    for (const found of prose.matchAll(rule.pattern)) {
      const start = found.index;
      const end = start + found[0].length;
      if (end === start) continue;
      matches.push({
        ruleId: rule.id,
        start,
        end,
        excerpt: found[0].replace(/\s+/g, " ").trim(),
        why: rule.why,
        suggestion: rule.suggestion,
        priority,
      });
    }
  });
  return withoutNested(matches).map(({ priority: _priority, ...match }) => match);
}

// A finding inside another one ("forgot" inside "Sarah forgot") adds nothing:
// keep the wider one, or the earlier rule's when both cover the same words.
// Partly overlapping findings are kept: they say different things.
function withoutNested<T extends Match & { priority: number }>(matches: T[]): T[] {
  const ordered = [...matches].sort((a, b) => a.start - b.start || b.end - a.end || a.priority - b.priority);
  const kept: T[] = [];
  // Every kept finding starts at or before this one, so it is inside one of them exactly when it ends
  // at or before the furthest end: one number instead of a scan of all kept (quadratic on a long text).
  let furthestEnd = -1;
  for (const match of ordered) {
    if (match.end <= furthestEnd) continue;
    kept.push(match);
    furthestEnd = match.end;
  }
  return kept;
}
