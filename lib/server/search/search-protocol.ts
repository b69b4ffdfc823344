import "server-only";
import { AppError, isAppError, type AppErrorCode } from "@/lib/domain/errors";
import { databaseProblem } from "../database-errors";
import type { SearchAnswer, SearchJob } from "./run-search";

/** What a search thread is started with (an object: Next's bundler adds its own fields to it). */
export type SearchThreadData = { file: string; busyTimeoutMs: number };

/** A search for a thread: `id` pairs it with its answer. */
export type SearchMessage = { id: number; job: SearchJob };

/** A thread's answer to one search. */
export type SearchReply = { id: number; answer: SearchAnswer } | { id: number; failure: SearchFailure };

/**
 * What went wrong on a thread, as data (errors lose their class on the way
 * between threads): a problem with the database file as SQLite reported it,
 * so that database-errors.ts words it on this side exactly as for any other
 * query; another AppError; or anything else, with its stack.
 */
export type SearchFailure =
  | { kind: "database"; code?: string; message: string }
  | { kind: "app"; code: AppErrorCode; message: string; details?: unknown }
  | { kind: "unknown"; message: string; stack?: string };

export function toSearchFailure(error: unknown): SearchFailure {
  if (isAppError(error)) {
    const cause = (error as { cause?: unknown }).cause;
    if (error.code === "UNAVAILABLE" && cause instanceof Error) {
      return { kind: "database", code: (cause as { code?: string }).code, message: cause.message };
    }
    return { kind: "app", code: error.code, message: error.message, details: error.details === undefined ? undefined : JSON.parse(JSON.stringify(error.details)) };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { kind: "unknown", message, stack: error instanceof Error ? error.stack : undefined };
}

export function fromSearchFailure(failure: SearchFailure): Error {
  if (failure.kind === "database") {
    const original = Object.assign(new Error(failure.message), { code: failure.code });
    return databaseProblem(original) ?? original;
  }
  if (failure.kind === "app") return new AppError(failure.code, failure.message, { details: failure.details });
  const error = new Error(`A search thread failed: ${failure.message}`);
  if (failure.stack) error.stack = `${error.message}\n--- on the search thread ---\n${failure.stack}`;
  return error;
}
