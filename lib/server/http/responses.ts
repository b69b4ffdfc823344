import "server-only";
import { AppError, type AppErrorCode, isAppError } from "@/lib/domain/errors";
import { databaseProblem } from "../database-errors";
import { log } from "../log";

const STATUS_BY_CODE: Record<AppErrorCode, number> = {
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  TOO_MANY_REQUESTS: 429,
  NOT_FOUND: 404,
  CONFLICT: 409,
  TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  INVALID: 422,
  UNAVAILABLE: 503,
};

/**
 * The API's error body: { error: { code, message, fields } }, plus extras such
 * as `current` on a conflict. An error whose details say `retryAfterSeconds`
 * (a refusal by a limit) also gets the Retry-After header.
 */
export function errorResponse(error: AppError): Response {
  const extras = error.details && typeof error.details === "object" ? error.details : {};
  const retryAfter = (extras as { retryAfterSeconds?: unknown }).retryAfterSeconds;
  return Response.json(
    { error: { code: error.code, message: error.message, fields: error.fields ?? {} }, ...extras },
    { status: STATUS_BY_CODE[error.code], headers: typeof retryAfter === "number" ? { "retry-after": String(retryAfter) } : {} },
  );
}

type Handler<C> = (request: Request, context: C) => Promise<Response>;

/**
 * Wraps a route handler: expected failures become their status and error
 * body; anything else is logged with context and answered with a calm 500.
 */
export function apiRoute<C>(handler: Handler<C>): Handler<C> {
  return async (request, context) => {
    try {
      return await handler(request, context);
    } catch (error) {
      // Database problems usually arrive already mapped (see db.ts); transaction starts and commits do not.
      const known = isAppError(error) ? error : databaseProblem(error);
      if (known) {
        if (known.code === "UNAVAILABLE") log.warn("Database unavailable", { method: request.method, url: request.url, error: known.cause ?? known });
        return errorResponse(known);
      }
      log.error("Unhandled API error", { method: request.method, url: request.url, error });
      return Response.json(
        { error: { code: "INTERNAL", message: "Something went wrong on our side. Try again; if it keeps happening, the server log has the details.", fields: {} } },
        { status: 500 },
      );
    }
  };
}
