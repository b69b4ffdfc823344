"use client";

import { buttonClass, iconButtonClass } from "@/components/ui/fields";
import { keyOf } from "./event-keys";
import { moveItem } from "./step-types";

type Props<T extends object> = {
  items: T[];
  onChange: (items: T[]) => void;
  /** What one item is called, for button labels ("why", "factor"). */
  noun: string;
  makeItem: () => T;
  renderItem: (item: T, index: number, replace: (next: T) => void) => React.ReactNode;
  addLabel: string;
  numbered?: boolean;
};

/** An ordered list of editable items with add, move up/down and remove. */
export function ItemList<T extends object>({ items, onChange, noun, makeItem, renderItem, addLabel, numbered = false }: Props<T>) {
  const focusFirstField = (item: T) =>
    requestAnimationFrame(() =>
      (document.querySelector(`[data-item="${keyOf(item)}"] input, [data-item="${keyOf(item)}"] textarea`) as HTMLElement | null)?.focus(),
    );
  return (
    <div>
      <ol className="space-y-3">
        {items.map((item, index) => (
          <li key={keyOf(item)} data-item={keyOf(item)} className="flex gap-3 rounded-lg border border-zinc-200 p-3 dark:border-zinc-800">
            {numbered && (
              <span className="mt-1.5 flex size-6 shrink-0 items-center justify-center rounded-full bg-accent-50 text-xs font-semibold text-accent-700 dark:bg-accent-500/15 dark:text-accent-400">
                {index + 1}
              </span>
            )}
            <div className="min-w-0 flex-1">{renderItem(item, index, (next) => onChange(items.map((it) => (it === item ? next : it))))}</div>
            <div className="flex shrink-0 flex-col gap-0.5">
              <button type="button" className={iconButtonClass} aria-label={`Move ${noun} ${index + 1} up`} disabled={index === 0} onClick={() => onChange(moveItem(items, index, index - 1))}>
                ↑
              </button>
              <button type="button" className={iconButtonClass} aria-label={`Move ${noun} ${index + 1} down`} disabled={index === items.length - 1} onClick={() => onChange(moveItem(items, index, index + 1))}>
                ↓
              </button>
              <button
                type="button"
                className={iconButtonClass}
                aria-label={`Remove ${noun} ${index + 1}`}
                onClick={() => {
                  onChange(items.filter((it) => it !== item));
                  const neighbour = items[index + 1] ?? items[index - 1];
                  if (neighbour) focusFirstField(neighbour);
                }}
              >
                ✕
              </button>
            </div>
          </li>
        ))}
      </ol>
      <button
        type="button"
        className={`${buttonClass} mt-3`}
        onClick={() => {
          const item = makeItem();
          onChange([...items, item]);
          focusFirstField(item);
        }}
      >
        + {addLabel}
      </button>
    </div>
  );
}
