"use client";

import { useMemo, useSyncExternalStore } from "react";
import { checkText, parserReadiness } from "@/lib/domain/language/browser";

/**
 * Blameless-language hints for one field, shown under it as the author types:
 * the phrase, why it matters, and a reframing. Advice only — never blocks typing.
 */
export function LanguageHints({ text }: { text: string }) {
  const hasParser = useMarkdownParserReady();
  // hasParser: once the Markdown parser is in, blocks with Markdown syntax are read too.
  const { matches } = useMemo(() => ({ matches: checkText(text), hasParser }), [text, hasParser]);
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

/** Whether the language check's Markdown parser has arrived (the editor loads it on first use); re-renders when it does. */
export function useMarkdownParserReady(): boolean {
  return useSyncExternalStore(parserReadiness.subscribe, parserReadiness.isReady, () => false);
}
