"use client";

import { useRef, useState } from "react";
import { buttonClass, iconButtonClass, inputClass } from "@/components/ui/fields";
import { EVENT_KINDS, EVENT_KIND_LABELS, type EventKind } from "@/lib/domain/postmortem";
import { labelEventTimes } from "@/lib/domain/time";
import { inferEventKind } from "@/lib/domain/timeline/infer-kind";
import { placeInTimeOrder } from "@/lib/domain/timeline/order";
import { EDITOR_TIMELINE_PAGE_SIZE } from "@/lib/domain/timeline/window";
import type { TimelineEvent } from "@/lib/schemas/postmortem";
import { edited, keyOf } from "../event-keys";
import { moveItem, type StepProps } from "../step-types";
import { dayOf, readTypedTime, TimeField } from "../time-field";
import { LanguageHints } from "../language-hints";
import { PastePanel } from "./paste-panel";

export function TimelineStep({ doc, update, errors }: StepProps) {
  const events = doc.timeline;
  const timezone = doc.timezone;
  const labels = labelEventTimes(events.map((e) => e.at), timezone);
  const [deleted, setDeleted] = useState<{ event: TimelineEvent; index: number } | null>(null);
  const [pasteText, setPasteText] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const [dragFrom, setDragFrom] = useState<number | null>(null);
  const composerTime = useRef<HTMLInputElement>(null);
  const rowTexts = useRef(new Map<string, HTMLTextAreaElement>());
  const [linkOpen, setLinkOpen] = useState<Set<string>>(new Set());
  // A pasted chat export can hold thousands of events: rendering every row would freeze the page, so rows come a page at a time.
  const [rowLimit, setRowLimit] = useState(EDITOR_TIMELINE_PAGE_SIZE);
  const shownRows = Math.min(rowLimit, events.length);

  // The latest timed event: a time typed without a date is read on its day (or just after it, past midnight).
  const lastAt = events.findLast((event) => dayOf(event.at, timezone) !== null)?.at ?? null;
  const lastDay = dayOf(lastAt, timezone) ?? doc.incidentDate;
  const setEvents = (change: (events: TimelineEvent[]) => TimelineEvent[]) => update((d) => ({ ...d, timeline: change(d.timeline) }));

  const focusRowText = (event: TimelineEvent | undefined) => {
    if (!event) return composerTime.current?.focus();
    requestAnimationFrame(() => rowTexts.current.get(keyOf(event))?.focus());
  };

  const move = (index: number, to: number) => {
    const event = events[index];
    const moved = placeInTimeOrder(moveItem(events, index, to));
    setEvents(() => moved);
    if (moved.indexOf(event) === index) {
      setAnnouncement("Timed events stay in time order: change the time to move this event.");
    } else {
      setAnnouncement(`Moved to position ${moved.indexOf(event) + 1} of ${moved.length}.`);
    }
  };

  const remove = (index: number) => {
    const event = events[index];
    setDeleted({ event, index });
    setEvents((list) => list.filter((item) => item !== event));
    focusRowText(events[index + 1] ?? events[index - 1]);
  };

  const undo = () => {
    if (!deleted) return;
    setEvents((list) => {
      const next = [...list];
      next.splice(Math.min(deleted.index, next.length), 0, deleted.event);
      return next;
    });
    focusRowText(deleted.event);
    setDeleted(null);
  };

  return (
    <div>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        Times are in <strong className="font-medium text-zinc-800 dark:text-zinc-200">{timezone ?? "local time (no zone set in Overview)"}</strong>.
        Type a time, pick a kind, describe what happened and press <kbd className="rounded border px-1 text-xs">Enter</kbd> to add the next.
        Alt + ↑/↓ moves the event you are on.
      </p>

      {errors.timeline && <p className="mt-2 text-sm text-red-600">{errors.timeline.join(" ")}</p>}

      <ol aria-label="Timeline events" className="mt-4 space-y-1">
        {events.slice(0, shownRows).map((event, index) => {
          const key = keyOf(event);
          const label = labels[index];
          const rowErrors = Object.entries(errors).filter(([path]) => path.startsWith(`timeline.${index}.`));
          return (
            <li
              key={key}
              onDragOver={(e) => dragFrom !== null && e.preventDefault()}
              onDrop={(e) => {
                e.preventDefault();
                if (dragFrom !== null) move(dragFrom, index);
                setDragFrom(null);
              }}
              onKeyDown={(e) => {
                if (e.altKey && (e.key === "ArrowUp" || e.key === "ArrowDown")) {
                  e.preventDefault();
                  move(index, index + (e.key === "ArrowUp" ? -1 : 1));
                  focusRowText(event);
                }
              }}
            >
              {label.dateLabel && <p className="mb-1 mt-4 text-xs font-semibold uppercase tracking-wide text-zinc-500">{label.dateLabel}</p>}
              <div className={`grid grid-cols-[1.25rem_5.5rem_minmax(0,1fr)] items-start gap-2 rounded-md py-1 sm:grid-cols-[1.25rem_6rem_9rem_minmax(0,1fr)_auto] ${dragFrom === index ? "opacity-50" : ""}`}>
                <span
                  draggable
                  onDragStart={() => setDragFrom(index)}
                  onDragEnd={() => setDragFrom(null)}
                  title="Drag to reorder"
                  aria-hidden
                  className="mt-2 cursor-grab select-none text-zinc-400"
                >
                  ⋮⋮
                </span>
                <TimeField
                  id={`event-${key}-time`}
                  label={`Time of event ${index + 1}`}
                  at={event.at}
                  timezone={timezone}
                  referenceDay={lastDay}
                  onCommit={(at) => setEvents((list) => placeInTimeOrder(list.map((item) => (item === event ? edited(item, { at }) : item))))}
                />
                <select
                  aria-label={`Kind of event ${index + 1}`}
                  value={event.kind}
                  onChange={(e) => setEvents((list) => list.map((item) => (item === event ? edited(item, { kind: e.target.value as EventKind }) : item)))}
                  className={inputClass}
                >
                  {EVENT_KINDS.map((kind) => (
                    <option key={kind} value={kind}>
                      {EVENT_KIND_LABELS[kind]}
                    </option>
                  ))}
                </select>
                <div className="col-span-3 sm:col-span-1">
                  <textarea
                    ref={(element) => {
                      if (element) rowTexts.current.set(key, element);
                      else rowTexts.current.delete(key);
                    }}
                    rows={1}
                    aria-label={`What happened (event ${index + 1})`}
                    aria-invalid={rowErrors.length > 0}
                    value={event.text}
                    onChange={(e) => setEvents((list) => list.map((item) => (item === event ? edited(item, { text: e.target.value }) : item)))}
                    onKeyDown={(e) => {
                      if (e.key === "Enter" && !e.shiftKey && !e.altKey) {
                        e.preventDefault();
                        composerTime.current?.focus();
                      }
                    }}
                    className={`${inputClass} resize-none field-sizing-content`}
                  />
                  {(event.link !== null || linkOpen.has(key)) && (
                    <input
                      type="url"
                      aria-label={`Link for event ${index + 1}`}
                      placeholder="https://… (dashboard, chat message, commit)"
                      value={event.link ?? ""}
                      onChange={(e) => setEvents((list) => list.map((item) => (item === event ? edited(item, { link: e.target.value.trim() || null }) : item)))}
                      className={`${inputClass} mt-1 text-xs`}
                    />
                  )}
                  <LanguageHints text={event.text} />
                  {rowErrors.map(([path, messages]) => (
                    <p key={path} className="mt-1 text-xs text-red-600 dark:text-red-400">
                      {path.split(".").at(-1)}: {messages.join(" ")}
                    </p>
                  ))}
                </div>
                <div className="col-span-3 -mt-1 flex justify-end gap-0.5 sm:col-span-1 sm:mt-0">
                  <button
                    type="button"
                    className={iconButtonClass}
                    aria-label={`Add a link to event ${index + 1}`}
                    aria-pressed={event.link !== null || linkOpen.has(key)}
                    onClick={() => setLinkOpen((open) => new Set(open).add(key))}
                  >
                    <svg aria-hidden viewBox="0 0 20 20" className="size-4" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round">
                      <path d="M8.5 11.5a3.5 3.5 0 0 0 5 0l2.5-2.5a3.5 3.5 0 0 0-5-5L10 5" />
                      <path d="M11.5 8.5a3.5 3.5 0 0 0-5 0L4 11a3.5 3.5 0 0 0 5 5l1-1" />
                    </svg>
                  </button>
                  <button type="button" className={iconButtonClass} aria-label={`Move event ${index + 1} up`} disabled={index === 0} onClick={() => move(index, index - 1)}>
                    ↑
                  </button>
                  <button type="button" className={iconButtonClass} aria-label={`Move event ${index + 1} down`} disabled={index === events.length - 1} onClick={() => move(index, index + 1)}>
                    ↓
                  </button>
                  <button type="button" className={iconButtonClass} aria-label={`Delete event ${index + 1}`} onClick={() => remove(index)}>
                    ✕
                  </button>
                </div>
              </div>
            </li>
          );
        })}
      </ol>
      {events.length === 0 && <p className="mt-4 text-sm italic text-zinc-500">No events yet. Add the first one below, or paste a list of lines.</p>}
      {shownRows < events.length && (
        <div className="mt-3 flex flex-wrap items-center gap-x-3 gap-y-2 rounded-md bg-zinc-50 px-3 py-2 text-sm dark:bg-zinc-900">
          <p className="text-zinc-600 dark:text-zinc-400">
            Showing events 1–{shownRows.toLocaleString("en-US")} of {events.length.toLocaleString("en-US")}.
          </p>
          <button type="button" className={buttonClass} onClick={() => setRowLimit(shownRows + EDITOR_TIMELINE_PAGE_SIZE)}>
            Show {Math.min(EDITOR_TIMELINE_PAGE_SIZE, events.length - shownRows).toLocaleString("en-US")} more
          </button>
          <button type="button" className={buttonClass} onClick={() => setRowLimit(events.length)}>
            Show all {events.length.toLocaleString("en-US")}
          </button>
        </div>
      )}

      <NewEventRow
        timeInput={composerTime}
        timezone={timezone}
        referenceDay={lastDay}
        previousAt={lastAt}
        isFirst={events.length === 0}
        onAdd={(event) => {
          const placed = placeInTimeOrder([...events, event]);
          setEvents(() => placed);
          const position = placed.indexOf(event);
          if (position >= shownRows) setAnnouncement(`Added as event ${position + 1} of ${placed.length}, after the events shown.`);
        }}
        onPasteLines={setPasteText}
      />

      <div className="mt-4 flex flex-wrap gap-2">
        <button type="button" className={buttonClass} onClick={() => setPasteText("")}>
          Paste lines…
        </button>
      </div>

      {pasteText !== null && (
        <PastePanel
          initialText={pasteText}
          context={{ timezone, referenceDate: doc.incidentDate ?? lastDay }}
          onCancel={() => setPasteText(null)}
          onAdd={(added) => {
            setEvents((list) => placeInTimeOrder([...list, ...added]));
            setPasteText(null);
            setAnnouncement(`Added ${added.length} events.`);
            composerTime.current?.focus();
          }}
        />
      )}

      <p role="status" aria-live="polite" className="sr-only">
        {announcement}
      </p>
      {deleted && (
        <div role="status" className="fixed inset-x-0 bottom-4 z-20 mx-auto flex w-fit items-center gap-4 rounded-lg bg-zinc-900 px-4 py-2 text-sm text-white shadow-lg dark:bg-zinc-100 dark:text-zinc-900">
          Event deleted.
          <button type="button" onClick={undo} className="font-semibold underline">
            Undo
          </button>
          <button type="button" onClick={() => setDeleted(null)} aria-label="Dismiss" className="opacity-70">
            ✕
          </button>
        </div>
      )}
    </div>
  );
}

