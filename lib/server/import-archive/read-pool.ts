import "server-only";
import os from "node:os";
import { Worker } from "node:worker_threads";
import { AppError, type AppErrorCode } from "@/lib/domain/errors";
import { readImportFile, type ReadImportFile } from "./read-import-file";
import type { ReadAnswer } from "./read-worker";

/** Reads files as postmortems on worker threads, so that a large import reads ahead while it writes. */
export type ReadPool = { read: (name: string, bytes: Uint8Array) => Promise<ReadImportFile>; close: () => Promise<void> };

/**
 * One worker per core, at most four: reading a file costs more than writing
 * it, so on two cores two readers and the writer share them best (measured
 * with npm run bench:import).
 */
export function defaultReadWorkers(): number {
  return Math.max(1, Math.min(4, os.availableParallelism()));
}

/**
 * Starts `size` read workers. A file's problem comes back as the AppError it
 * was (UnsupportedFormatError as UNSUPPORTED_MEDIA_TYPE, with its message);
 * if a worker dies, its files and later ones are read on this thread.
 */
export function startReadPool(size = defaultReadWorkers()): ReadPool {
  // A worker thread does not inherit the TypeScript loader the CLI runs under (tsx): load the module through it.
  const entry = new URL("./read-worker.ts", import.meta.url).href;
  const pending = new Map<number, { resolve: (value: ReadImportFile) => void; reject: (error: Error) => void; retry: () => void }>();
  const workers = Array.from({ length: size }, () => {
    const worker = new Worker(`import("tsx/esm/api").then(({ tsImport }) => tsImport(${JSON.stringify(entry)}, ${JSON.stringify(entry)}));`, { eval: true });
    const state = { worker, isAlive: true, ids: new Set<number>() };
    worker.on("message", (answer: ReadAnswer) => {
      const waiting = pending.get(answer.id);
      pending.delete(answer.id);
      state.ids.delete(answer.id);
      if (!waiting) return;
      if (answer.ok) waiting.resolve(answer.value);
      else waiting.reject(answer.error.code ? new AppError(answer.error.code as AppErrorCode, answer.error.message, { fields: answer.error.fields }) : new Error(answer.error.message));
    });
    worker.on("error", () => {
      state.isAlive = false;
      for (const id of state.ids) pending.get(id)?.retry();
    });
    return state;
  });
  let next = 0;
  let lastId = 0;
  return {
    read: (name, bytes) => {
      const alive = workers.filter((state) => state.isAlive);
      if (alive.length === 0) return readImportFile({ name, bytes });
      const state = alive[next++ % alive.length];
      const id = ++lastId;
      return new Promise<ReadImportFile>((resolve, reject) => {
        const retry = () => {
          pending.delete(id);
          readImportFile({ name, bytes }).then(resolve, reject);
        };
        pending.set(id, { resolve, reject, retry });
        state.ids.add(id);
        state.worker.postMessage({ id, name, bytes });
      });
    },
    close: async () => {
      await Promise.all(workers.map((state) => state.worker.terminate()));
    },
  };
}
