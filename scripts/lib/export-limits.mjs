// Who may start a zip export now (GET /api/export, issue 15): a client (a
// person, a token, else an address) runs at most `atOnce` exports at a time
// and starts at most `perMinute` in any 60 seconds, and the server runs at
// most `running` in all. Under `npm start` the primary process keeps this for
// every worker (serve-cluster.mjs passes the messages, as it does for the
// write queue); a lone server keeps its own (lib/server/export/export-slots.ts).
// No I/O here; the caller says what time it is.

const WINDOW_MS = 60_000;
/** What a refusal asks a client to wait when an export of theirs is still running: about what one of thousands takes. */
const RUNNING_RETRY_MS = 10_000;

export class ExportLimits {
  /** Exports running: lease key → { owner, client }. */
  #leases = new Map();
  /** Per client, the start times of the last minute, oldest first. */
  #starts = new Map();

  /**
   * `client` asks to start an export, as lease `id` of `owner` (a worker
   * process, or 0): answers { ok: true } and counts it, or { ok: false,
   * reason: "running" | "rate" | "busy", retryAfterMs } and counts nothing.
   */
  take({ owner, id, client, limits, now }) {
    const starts = this.#recentStarts(client, now);
    const leases = [...this.#leases.values()];
    // The rate first: waiting for a running export to end would not help then.
    if (starts.length >= limits.perMinute) {
      // The oldest start of the window leaves it first.
      return { ok: false, reason: "rate", retryAfterMs: Math.max(1, starts[starts.length - limits.perMinute] + WINDOW_MS - now) };
    }
    if (leases.filter((lease) => lease.client === client).length >= limits.atOnce) {
      return { ok: false, reason: "running", retryAfterMs: RUNNING_RETRY_MS };
    }
    if (leases.length >= limits.running) return { ok: false, reason: "busy", retryAfterMs: RUNNING_RETRY_MS };
    starts.push(now);
    this.#starts.set(client, starts);
    this.#leases.set(leaseKey(owner, id), { owner, client });
    return { ok: true };
  }

  /** Lease `id` of `owner` has ended (finished, failed or cancelled); unknown leases are ignored. */
  release({ owner, id }) {
    this.#leases.delete(leaseKey(owner, id));
  }

  /** Every lease of an owner that is gone (a worker process that stopped). */
  releaseOwner(owner) {
    for (const [key, lease] of this.#leases) if (lease.owner === owner) this.#leases.delete(key);
  }

  /** How many exports are running. */
  get running() {
    return this.#leases.size;
  }

  /** How many clients have a start within the last minute (what the bookkeeping holds). */
  get clients() {
    return this.#starts.size;
  }

  /** `client`'s starts within the window; forgets older ones, and every client whose starts have all left it. */
  #recentStarts(client, now) {
    for (const [other, times] of this.#starts) {
      while (times.length > 0 && times[0] <= now - WINDOW_MS) times.shift();
      if (times.length === 0) this.#starts.delete(other);
    }
    return this.#starts.get(client) ?? [];
  }
}

function leaseKey(owner, id) {
  return `${owner}:${id}`;
}
