"use client";

import { useState } from "react";
import { inputClass } from "@/components/ui/fields";

type ControlProps = { id: string; "aria-invalid": boolean; "aria-describedby"?: string };

const parseList = (text: string) => [...new Set(text.split(",").map((part) => part.trim()).filter(Boolean))];

/** Comma-separated names (services, tags, authors); the typed text is kept while typing. */
export function ListInput({ value, onChange, control, placeholder }: { value: string[]; onChange: (value: string[]) => void; control: ControlProps; placeholder?: string }) {
  const [text, setText] = useState(value.join(", "));
  const [shownValue, setShownValue] = useState(value);
  if (shownValue !== value) {
    // Follow outside changes (a conflict resolved, a restored draft) without fighting the typist.
    setShownValue(value);
    if (JSON.stringify(parseList(text)) !== JSON.stringify(value)) setText(value.join(", "));
  }
  return (
    <input
      {...control}
      type="text"
      value={text}
      placeholder={placeholder}
      onChange={(event) => {
        setText(event.target.value);
        onChange(parseList(event.target.value));
      }}
      className={inputClass}
    />
  );
}

/** A number or nothing; the typed text is kept so that errors can be shown beside it. */
export function NumberInput({ value, onChange, control, unit, step = "any" }: { value: number | null; onChange: (value: number | null) => void; control: ControlProps; unit?: string; step?: string }) {
  const [text, setText] = useState(value === null ? "" : String(value));
  const [shownValue, setShownValue] = useState(value);
  if (shownValue !== value) {
    setShownValue(value);
    const typed = text.trim() === "" ? null : Number(text);
    if (typed !== value) setText(value === null ? "" : String(value));
  }
  return (
    <div className="relative">
      <input
        {...control}
        type="number"
        inputMode="decimal"
        step={step}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          const raw = event.target.value.trim();
          if (raw === "") onChange(null);
          else if (!Number.isNaN(Number(raw))) onChange(Number(raw));
        }}
        className={`${inputClass} ${unit ? "pr-16" : ""} tabular-nums`}
      />
      {unit && (
        <span aria-hidden className="pointer-events-none absolute inset-y-0 right-3 flex items-center text-xs text-zinc-500">
          {unit}
        </span>
      )}
    </div>
  );
}
