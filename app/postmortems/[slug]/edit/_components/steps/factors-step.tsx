"use client";

import { inputClass } from "@/components/ui/fields";
import { FACTOR_CATEGORIES, FACTOR_CATEGORY_LABELS, type FactorCategory } from "@/lib/domain/postmortem";
import { edited } from "../event-keys";
import { ItemList } from "../item-list";
import { LanguageHints } from "../language-hints";
import { errorsAt, type StepProps } from "../step-types";

export function FactorsStep({ doc, update, errors }: StepProps) {
  return (
    <ItemList
      items={doc.contributingFactors}
      onChange={(contributingFactors) => update((d) => ({ ...d, contributingFactors }))}
      noun="factor"
      addLabel="Add a contributing factor"
      makeItem={() => ({ category: "technical" as FactorCategory, text: "" })}
      renderItem={(factor, index, replace) => (
        <div className="grid gap-2 sm:grid-cols-[14rem_1fr]">
          <div>
            <label htmlFor={`factor-${index}-category`} className="text-xs font-medium text-zinc-600 dark:text-zinc-400">
              Category
            </label>
            <select
              id={`factor-${index}-category`}
              value={factor.category}
              onChange={(e) => replace(edited(factor, { category: e.target.value as FactorCategory }))}
              className={`${inputClass} mt-1`}
            >
              {FACTOR_CATEGORIES.map((category) => (
                <option key={category} value={category}>
                  {FACTOR_CATEGORY_LABELS[category]}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor={`factor-${index}-text`} className="text-xs font-medium text-zinc-600 dark:text-zinc-400">
              What made this possible or worse
            </label>
            <textarea
              id={`factor-${index}-text`}
              rows={2}
              value={factor.text}
              placeholder="Staging had a variable set by hand that production lacked."
              onChange={(e) => replace(edited(factor, { text: e.target.value }))}
              aria-invalid={Boolean(errorsAt(errors, `contributingFactors.${index}.text`))}
              className={`${inputClass} mt-1`}
            />
            <LanguageHints text={factor.text} />
          </div>
        </div>
      )}
    />
  );
}
