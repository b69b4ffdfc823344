"use client";

import { useMemo } from "react";
import { checkText } from "@/lib/domain/language";

/**
 * Blameless-language hints for one field, shown under it as the author types:
 * the phrase, why it matters, and a reframing. Advice only — never blocks typing.
 */
export function LanguageHints({ text }: { text: string }) {
  const matches = useMemo(() => checkText(text), [text]);
  if (matches.length === 0) return null;
  return (
    <ul aria-label="Language suggestions" className="mt-1.5 space-y-1">
      {matches.map((match) => (
        <li key={`${match.ruleId}-${match.start}`} className="rounded-md bg-violet-50 px-2.5 py-1.5 text-xs text-violet-900 dark:bg-violet-500/10 dark:text-violet-200">
          <span className="font-medium underline decoration-violet-400 decoration-wavy underline-offset-2">“{match.excerpt}”</span> — {match.why}{" "}
          <span className="text-violet-700 dark:text-violet-300">Try: {match.suggestion}</span>
        </li>
      ))}
    </ul>
  );
}
