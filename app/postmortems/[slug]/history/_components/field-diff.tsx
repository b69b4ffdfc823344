import type { FieldChange } from "@/lib/domain/revisions/compare";

/** One changed field: removed words struck through in red, added words in green. */
export function FieldDiff({ change }: { change: FieldChange }) {
  return (
    <section aria-label={`Changes to ${change.label}`} className="rounded-lg border border-zinc-200 p-3 dark:border-zinc-800">
      <h3 className="text-xs font-semibold uppercase tracking-wide text-zinc-500">{change.label}</h3>
      <p className="mt-2 text-sm leading-relaxed whitespace-pre-wrap wrap-anywhere">
        {change.parts.map((part, index) =>
          part.change === "added" ? (
            <ins key={index} className="bg-emerald-100 text-emerald-900 no-underline dark:bg-emerald-500/20 dark:text-emerald-200">
              {part.value}
            </ins>
          ) : part.change === "removed" ? (
            <del key={index} className="bg-red-100 text-red-900 dark:bg-red-500/20 dark:text-red-200">
              {part.value}
            </del>
          ) : (
            <span key={index}>{part.value}</span>
          ),
        )}
      </p>
    </section>
  );
}
