/** Expected failures inside lib/, as values the edges turn into answers. */

export type AppErrorCode =
  | "NOT_FOUND"
  | "CONFLICT"
  | "INVALID"
  | "TOO_LARGE"
  | "UNSUPPORTED_MEDIA_TYPE"
  | "BAD_REQUEST"
  /** Nobody is signed in (no session, no valid token): HTTP 401. */
  | "UNAUTHENTICATED"
  /** Signed in, but the role does not allow it: HTTP 403. */
  | "FORBIDDEN"
  /** Too many attempts (sign-in throttling): HTTP 429. */
  | "TOO_MANY_REQUESTS"
  /** The database cannot serve the request right now (busy, full, read-only, not migrated): HTTP 503. */
  | "UNAVAILABLE";

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

/**
 * Prefix of the digest an UNAVAILABLE error carries to a page's error
 * boundary (app/error.tsx), followed by its message: production builds strip
 * server error messages but keep digests.
 */
export const UNAVAILABLE_DIGEST_PREFIX = "hindsight-unavailable:";
