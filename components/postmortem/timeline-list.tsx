import { EVENT_KIND_LABELS, type EventKind } from "@/lib/domain/postmortem";
import { labelEventTimes } from "@/lib/domain/time";
import { TIMELINE_PAGE_SIZE } from "@/lib/domain/timeline/window";
import type { TimelineEvent } from "@/lib/schemas/postmortem";

const KIND_STYLES: Partial<Record<EventKind, string>> = {
  trigger: "text-orange-700 dark:text-orange-300",
  impact_start: "text-red-700 dark:text-red-300",
  detected: "text-violet-700 dark:text-violet-300",
  alert: "text-violet-700 dark:text-violet-300",
  mitigated: "text-sky-700 dark:text-sky-300",
  resolved: "text-emerald-700 dark:text-emerald-300",
};

/**
 * The timeline in the postmortem's zone; the date appears when the day
 * changes. Only the first `shown` events are listed; links (plain URLs, so
 * they work without JavaScript) show more.
 */
export function TimelineList({ events, timezone, shown = events.length }: { events: TimelineEvent[]; timezone: string | null; shown?: number }) {
  // Labels depend only on the events before them: label just the rows listed (5,000 cost about 300 ms).
  const labels = labelEventTimes(
    events.slice(0, shown).map((event) => event.at),
    timezone,
  );
  return (
    <>
      <ol className="relative">
        {events.slice(0, shown).map((event, index) => {
          const label = labels[index];
          return (
            <li key={index} id={`event-${index + 1}`} className="scroll-mt-4">
              {label.dateLabel && (
                <p className={`mb-2 text-xs font-semibold uppercase tracking-wide text-zinc-500 ${index === 0 ? "" : "mt-5"}`}>
                  {label.dateLabel}
                </p>
              )}
              <div className="grid grid-cols-[4rem_minmax(0,1fr)] gap-x-4 border-l border-zinc-200 py-2 pl-4 dark:border-zinc-800 sm:grid-cols-[4.5rem_8rem_minmax(0,1fr)]">
                <span className="font-mono text-sm tabular-nums text-zinc-700 dark:text-zinc-300">
                  {label.isoValue ? <time dateTime={label.isoValue}>{label.timeLabel}</time> : <span className="text-xs text-zinc-500">no time</span>}
                </span>
                <span className={`text-xs font-medium uppercase tracking-wide sm:pt-0.5 ${KIND_STYLES[event.kind] ?? "text-zinc-500"}`}>
                  {EVENT_KIND_LABELS[event.kind]}
                </span>
                <p className="col-span-2 mt-1 min-w-0 leading-relaxed wrap-anywhere sm:col-span-1 sm:mt-0">
                  {event.text}
                  {event.link && (
                    <>
                      {" "}
                      <a href={event.link} className="text-sm text-accent-600 hover:underline dark:text-accent-400" rel="noreferrer noopener">
                        link ↗
                      </a>
                    </>
                  )}
                </p>
              </div>
            </li>
          );
        })}
      </ol>
      {shown < events.length && <MoreEvents shown={shown} total={events.length} />}
    </>
  );
}

function MoreEvents({ shown, total }: { shown: number; total: number }) {
  const next = Math.min(shown + TIMELINE_PAGE_SIZE, total);
  return (
    <nav aria-label="More timeline events" className="mt-4 flex flex-wrap items-center gap-x-4 gap-y-2 border-t border-zinc-200 pt-3 text-sm dark:border-zinc-800">
      <p className="text-zinc-600 dark:text-zinc-400">
        Showing events 1–{shown.toLocaleString("en-US")} of {total.toLocaleString("en-US")}.
      </p>
      {/* Plain links: the server renders the longer list, and the page scrolls to where it grew. */}
      <a href={`?events=${next}#event-${shown + 1}`} className="font-medium text-accent-600 underline underline-offset-2 dark:text-accent-400">
        Show {(next - shown).toLocaleString("en-US")} more
      </a>
      <a href={`?events=${total}#event-${shown + 1}`} className="text-accent-600 underline underline-offset-2 dark:text-accent-400">
        Show all {total.toLocaleString("en-US")}
      </a>
    </nav>
  );
}