import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { coordinatesWithCluster, getConfig } from "./config";
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
type LockMessage = { hindsightWriteLock: "acquire" | "queued" | "granted" | "release"; id: number };

type Waiter = { queued: () => void; granted: () => void };
type LockState = { nextId: number; waiters: Map<number, Waiter>; holding: AsyncLocalStorage<true> };

// One per process, whichever of Next's bundles loaded this module.
const globalForLock = globalThis as unknown as { hindsightWriteLock?: LockState };

function usesClusterLock(): boolean {
  return coordinatesWithCluster("HINDSIGHT_WRITE_LOCK");
}

function lockState(): LockState {
  if (!globalForLock.hindsightWriteLock) {
    const state: LockState = { nextId: 1, waiters: new Map(), holding: new AsyncLocalStorage() };
    process.on("message", (message: Partial<LockMessage> | null) => {
      const waiter = typeof message?.id === "number" ? state.waiters.get(message.id) : undefined;
      if (message?.hindsightWriteLock === "queued") waiter?.queued();
      if (message?.hindsightWriteLock === "granted") waiter?.granted();
    });
    globalForLock.hindsightWriteLock = state;
  }
  return globalForLock.hindsightWriteLock;
}

function send(message: LockMessage): void {
  process.send?.(message);
}

/**
 * Resolves true when the primary grants turn `id`, false when it said the
 * write is queued and the busy timeout passed first (an immediate grant
 * never times out, so a timeout of 0 means "only if free", as in SQLite).
 */
function waitForTurn(state: LockState, id: number, waitMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    let timer: NodeJS.Timeout | undefined;
    const settle = (granted: boolean) => {
      clearTimeout(timer);
      state.waiters.delete(id);
      resolve(granted);
    };
    state.waiters.set(id, {
      queued: () => {
        timer = setTimeout(() => settle(false), waitMs);
      },
      granted: () => settle(true),
    });
    send({ hindsightWriteLock: "acquire", id });
  });
}

/** Runs `write` (one transaction) when it is this write's turn; busy (503) if the turn does not come within the busy timeout. */
export async function withWriteLock<T>(write: () => Promise<T>): Promise<T> {
  if (!usesClusterLock()) return write();
  const state = lockState();
  // A write started inside another already holds the turn: asking again would wait for itself.
  if (state.holding.getStore()) return write();
  const id = state.nextId++;
  const waitMs = getConfig().HINDSIGHT_BUSY_TIMEOUT_MS;
  const granted = await waitForTurn(state, id, waitMs);
  try {
    if (!granted) rethrowDatabaseProblem(new Error(`database is locked: other writes held it for more than ${waitMs} ms`));
    return await state.holding.run(true, write);
  } finally {
    // Also when the turn never came: it leaves the queue.
    send({ hindsightWriteLock: "release", id });
  }
}
