import "server-only";
import { getConfig } from "./config";
import { rethrowDatabaseProblem } from "./database-errors";

/**
 * Under `npm start`, several worker processes share the database file, and
 * SQLite's own wait for its write lock is unfair (a worker that just
 * committed nearly always wins the next poll) and blocks the waiting
 * worker's event loop. So each write first asks the primary process for its
 * turn (scripts/lib/write-lock-queue.mjs: first come, first served; decision
 * 020) and waits for it without blocking. Elsewhere (a single `next start`,
 * tests, the CLI) a write goes straight to SQLite's busy timeout, as before.
 */
type LockMessage = { hindsightWriteLock: "acquire" | "granted" | "release"; id: number };

type LockState = { nextId: number; waiting: Map<number, () => void> };

// One per process, whichever of Next's bundles loaded this module.
const globalForLock = globalThis as unknown as { hindsightWriteLock?: LockState };

function usesClusterLock(): boolean {
  return process.env.HINDSIGHT_WRITE_LOCK === "cluster" && typeof process.send === "function";
}

function lockState(): LockState {
  if (!globalForLock.hindsightWriteLock) {
    const state: LockState = { nextId: 1, waiting: new Map() };
    process.on("message", (message: Partial<LockMessage> | null) => {
      if (message?.hindsightWriteLock !== "granted" || typeof message.id !== "number") return;
      const wake = state.waiting.get(message.id);
      state.waiting.delete(message.id);
      wake?.();
    });
    globalForLock.hindsightWriteLock = state;
  }
  return globalForLock.hindsightWriteLock;
}

function send(message: LockMessage): void {
  process.send?.(message);
}

/** Runs `write` (one transaction) when it is this write's turn; busy (503) if the turn does not come within the busy timeout. */
export async function withWriteLock<T>(write: () => Promise<T>): Promise<T> {
  if (!usesClusterLock()) return write();
  const state = lockState();
  const id = state.nextId++;
  const waitMs = getConfig().HINDSIGHT_BUSY_TIMEOUT_MS;
  const granted = await new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => {
      state.waiting.delete(id);
      resolve(false);
    }, waitMs);
    state.waiting.set(id, () => {
      clearTimeout(timer);
      resolve(true);
    });
    send({ hindsightWriteLock: "acquire", id });
  });
  try {
    if (!granted) rethrowDatabaseProblem(new Error(`database is locked: other writes held it for more than ${waitMs} ms`));
    return await write();
  } finally {
    // Also when the turn never came: it leaves the queue.
    send({ hindsightWriteLock: "release", id });
  }
}
