import "server-only";
import type { z } from "zod";
import { AppError } from "@/lib/domain/errors";
import { fieldErrorsOf } from "@/lib/schemas/postmortem";

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
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);
  const text = await readLimited(request, maxBytes);
  if (text.trim() === "") throw new AppError("BAD_REQUEST", "The request body is empty: send a JSON document.");
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new AppError("BAD_REQUEST", `The request body is not valid JSON: ${(error as Error).message}`);
  }
}

async function readLimited(request: Request, maxBytes: number): Promise<string> {
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > maxBytes) {
      await reader.cancel();
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return new TextDecoder("utf-8", { fatal: false }).decode(Buffer.concat(chunks));
}

function tooLarge(maxBytes: number): AppError {
  return new AppError("TOO_LARGE", `The request body is larger than ${Math.round(maxBytes / 1024 / 1024)} MB.`);
}

/** Validates `input` against `schema`; INVALID with per-field messages otherwise. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, what = "document"): z.output<S> {
  if (input === null || typeof input !== "object" || Array.isArray(input)) {
    throw new AppError("INVALID", `The body must be a JSON object: the ${what}.`);
  }
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields = fieldErrorsOf(result.error);
  const count = Object.keys(fields).length;
  throw new AppError("INVALID", `The ${what} has ${count} invalid field${count === 1 ? "" : "s"}.`, { fields });
}
