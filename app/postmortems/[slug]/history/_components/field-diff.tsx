import type { FieldChange, TextChange } from "@/lib/domain/revisions/compare";

const TEXT_CLASS = "mt-2 text-sm leading-relaxed whitespace-pre-wrap wrap-anywhere";

/** One changed field: removed words struck through in red, added words in green; a field rewritten past the diff's budget as old text, then new. */
export function FieldDiff({ change }: { change: FieldChange }) {
  const noteId = `replaced-${change.field}`;
  return (
    <section
      aria-label={`Changes to ${change.label}`}
      // A screen reader hears the note with the field's name, before two long texts.
      aria-describedby={change.isReplaced ? noteId : undefined}
      className="rounded-lg border border-zinc-200 p-3 dark:border-zinc-800"
    >
      <h3 className="text-xs font-semibold uppercase tracking-wide text-zinc-500">{change.label}</h3>
      {change.isReplaced ? (
        <>
          <p id={noteId} className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
            Replaced (too many changes to show word by word)
          </p>
          {change.parts.map((part, index) => (
            <p key={index} className={TEXT_CLASS}>
              <span className="sr-only">{part.change === "removed" ? "Before: " : "After: "}</span>
              <Part part={part} />
            </p>
          ))}
        </>
      ) : (
        <p className={TEXT_CLASS}>
          {change.parts.map((part, index) => (
            <Part key={index} part={part} />
          ))}
        </p>
      )}
    </section>
  );
}

function Part({ part }: { part: TextChange }) {
  if (part.change === "added") {
    return <ins className="bg-emerald-100 text-emerald-900 no-underline dark:bg-emerald-500/20 dark:text-emerald-200">{part.value}</ins>;
  }
  if (part.change === "removed") {
    return <del className="bg-red-100 text-red-900 dark:bg-red-500/20 dark:text-red-200">{part.value}</del>;
  }
  return <span>{part.value}</span>;
}
