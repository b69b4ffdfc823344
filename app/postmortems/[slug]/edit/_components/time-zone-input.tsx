"use client";

import { useId, useState } from "react";
import { inputClass } from "@/components/ui/fields";
import { isValidTimeZone } from "@/lib/domain/instants";

type ControlProps = { id: string; "aria-invalid": boolean; "aria-describedby"?: string };

const ZONES: string[] = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : ["UTC"];

/** An IANA zone picker that accepts typing ("Europe/Ber…") and offers the known zones. */
export function TimeZoneInput({ value, onChange, control }: { value: string | null; onChange: (zone: string | null) => void; control: ControlProps }) {
  const listId = useId();
  const [text, setText] = useState(value ?? "");
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    setShown(value);
    setText(value ?? "");
  }
  const isUnknown = text.trim() !== "" && !isValidTimeZone(text.trim());
  return (
    <>
      <input
        {...control}
        type="text"
        list={listId}
        value={text}
        placeholder="e.g. Europe/Berlin or UTC"
        autoComplete="off"
        aria-invalid={control["aria-invalid"] || isUnknown}
        onChange={(event) => {
          setText(event.target.value);
          const zone = event.target.value.trim();
          if (zone === "") onChange(null);
          else if (isValidTimeZone(zone)) {
            setShown(zone);
            onChange(zone);
          }
        }}
        className={inputClass}
      />
      <datalist id={listId}>
        {ZONES.map((zone) => (
          <option key={zone} value={zone} />
        ))}
      </datalist>
      {isUnknown && <p className="mt-1 text-xs text-red-600 dark:text-red-400">Not a known time zone: pick one from the list.</p>}
      {!value && !isUnknown && (
        <button type="button" className="mt-1 text-xs text-accent-600 hover:underline dark:text-accent-400" onClick={() => onChange(Intl.DateTimeFormat().resolvedOptions().timeZone)}>
          Use this browser&apos;s zone
        </button>
      )}
    </>
  );
}
