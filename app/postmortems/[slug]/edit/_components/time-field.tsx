"use client";

import { useState } from "react";
import { inputClass } from "@/components/ui/fields";
import { parseTimeInput } from "@/lib/domain/timeline/parse-time";
import { resolveAfter } from "@/lib/domain/timeline/resolve-time";
import { isIsoDateTime, parseEventTime, toDateTime } from "@/lib/domain/time";

/** "10:47" for an event's `at` in the postmortem's zone; "" when untimed. */
export function clockOf(at: string | null, timezone: string | null): string {
  if (!at) return "";
  try {
    return toDateTime(parseEventTime(at, timezone), timezone)?.toFormat("HH:mm") ?? "";
  } catch {
    return "";
  }
}

/** The calendar day of an event's `at` in the postmortem's zone, or null. */
export function dayOf(at: string | null, timezone: string | null): string | null {
  if (!at) return null;
  try {
    return toDateTime(parseEventTime(at, timezone), timezone)?.toISODate() ?? null;
  } catch {
    return null;
  }
}

export type TimeCommit = { ok: true; at: string | null; note: string | null } | { ok: false; error: string };

/**
 * Reads what was typed in a time field: empty means "no known time". With
 * `previousAt` (a new event after the latest one), a clock past midnight is
 * read on the next day.
 */
export function readTypedTime(text: string, context: { timezone: string | null; referenceDay: string | null; previousAt?: string | null }): TimeCommit {
  if (text.trim() === "") return { ok: true, at: null, note: null };
  const reading = parseTimeInput(text);
  if (!reading.ok) return reading;
  const resolved = resolveAfter(reading.value, { timezone: context.timezone, referenceDate: context.referenceDay }, context.previousAt ?? null);
  // "Feb 29 10:00" in a non-leap incident year reads as a time but is no real instant.
  if (!isIsoDateTime(resolved.at)) return { ok: false, error: `${resolved.at.slice(0, 10)} is not a real date: write the year with the date` };
  return { ok: true, at: resolved.at, note: resolved.note };
}

type Props = {
  id: string;
  label: string;
  at: string | null;
  timezone: string | null;
  referenceDay: string | null;
  onCommit: (at: string | null) => void;
  onEnter?: () => void;
  inputRef?: React.Ref<HTMLInputElement>;
};

/**
 * A forgiving time field: "10:47", "10:47 AM", "22:00", "2024-03-14 01:06",
 * "March 6th 09:11". It commits on blur or Enter; what it cannot read stays
 * in the field with the reason beside it.
 */
export function TimeField({ id, label, at, timezone, referenceDay, onCommit, onEnter, inputRef }: Props) {
  const shownClock = clockOf(at, timezone);
  const [text, setText] = useState(shownClock);
  const [message, setMessage] = useState<{ text: string; isError: boolean } | null>(null);
  const [lastClock, setLastClock] = useState(shownClock);
  if (lastClock !== shownClock) {
    setLastClock(shownClock);
    setText(shownClock);
    if (message?.isError) setMessage(null);
  }

  const commit = (): boolean => {
    if (text === shownClock) return true;
    const result = readTypedTime(text, { timezone, referenceDay: dayOf(at, timezone) ?? referenceDay });
    if (!result.ok) {
      setMessage({ text: result.error, isError: true });
      return false;
    }
    setMessage(result.note ? { text: result.note, isError: false } : null);
    // "2026-12-05 00:15" typed over "00:15" changes only the day: show the clock again, not the typing.
    setText(clockOf(result.at, timezone));
    onCommit(result.at);
    return true;
  };

  return (
    <div>
      <input
        id={id}
        ref={inputRef}
        type="text"
        inputMode="text"
        autoComplete="off"
        aria-label={label}
        aria-invalid={Boolean(message?.isError)}
        aria-describedby={message ? `${id}-message` : undefined}
        placeholder="—:—"
        value={text}
        onChange={(event) => setText(event.target.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === "Enter") {
            event.preventDefault();
            if (commit()) onEnter?.();
          }
        }}
        className={`${inputClass} font-mono tabular-nums`}
      />
      {message && (
        <p
          id={`${id}-message`}
          role={message.isError ? "alert" : "status"}
          className={`mt-1 text-xs ${message.isError ? "text-red-600 dark:text-red-400" : "text-amber-700 dark:text-amber-400"}`}
        >
          {message.text}
        </p>
      )}
    </div>
  );
}
