import { AppError } from "@/lib/domain/errors";
import { errorResponse } from "@/lib/server/http/responses";

export const dynamic = "force-dynamic";

/** Any /api path no route claims: a JSON 404 (API clients should never get an HTML page). */
function unknownEndpoint(request: Request) {
  const { pathname } = new URL(request.url);
  return errorResponse(new AppError("NOT_FOUND", `There is no API endpoint ${request.method} ${pathname}. See README.md › Using it.`));
}

export const GET = unknownEndpoint;
export const POST = unknownEndpoint;
export const PUT = unknownEndpoint;
export const PATCH = unknownEndpoint;
export const DELETE = unknownEndpoint;
