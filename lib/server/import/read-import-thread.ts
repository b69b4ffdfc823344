// The import's thread (read-import.ts starts it; Next's bundler builds this file as a worker entry).
// Reading a file (HTML and .docx conversion, then parseMarkdown) takes up to seconds of CPU for a
// 5 MB file; here it never holds up the server's event loop, so the server keeps answering meanwhile.
import { parentPort } from "node:worker_threads";
import { isAppError } from "@/lib/domain/errors";
import { parseMarkdown } from "@/lib/domain/markdown/import";
import { readSourceFile, UnsupportedFormatError } from "@/lib/domain/markdown/import/formats";
import { postmortemInputSchema } from "@/lib/schemas/postmortem";
import type { ReadImportJob, ReadImportReply } from "./read-import-protocol";

const port = parentPort!;

async function read(job: ReadImportJob): Promise<ReadImportReply> {
  try {
    const { format, text, warnings } = await readSourceFile({ fileName: job.fileName, bytes: job.bytes });
    if (text.trim() === "") return { id: job.id, ok: false, kind: "app", code: "BAD_REQUEST", message: "There is no text in this file to import." };
    const parsed = parseMarkdown(text, { fileName: job.fileName });
    return { id: job.id, ok: true, format, document: postmortemInputSchema.parse(parsed.document), warnings: [...warnings, ...parsed.warnings] };
  } catch (error) {
    if (error instanceof UnsupportedFormatError) return { id: job.id, ok: false, kind: "unsupported", message: error.message };
    if (isAppError(error)) return { id: job.id, ok: false, kind: "app", code: error.code, message: error.message };
    return { id: job.id, ok: false, kind: "unknown", message: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
}

port.on("message", async (job: ReadImportJob) => {
  port.postMessage(await read(job));
});