type NewEventProps = {
  timeInput: React.RefObject<HTMLInputElement | null>;
  timezone: string | null;
  referenceDay: string | null;
  /** The latest timed event: a clock typed after it may be past midnight. */
  previousAt: string | null;
  isFirst: boolean;
  onAdd: (event: TimelineEvent) => void;
  onPasteLines: (text: string) => void;
};

/** The row at the bottom that adds events from the keyboard: time, kind, text, Enter. */
function NewEventRow({ timeInput, timezone, referenceDay, previousAt, isFirst, onAdd, onPasteLines }: NewEventProps) {
  const [time, setTime] = useState("");
  const [kind, setKind] = useState<EventKind | null>(null);
  const [text, setText] = useState("");
  // An error stops the add; a note (a day assumed or rolled past midnight) explains what was added.
  const [message, setMessage] = useState<{ text: string; isError: boolean } | null>(null);
  const guessedKind = inferEventKind(text, { isFirst });

  const add = () => {
    if (!text.trim()) {
      setMessage({ text: "Describe what happened first.", isError: true });
      return;
    }
    const reading = readTypedTime(time, { timezone, referenceDay, previousAt });
    if (!reading.ok) {
      setMessage({ text: reading.error, isError: true });
      timeInput.current?.focus();
      return;
    }
    onAdd({ at: reading.at, kind: kind ?? guessedKind, text: text.trim(), link: null });
    setTime("");
    setKind(null);
    setText("");
    setMessage(reading.note ? { text: reading.note, isError: false } : null);
    timeInput.current?.focus();
  };

  const onEnter = (event: React.KeyboardEvent) => {
    if (event.key === "Enter") {
      event.preventDefault();
      if (event.currentTarget === timeInput.current && !text.trim()) {
        (event.currentTarget.parentElement?.querySelector("[data-new-event-text]") as HTMLInputElement | null)?.focus();
        return;
      }
      add();
    }
  };

  return (
    <div className="mt-4 rounded-lg border border-dashed border-zinc-300 p-3 dark:border-zinc-700">
      <p className="mb-2 text-xs font-medium text-zinc-500">New event</p>
      <div className="grid grid-cols-[5.5rem_minmax(0,1fr)] gap-2 sm:grid-cols-[6rem_9rem_minmax(0,1fr)_auto]">
        <input
          ref={timeInput}
          type="text"
          aria-label="Time of the new event"
          placeholder="10:47"
          autoComplete="off"
          value={time}
          onChange={(e) => setTime(e.target.value)}
          onKeyDown={onEnter}
          className={`${inputClass} font-mono`}
        />
        <select aria-label="Kind of the new event" value={kind ?? guessedKind} onChange={(e) => setKind(e.target.value as EventKind)} onKeyDown={onEnter} className={inputClass}>
          {EVENT_KINDS.map((k) => (
            <option key={k} value={k}>
              {EVENT_KIND_LABELS[k]}
            </option>
          ))}
        </select>
        <input
          data-new-event-text
          type="text"
          aria-label="What happened (new event)"
          placeholder="What happened? Enter adds it."
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={onEnter}
          onPaste={(e) => {
            const pasted = e.clipboardData.getData("text");
            if (pasted.includes("\n")) {
              e.preventDefault();
              onPasteLines(pasted);
            }
          }}
          className={`${inputClass} col-span-2 sm:col-span-1`}
        />
        <button type="button" className={`${buttonClass} col-span-2 sm:col-span-1`} onClick={add}>
          Add event
        </button>
      </div>
      {message && (
        <p
          role={message.isError ? "alert" : "status"}
          className={`mt-2 text-xs ${message.isError ? "text-red-600 dark:text-red-400" : "text-amber-700 dark:text-amber-400"}`}
        >
          {message.text}
        </p>
      )}
    </div>
  );
}
