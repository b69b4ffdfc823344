// The write turn that npm start's primary process hands to its workers, one
// at a time, first come first served (decision 020). SQLite lets one writer
// in at a time and makes the others poll for the lock: a worker that just
// committed nearly always wins the next poll, so under many saves a write in
// the other worker could starve past any timeout, with its whole event loop
// blocked while it polls. Asking the primary first puts every write of every
// worker in one queue, waited for without blocking anything.
// No I/O here: serve-cluster.mjs passes the messages.

export class WriteLockQueue {
  /** Requests in arrival order; the first one holds the turn. */
  #queue = [];

  /** `holder` (worker id and request id) asks for the turn; answers the holder to grant it to now, if any. */
  request(holder) {
    this.#queue.push(holder);
    return this.#queue.length === 1 ? holder : null;
  }

  /** `holder` is done (or gave up waiting, or its worker died): answers whom to grant the turn to now, if anyone. */
  release(holder) {
    return this.#drop((entry) => entry.worker === holder.worker && entry.id === holder.id);
  }

  /** Everything of a worker that stopped: answers whom to grant the turn to now, if anyone. */
  releaseWorker(worker) {
    return this.#drop((entry) => entry.worker === worker);
  }

  get length() {
    return this.#queue.length;
  }

  #drop(matches) {
    const holderBefore = this.#queue[0];
    this.#queue = this.#queue.filter((entry) => !matches(entry));
    const holderNow = this.#queue[0];
    return holderNow && holderNow !== holderBefore ? holderNow : null;
  }
}
