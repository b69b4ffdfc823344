// The zip export's worker thread (zip-export.ts starts one per export; Next's
// bundler builds this file as a worker entry). Reading the postmortems
// (Prisma), rendering Markdown and compressing take seconds of CPU for a
// large library; here they never hold up the server's event loop. The thread
// makes one piece of the zip per "next" message, so the download's pace sets
// the work's.
import { setPriority } from "node:os";
import { parentPort, workerData } from "node:worker_threads";
import { isAppError } from "@/lib/domain/errors";
import { zipExportPages } from "@/lib/domain/markdown/export";
import { runAs } from "../auth/actor";
import { getDb } from "../db";
import { readPublishedPostmortems } from "../postmortems/read-published-postmortems";
import type { ZipExportJob, ZipExportReply } from "./zip-export-protocol";

const job = workerData as ZipExportJob;
const port = parentPort!;

// Requests come first: on Linux a thread has its own nice value, so this thread yields the CPU to the
// server's (on a 2-core machine under load, a health check waits less). Elsewhere it may fail; no harm.
try {
  setPriority(job.niceness);
} catch {
  // Not allowed or not supported.
}

let pieces: AsyncIterator<Uint8Array, { files: number }> | null = null;

async function nextReply(): Promise<{ reply: ZipExportReply; transfer: ArrayBuffer[] }> {
  try {
    // Who may read what is checked by the data-access layer, as the asker (checked once already before the thread started).
    pieces ??= zipExportPages(await runAs(job.actor, () => readPublishedPostmortems({ pageSize: job.pageSize })), job.options, {
      chunkBytes: job.chunkBytes,
    });
    const next = await pieces.next();
    if (next.done) return { reply: { kind: "end", files: next.value.files }, transfer: [] };
    return { reply: { kind: "piece", bytes: next.value }, transfer: [next.value.buffer as ArrayBuffer] };
  } catch (error) {
    const reply: ZipExportReply = isAppError(error)
      ? { kind: "error", code: error.code, message: error.message, details: error.details === undefined ? undefined : JSON.parse(JSON.stringify(error.details)) }
      : { kind: "error", message: error instanceof Error ? (error.stack ?? error.message) : String(error) };
    return { reply, transfer: [] };
  }
}

port.on("message", async (message: unknown) => {
  if (message !== "next") return;
  const { reply, transfer } = await nextReply();
  port.postMessage(reply, transfer);
  if (reply.kind !== "piece") {
    // Done either way: let the thread end on its own (the database connection closed first).
    await (await getDb()).$disconnect().catch(() => undefined);
    port.close();
  }
});
