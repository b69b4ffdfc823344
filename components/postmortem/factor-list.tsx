import { Markdown } from "@/components/markdown";
import { FACTOR_CATEGORY_LABELS } from "@/lib/domain/postmortem";
import type { ContributingFactor } from "@/lib/schemas/postmortem";

export function FactorList({ factors }: { factors: ContributingFactor[] }) {
  return (
    <ul className="space-y-4">
      {factors.map((factor, index) => (
        <li key={index} className="rounded-lg border border-zinc-200 p-4 dark:border-zinc-800">
          <p className="text-xs font-medium uppercase tracking-wide text-accent-700 dark:text-accent-400">
            {FACTOR_CATEGORY_LABELS[factor.category]}
          </p>
          <Markdown className="mt-1.5">{factor.text}</Markdown>
        </li>
      ))}
    </ul>
  );
}
