import "server-only";
import { AppError } from "@/lib/domain/errors";
import { readLimitedBody } from "./limited-body";

/** Largest JSON body the API accepts. */
export const MAX_JSON_BYTES = 2 * 1024 * 1024;

/**
 * Reads a request body as JSON: 415 unless it is sent as JSON, 413 past
 * `maxBytes` (checked while streaming, not only by Content-Length), 400 with
 * the parser's own words when it is not valid JSON.
 */
export async function readJsonBody(request: Request, maxBytes = MAX_JSON_BYTES): Promise<unknown> {
  const contentType = request.headers.get("content-type") ?? "";
  if (!/^application\/([\w.+-]+\+)?json\b/i.test(contentType.trim())) {
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Send the body as JSON with the header Content-Type: application/json.");
  }
  const text = await readLimitedBody(request, maxBytes);
  if (text.trim() === "") throw new AppError("BAD_REQUEST", "The request body is empty: send a JSON document.");
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new AppError("BAD_REQUEST", `The request body is not valid JSON: ${(error as Error).message}`);
  }
}

