/**
 * The worker thread of an archive import's read pool (read-pool.ts): reads
 * files as postmortems (readImportFile) while the importing thread writes
 * the ones before them.
 */
import { parentPort } from "node:worker_threads";
import { isAppError } from "@/lib/domain/errors";
import { readImportFile } from "./read-import-file";

export type ReadRequest = { id: number; name: string; bytes: Uint8Array };
export type ReadAnswer =
  | { id: number; ok: true; value: Awaited<ReturnType<typeof readImportFile>> }
  | { id: number; ok: false; error: { code?: string; message: string; fields?: Record<string, string[]> } };

parentPort?.on("message", async ({ id, name, bytes }: ReadRequest) => {
  let answer: ReadAnswer;
  try {
    answer = { id, ok: true, value: await readImportFile({ name, bytes }) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    answer = { id, ok: false, error: isAppError(error) ? { code: error.code, message, fields: error.fields } : { code: error instanceof Error && error.name === "UnsupportedFormatError" ? "UNSUPPORTED_MEDIA_TYPE" : undefined, message } };
  }
  parentPort?.postMessage(answer);
});
