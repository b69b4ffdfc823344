import "server-only";
import { Worker } from "node:worker_threads";
import { AppError, type AppErrorCode } from "@/lib/domain/errors";
import type { SourceFormat } from "@/lib/domain/markdown/import/formats";
import type { PostmortemDraft } from "@/lib/schemas/postmortem";
import { log } from "../log";
import type { ReadImportJob, ReadImportReply } from "./read-import-protocol";

/** Longest a file may take to read before its thread is stopped (a 5 MB file of any shape takes seconds). */
const READ_TIMEOUT_MS = 60_000;

type Read = { format: SourceFormat; document: PostmortemDraft; warnings: string[] };
type Waiting = { job: ReadImportJob; resolve: (read: Read) => void; reject: (error: Error) => void };

let thread: Worker | null = null;
let current: (Waiting & { timer: NodeJS.Timeout }) | null = null;
const queue: Waiting[] = [];
let nextId = 1;

/**
 * Reads an imported file (readSourceFile, then parseMarkdown, then the
 * exchange schema) on the import thread, one file at a time, so that the
 * server's event loop keeps answering other requests meanwhile. A format we
 * do not read is UNSUPPORTED_MEDIA_TYPE (415) with the message naming what
 * is accepted.
 */
export function readImportOffThread(options: { fileName?: string; bytes: Uint8Array }): Promise<Read> {
  return new Promise<Read>((resolve, reject) => {
    queue.push({ job: { id: nextId++, fileName: options.fileName, bytes: options.bytes }, resolve, reject });
    dispatch();
  });
}

function dispatch(): void {
  if (current || queue.length === 0) return;
  const worker = (thread ??= startThread());
  const waiting = queue.shift()!;
  const timer = setTimeout(() => {
    // A file that takes this long is refused; the thread is replaced for the next one.
    const stuck = current;
    current = null;
    thread = null;
    void worker.terminate();
    stuck?.reject(new AppError("TOO_LARGE", "This file took too long to read. Split it, or import the part that matters."));
    dispatch();
  }, READ_TIMEOUT_MS);
  current = { ...waiting, timer };
  worker.ref();
  worker.postMessage(waiting.job);
}

function settle(reply: ReadImportReply): void {
  const waiting = current;
  if (!waiting || waiting.job.id !== reply.id) return;
  clearTimeout(waiting.timer);
  current = null;
  thread?.unref();
  if (reply.ok) waiting.resolve({ format: reply.format, document: reply.document, warnings: reply.warnings });
  else if (reply.kind === "unsupported") waiting.reject(new AppError("UNSUPPORTED_MEDIA_TYPE", reply.message));
  else if (reply.kind === "app" && reply.code) waiting.reject(new AppError(reply.code as AppErrorCode, reply.message));
  else waiting.reject(new Error(reply.message));
  dispatch();
}

function startThread(): Worker {
  const worker =
    process.env.NEXT_RUNTIME === "nodejs"
      ? // This exact form (new Worker(new URL(…, import.meta.url))) is what Next's bundler builds as a worker entry.
        new Worker(new URL("./read-import-thread.ts", import.meta.url))
      : new Worker(
          `import("tsx/esm/api").then(({ tsImport }) => tsImport(${JSON.stringify(new URL("./read-import-thread.ts", import.meta.url).href)}, ${JSON.stringify(new URL("./read-import-thread.ts", import.meta.url).href)}));`,
          { eval: true, execArgv: ["--conditions=react-server"] },
        );
  worker.unref();
  worker.on("message", settle);
  // Always listened to: an 'error' without a listener would bring the whole server process down.
  let failure: Error | null = null;
  worker.on("error", (error) => {
    failure = error;
  });
  worker.on("exit", (code) => {
    if (thread === worker) thread = null;
    const waiting = current;
    if (!waiting) return;
    clearTimeout(waiting.timer);
    current = null;
    log.error("import thread stopped", { code, error: failure?.message });
    waiting.reject(failure ?? new Error(`The import thread stopped (exit ${code}).`));
    dispatch();
  });
  return worker;
}
