import type { TextPart } from "@/lib/domain/search/snippet";

/**
 * Text with the words a search matched marked. The parts come from
 * parseMarkedText: user text is only ever rendered as text, never as HTML.
 */
export function HighlightedText({ parts }: { parts: TextPart[] }) {
  return (
    <>
      {parts.map((part, index) =>
        part.isMatch ? (
          <mark key={index} className="rounded-sm bg-accent-100 px-0.5 text-inherit dark:bg-accent-500/25 dark:text-accent-100">
            {part.text}
          </mark>
        ) : (
          <span key={index}>{part.text}</span>
        ),
      )}
    </>
  );
}
