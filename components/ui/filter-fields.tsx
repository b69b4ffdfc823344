import { inputClass } from "./fields";

/**
 * The fields of a filter bar (a plain GET form: every filter lives in the
 * URL): a small caption above a select or a date box. Used by the insights
 * page and the action tracker so their filters look and read the same.
 */
export type FilterOption = { value: string; label: string };

export function FilterSelect({
  caption,
  name,
  value,
  options,
}: {
  caption: string;
  name: string;
  value: string | undefined;
  /** Every choice, the "all" choice (value "") first where there is one. */
  options: FilterOption[];
}) {
  return (
    <label className="flex flex-col gap-1">
      <span className="text-xs text-zinc-500">{caption}</span>
      <select name={name} defaultValue={value ?? ""} className={inputClass}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}

export function FilterDate({ caption, name, value }: { caption: string; name: string; value: string | undefined }) {
  return (
    <label className="flex flex-col gap-1">
      <span className="text-xs text-zinc-500">{caption}</span>
      <input type="date" name={name} defaultValue={value} className={inputClass} />
    </label>
  );
}

/** Options for a list of values shown as they are, after an "all" choice. */
export function optionsOf<T extends string>(allLabel: string, values: readonly T[], labelOf: (value: T) => string = (value) => value): FilterOption[] {
  return [{ value: "", label: allLabel }, ...values.map((value) => ({ value, label: labelOf(value) }))];
}
