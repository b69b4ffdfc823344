// The import's thread (read-import.ts starts it; Next's bundler builds this file as a worker entry).
// Reading a file (HTML and .docx conversion, then parseMarkdown) takes up to seconds of CPU for a
// 5 MB file; here it never holds up the server's event loop, so the server keeps answering meanwhile.
import { parentPort } from "node:worker_threads";
import { isAppError } from "@/lib/domain/errors";
import { UnsupportedFormatError } from "@/lib/domain/markdown/import/formats";
import { readImportFile } from "../import-archive/read-import-file";
import type { ReadImportJob, ReadImportReply } from "./read-import-protocol";

const port = parentPort!;

async function read(job: ReadImportJob): Promise<ReadImportReply> {
  try {
    // The same reading as an archive import's (readSourceFile, parseMarkdown, the exchange schema).
    const { format, draft, warnings } = await readImportFile({ name: job.fileName, bytes: job.bytes });
    return { id: job.id, ok: true, format, document: draft, warnings };
  } catch (error) {
    if (error instanceof UnsupportedFormatError) return { id: job.id, ok: false, kind: "unsupported", message: error.message };
    if (isAppError(error)) return { id: job.id, ok: false, kind: "app", code: error.code, message: error.message };
    return { id: job.id, ok: false, kind: "unknown", message: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
}

port.on("message", async (job: ReadImportJob) => {
  port.postMessage(await read(job));
});
