/** Expected failures inside lib/, as values the edges turn into answers. */

export type AppErrorCode = "NOT_FOUND" | "CONFLICT" | "INVALID" | "TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "BAD_REQUEST";

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly fields?: Record<string, string[]>;
  /** Extra data for the caller, such as the current document on a conflict. */
  readonly details?: unknown;

  constructor(
    code: AppErrorCode,
    message: string,
    options: { fields?: Record<string, string[]>; details?: unknown } = {},
  ) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.fields = options.fields;
    this.details = options.details;
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
