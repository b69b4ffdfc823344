"use client";

import { useId, useMemo, useState } from "react";
import { buttonClass, inputClass, primaryButtonClass } from "@/components/ui/fields";
import { EVENT_KIND_LABELS } from "@/lib/domain/postmortem";
import { labelEventTimes } from "@/lib/domain/time";
import { parseTimelineText } from "@/lib/domain/timeline/parse-lines";
import type { TimeContext } from "@/lib/domain/timeline/resolve-time";
import type { TimelineEvent } from "@/lib/schemas/postmortem";

type Props = {
  initialText: string;
  context: TimeContext;
  onAdd: (events: TimelineEvent[]) => void;
  onCancel: () => void;
};

/** Paste a block of lines (chat log, list, table) → preview of the events read → add them all. */
export function PastePanel({ initialText, context, onAdd, onCancel }: Props) {
  const id = useId();
  const [text, setText] = useState(initialText);
  const parsed = useMemo(() => parseTimelineText(text, context), [text, context]);
  const labels = labelEventTimes(parsed.map((event) => event.at), context.timezone);
  const problems = parsed.filter((event) => event.problem).length;

  return (
    <section aria-labelledby={`${id}-title`} className="mt-4 rounded-lg border border-zinc-200 p-4 dark:border-zinc-700">
      <h2 id={`${id}-title`} className="font-medium">
        Paste timeline lines
      </h2>
      <p className="mt-1 text-xs text-zinc-500">
        One event per line, or a time on one line and its text on the next. Times like 10:47, 10:47 AM, 2024-03-14 01:06 UTC or
        March 6th, 09:11 are understood; lines without a time become untimed events.
      </p>
      <label htmlFor={`${id}-text`} className="sr-only">
        Lines to add to the timeline
      </label>
      <textarea
        id={`${id}-text`}
        rows={8}
        value={text}
        autoFocus
        onChange={(event) => setText(event.target.value)}
        className={`${inputClass} mt-3 font-mono`}
        placeholder={"10:47 AM Config deployed\n10:52 PagerDuty alerts on-call\n12:12 PM All systems operational"}
      />
      {parsed.length > 0 && (
        <div className="mt-4 overflow-x-auto">
          <p className="mb-2 text-sm">
            {parsed.length} event{parsed.length === 1 ? "" : "s"} read
            {problems > 0 && <span className="text-amber-700 dark:text-amber-400"> · {problems} need a look</span>}
          </p>
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Events read from the pasted lines</caption>
            <thead className="text-xs text-zinc-500">
              <tr>
                <th className="py-1 pr-3 font-medium">Time</th>
                <th className="py-1 pr-3 font-medium">Kind</th>
                <th className="py-1 font-medium">What happened</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
              {parsed.map((event, index) => (
                <tr key={index} className={event.problem ? "bg-amber-50 dark:bg-amber-500/10" : ""}>
                  <td className="py-1.5 pr-3 align-top font-mono whitespace-nowrap">
                    {labels[index].dateLabel && <span className="block text-xs text-zinc-500">{labels[index].dateLabel}</span>}
                    {labels[index].timeLabel ?? "—:—"}
                  </td>
                  <td className="py-1.5 pr-3 align-top whitespace-nowrap">{EVENT_KIND_LABELS[event.kind]}</td>
                  <td className="py-1.5 align-top">
                    {event.text}
                    {event.problem && <span className="block text-xs text-amber-800 dark:text-amber-300">⚠ {event.problem}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="mt-4 flex gap-2">
        <button
          type="button"
          className={primaryButtonClass}
          disabled={parsed.length === 0}
          onClick={() => onAdd(parsed.map(({ at, kind, text: eventText }) => ({ at, kind, text: eventText, link: null })))}
        >
          Add {parsed.length || ""} event{parsed.length === 1 ? "" : "s"}
        </button>
        <button type="button" className={buttonClass} onClick={onCancel}>
          Cancel
        </button>
      </div>
    </section>
  );
}
