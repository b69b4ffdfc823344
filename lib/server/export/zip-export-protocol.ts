import type { AppErrorCode } from "@/lib/domain/errors";
import type { ExportOptions } from "@/lib/domain/markdown/export";
import type { KnownActor } from "../auth/require-access";

/** What the zip export's worker thread is given (zip-export-worker.ts). */
export type ZipExportJob = {
  /** Who asked: the thread reads as them, through the same access checks. */
  actor: KnownActor;
  options: Partial<ExportOptions>;
  pageSize: number;
  chunkBytes: number;
  /** The thread's nice value (Linux: per thread), so that requests come first. */
  niceness: number;
};

/** The thread's answer to each "next": a piece of the zip, the end, or what went wrong. */
export type ZipExportReply =
  | { kind: "piece"; bytes: Uint8Array }
  | { kind: "end"; files: number }
  | { kind: "error"; code?: AppErrorCode; message: string; details?: unknown };
