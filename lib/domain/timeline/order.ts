/** Keeps a timeline in time order while untimed events stay where the author put them. */

type Timed = { at: string | null };

function instantOf(at: string): number {
  // Wall-clock times (no offset) compare among themselves; Date.parse reads them all the same way.
  return Date.parse(at);
}

/**
 * Returns the events with the timed ones sorted by instant (stable), each
 * untimed event keeping its index in the list.
 */
export function placeInTimeOrder<T extends Timed>(events: T[]): T[] {
  const timed = events.filter((event) => event.at !== null && !Number.isNaN(instantOf(event.at)));
  const sorted = [...timed].sort((a, b) => instantOf(a.at as string) - instantOf(b.at as string));
  let next = 0;
  return events.map((event) => (timed.includes(event) ? sorted[next++] : event));
}
