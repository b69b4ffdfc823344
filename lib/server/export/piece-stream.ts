import "server-only";
import { AppError } from "@/lib/domain/errors";
import { log } from "../log";
import type { ZipExportReply } from "./zip-export-protocol";

/** A download that is not read for this long is given up. */
export const IDLE_TIMEOUT_MS = 120_000;

/**
 * A stream of the pieces `ask` answers, one asked for each time the reader
 * takes one (one piece read ahead). The first piece is asked for before this
 * resolves, so that a failure before any byte is thrown here (the route
 * answers it as JSON); a failure after that errors the stream, which breaks
 * the download off: the client never gets a shorter file that looks whole.
 * `onEnd` runs once, however the stream ends: finished, failed, cancelled by
 * the reader, `signal` aborted (the client went away) or not read for
 * `idleTimeoutMs`.
 */
export async function openPieceStream(options: {
  ask: () => Promise<ZipExportReply>;
  onEnd: () => void;
  signal?: AbortSignal;
  idleTimeoutMs?: number;
}): Promise<ReadableStream<Uint8Array>> {
  const idleTimeoutMs = options.idleTimeoutMs ?? IDLE_TIMEOUT_MS;
  let ended = false;
  let idleTimer: NodeJS.Timeout | undefined;
  const end = () => {
    if (ended) return;
    ended = true;
    clearTimeout(idleTimer);
    options.signal?.removeEventListener("abort", end);
    options.onEnd();
  };
  if (options.signal?.aborted) end();
  else options.signal?.addEventListener("abort", end);

  let first: ZipExportReply;
  try {
    first = ended ? gone() : await options.ask();
  } catch (error) {
    const wasGone = ended;
    end();
    throw wasGone ? goneError() : error;
  }
  if (first.kind === "error") {
    end();
    throw errorOf(first);
  }
  if (ended) throw goneError();

  let queued: ZipExportReply | null = first;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        clearTimeout(idleTimer);
        let reply: ZipExportReply;
        try {
          reply = queued ?? (await options.ask());
        } catch (error) {
          reply = { kind: "error", message: error instanceof Error ? error.message : String(error) };
        }
        queued = null;
        if (ended) return;
        if (reply.kind === "piece") {
          controller.enqueue(reply.bytes);
          idleTimer = setTimeout(() => {
            log.warn("Export download given up: not read for a while", { idleMs: idleTimeoutMs });
            controller.error(new Error(`The download was not read for ${idleTimeoutMs / 1000} s.`));
            end();
          }, idleTimeoutMs);
        } else if (reply.kind === "end") {
          end();
          controller.close();
        } else {
          log.error("Export failed part-way; the download is broken off", { error: reply.message, code: reply.code });
          end();
          controller.error(errorOf(reply));
        }
      },
      cancel() {
        end();
      },
    },
    // One piece read ahead of the client; the next is made when it is taken.
    { highWaterMark: 1 },
  );
}

function gone(): never {
  throw goneError();
}

function goneError(): AppError {
  // Nobody reads this answer: the client has gone.
  return new AppError("BAD_REQUEST", "The client went away before the export started.");
}

/** A failure the thread reported, as the error the route answers (an AppError keeps its code and status). */
export function errorOf(reply: Extract<ZipExportReply, { kind: "error" }>): Error {
  if (reply.code) return new AppError(reply.code, reply.message, { details: reply.details });
  return new Error(reply.message);
}
