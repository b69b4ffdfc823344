/**
 * How much of a long timeline a page lists at once: thousands of rows (a
 * pasted chat export) would make the page slow to load and to read, so the
 * postmortem page lists a page of events and grows by a page on request.
 */
export const TIMELINE_PAGE_SIZE = 200;

/** The `?events=` value as a count to list: whole pages, at least one, never more than there are; anything odd → the first page. */
export function shownEventCount(param: string | string[] | undefined, total: number): number {
  const asked = Number(Array.isArray(param) ? param[0] : param);
  const count = Number.isSafeInteger(asked) && asked > 0 ? Math.ceil(asked / TIMELINE_PAGE_SIZE) * TIMELINE_PAGE_SIZE : TIMELINE_PAGE_SIZE;
  return Math.min(count, total);
}

/** The editor's rows are heavier (a text box, a kind menu, a time field each): it lists fewer at once. */
export const EDITOR_TIMELINE_PAGE_SIZE = 100;
