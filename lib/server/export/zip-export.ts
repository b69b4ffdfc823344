import "server-only";
import { Worker } from "node:worker_threads";
import type { ExportOptions } from "@/lib/domain/markdown/export";
import { requireRole } from "../auth/require-access";
import { PUBLISHED_PAGE_SIZE } from "../postmortems/read-published-postmortems";
import { exportClientOf, takeExportSlot } from "./export-slots";
import { openPieceStream } from "./piece-stream";
import type { ZipExportJob, ZipExportReply } from "./zip-export-protocol";

/**
 * The zip of every published postmortem the asker may see, one Markdown file
 * each (decision 022), as a stream that the worker thread fills as it is
 * read. Everything that can refuse the export happens before this resolves,
 * so that the route answers it as JSON before any zip byte: 401/403 (who is
 * asking), 429 (the limits, export-slots.ts), and any error of the thread
 * before its first piece (say, 503 when the database is unavailable). An
 * error after that errors the stream, which breaks the download: the client
 * never gets a shorter zip that looks whole.
 */
export async function startZipExport(options: {
  exportOptions: Partial<ExportOptions>;
  /** The client's address (proxy.ts's x-hindsight-client-ip), for limits when nobody is signed in. */
  clientAddress: string | null;
  /** Aborted when the client goes away. */
  signal?: AbortSignal;
}): Promise<ReadableStream<Uint8Array>> {
  const actor = await requireRole("viewer");
  const slot = await takeExportSlot(exportClientOf(actor, options.clientAddress));
  const job: ZipExportJob = { actor, options: options.exportOptions, pageSize: PUBLISHED_PAGE_SIZE, chunkBytes: 64 * 1024, niceness: 10 };
  let worker: Worker;
  try {
    // This exact form (new Worker(new URL(…, import.meta.url))) is what Next's bundler builds as a worker entry.
    // No resourceLimits: the thread has the process's heap limit, and one that runs out of it fails alone
    // (ERR_WORKER_OUT_OF_MEMORY: a broken download; the server goes on). A lower cap makes V8 collect far
    // more often: 256 MB doubled the export's CPU (docs/reliability.md), for ~100 MB of live heap at most.
    worker = new Worker(new URL("./zip-export-worker.ts", import.meta.url), { workerData: job });
  } catch (error) {
    slot.release();
    throw error;
  }

  const thread = threadOf(worker);
  return openPieceStream({
    ask: thread.ask,
    signal: options.signal,
    onEnd: () => {
      slot.release();
      // A thread that has finished has closed its port and exits by itself; stopping it again is harmless.
      void worker.terminate();
    },
  });
}

/**
 * The worker thread as something to ask for pieces, one at a time: ask()
 * rejects when the thread fails or stops instead of answering, also when that
 * happened between two questions.
 */
function threadOf(worker: Worker) {
  let failure: Error | null = null;
  let answer: ((reply: ZipExportReply) => void) | null = null;
  let fail: ((error: Error) => void) | null = null;
  const settle = () => {
    answer = null;
    fail = null;
  };
  worker.on("message", (reply: ZipExportReply) => {
    answer?.(reply);
    settle();
  });
  // Always listened to: an 'error' without a listener would bring the whole server process down.
  worker.on("error", (error) => {
    failure ??= error;
    fail?.(error);
    settle();
  });
  worker.on("exit", (code) => {
    failure ??= new Error(`The export's worker thread stopped (exit ${code}).`);
    fail?.(failure);
    settle();
  });
  return {
    ask(): Promise<ZipExportReply> {
      if (failure) return Promise.reject(failure);
      return new Promise((resolve, reject) => {
        answer = resolve;
        fail = reject;
        worker.postMessage("next");
      });
    },
  };
}
