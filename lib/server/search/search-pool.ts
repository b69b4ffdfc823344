import "server-only";
import { Worker } from "node:worker_threads";
import { log } from "../log";
import type { SearchAnswer, SearchJob } from "./run-search";
import { fromSearchFailure, type SearchMessage, type SearchReply, type SearchThreadData } from "./search-protocol";

/** A few threads that run searches (run-search.ts) off the caller's event loop. */
export type SearchPool = {
  /** Runs `job` on the first free thread (first come, first served); rejects with the search's error. */
  search(job: SearchJob): Promise<SearchAnswer>;
  /** Stops the threads; searches not yet answered are rejected. */
  close(): Promise<void>;
  readonly threads: number;
};

type Waiting = { message: SearchMessage; resolve: (answer: SearchAnswer) => void; reject: (error: Error) => void };
type Slot = { worker: Worker; current: Waiting | null; hasAnswered: boolean };

/** A thread that stops before it ever answered this many times in a row means the threads cannot run here: the pool gives up. */
const MAX_FAILED_STARTS = 3;

/**
 * Starts `threads` search threads on the database `file`, each with its own
 * read-only connection (search-thread.ts). A thread that fails is replaced
 * (its search is rejected); when threads keep failing to start, every search
 * is rejected with the reason and `onBroken` is called, so that the caller
 * can search without threads instead.
 */
export function startSearchPool(options: { file: string; threads: number; busyTimeoutMs: number; onBroken?: (error: Error) => void }): SearchPool {
  const data: SearchThreadData = { file: options.file, busyTimeoutMs: options.busyTimeoutMs };
  const queue: Waiting[] = [];
  const slots: Slot[] = [];
  let nextId = 1;
  let failedStarts = 0;
  let broken: Error | null = null;
  let isClosed = false;

  const dispatch = () => {
    for (const slot of slots) {
      if (queue.length === 0) return;
      if (slot.current) continue;
      slot.current = queue.shift()!;
      // A thread with a search keeps the process running until it answers; an idle one never does.
      slot.worker.ref();
      slot.worker.postMessage(slot.current.message);
    }
  };

  const fail = (error: Error) => {
    broken = error;
    for (const waiting of queue.splice(0)) waiting.reject(error);
    options.onBroken?.(error);
  };

  const add = (index: number) => {
    const slot: Slot = { worker: startThread(data), current: null, hasAnswered: false };
    slots[index] = slot;
    slot.worker.unref();
    slot.worker.on("message", (reply: SearchReply) => {
      const waiting = slot.current;
      slot.current = null;
      slot.worker.unref();
      slot.hasAnswered = true;
      failedStarts = 0;
      if (waiting && waiting.message.id === reply.id) {
        if ("answer" in reply) waiting.resolve(reply.answer);
        else waiting.reject(fromSearchFailure(reply.failure));
      }
      dispatch();
    });
    // Always listened to: an 'error' without a listener would bring the whole server process down.
    let failure: Error | null = null;
    slot.worker.on("error", (error) => {
      failure = error;
    });
    slot.worker.on("exit", (code) => {
      const error = failure ?? new Error(`A search thread stopped (exit ${code}).`);
      slot.current?.reject(error);
      slot.current = null;
      if (isClosed) return;
      log.error("A search thread stopped; starting another", { error, code });
      if (!slot.hasAnswered && ++failedStarts >= MAX_FAILED_STARTS) return fail(error);
      add(index);
      dispatch();
    });
  };
  for (let i = 0; i < options.threads; i++) add(i);

  return {
    threads: options.threads,
    search(job) {
      if (broken) return Promise.reject(broken);
      if (isClosed) return Promise.reject(new Error("The search threads have been stopped."));
      return new Promise((resolve, reject) => {
        queue.push({ message: { id: nextId++, job }, resolve, reject });
        dispatch();
      });
    },
    async close() {
      isClosed = true;
      const error = new Error("The search threads have been stopped.");
      for (const waiting of queue.splice(0)) waiting.reject(error);
      await Promise.all(slots.map((slot) => slot.worker.terminate()));
    },
  };
}

/**
 * A search thread. In the server (Next's bundle) the entry is built by the
 * bundler, which recognises exactly this form: new Worker(new URL(…,
 * import.meta.url)). From the sources (the CLI and tests, under tsx) the
 * TypeScript entry is loaded through tsx, with the react-server condition
 * the CLI runs under (for "server-only").
 */
function startThread(workerData: SearchThreadData): Worker {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    return new Worker(new URL("./search-thread.ts", import.meta.url), { workerData });
  }
  const entry = JSON.stringify(new URL("./search-thread.ts", import.meta.url).href);
  return new Worker(`import("tsx/esm/api").then(({ tsImport }) => tsImport(${entry}, ${entry}));`, {
    eval: true,
    workerData,
    execArgv: ["--conditions=react-server"],
  });
}
