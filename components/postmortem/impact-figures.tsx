import { formatFigure } from "@/lib/domain/figures";
import { IMPACT_FIGURE_KEYS, IMPACT_FIGURE_LABELS } from "@/lib/domain/postmortem";
import type { ImpactFigures as Figures } from "@/lib/schemas/postmortem";

export function ImpactFigures({ figures }: { figures: Figures }) {
  const known = IMPACT_FIGURE_KEYS.filter((key) => figures[key] !== null);
  if (known.length === 0) return null;
  return (
    <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3">
      {known.map((key) => (
        <div key={key} className="rounded-lg border border-zinc-200 px-4 py-3 dark:border-zinc-800">
          <dt className="text-xs text-zinc-500">{IMPACT_FIGURE_LABELS[key]}</dt>
          <dd className="mt-1 text-lg font-semibold tabular-nums">{formatFigure(key, figures[key] as number)}</dd>
        </div>
      ))}
    </dl>
  );
}
