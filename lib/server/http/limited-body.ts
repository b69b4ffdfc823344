import "server-only";
import { AppError } from "@/lib/domain/errors";

/**
 * Reads a request body as UTF-8 text, refusing it with TOO_LARGE (413) past
 * `maxBytes`: first by its declared Content-Length, then while streaming, so
 * a body that lies about its length or sends none is stopped as well.
 */
export async function readLimitedBody(request: Request, maxBytes: number): Promise<string> {
  return new TextDecoder("utf-8", { fatal: false }).decode(await readLimitedBytes(request, maxBytes));
}

/** A request body's bytes, with readLimitedBody's limits (for files that are not text, such as .docx). */
export async function readLimitedBytes(request: Request, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);
  if (!request.body) return new Uint8Array();
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
  return Buffer.concat(chunks);
}

function tooLarge(maxBytes: number): AppError {
  return new AppError("TOO_LARGE", `The request body is larger than ${Math.round(maxBytes / 1024 / 1024)} MB.`);
}
