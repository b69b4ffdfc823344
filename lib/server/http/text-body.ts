import "server-only";
import { AppError } from "@/lib/domain/errors";
import { readLimitedBody } from "./limited-body";

const TEXT_TYPES = /^text\/(markdown|x-markdown|plain)\s*(;|$)/i;

/**
 * Reads a Markdown or plain-text body: 415 unless it is sent as text/markdown
 * or text/plain, 413 past `maxBytes`, 400 when there is nothing in it.
 */
export async function readTextBody(request: Request, maxBytes: number): Promise<string> {
  const contentType = (request.headers.get("content-type") ?? "").trim();
  if (!TEXT_TYPES.test(contentType)) {
    throw new AppError(
      "UNSUPPORTED_MEDIA_TYPE",
      "Send the postmortem as text with the header Content-Type: text/markdown (or text/plain), UTF-8.",
    );
  }
  const text = await readLimitedBody(request, maxBytes);
  if (text.trim() === "") throw new AppError("BAD_REQUEST", "The request body is empty: send the Markdown or plain text of a postmortem.");
  return text;
}
