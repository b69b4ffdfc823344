import "server-only";
import { AppError } from "@/lib/domain/errors";
import { readLimitedBytes } from "./limited-body";

// Text (Markdown, plain, HTML), a Word document, or bytes of no declared type: the file's own bytes say what it is.
const FILE_TYPES =
  /^(text\/(markdown|x-markdown|plain|html)|application\/(xhtml\+xml|octet-stream|vnd\.openxmlformats-officedocument\.wordprocessingml\.document))\s*(;|$)/i;

/**
 * Reads an imported file's bytes: 415 unless sent as text/markdown,
 * text/plain, text/html, a .docx type or application/octet-stream, 413 past
 * `maxBytes`, 400 when there is nothing in it. What the file is, is decided
 * by its bytes (readSourceFile), not by this header.
 */
export async function readImportBody(request: Request, maxBytes: number): Promise<Uint8Array> {
  const contentType = (request.headers.get("content-type") ?? "").trim();
  if (!FILE_TYPES.test(contentType)) {
    throw new AppError(
      "UNSUPPORTED_MEDIA_TYPE",
      "Send the postmortem's file as the body, with Content-Type: text/markdown or text/plain (UTF-8), text/html, or application/octet-stream for a Word .docx.",
    );
  }
  const bytes = await readLimitedBytes(request, maxBytes);
  if (bytes.every((byte) => byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09)) {
    throw new AppError("BAD_REQUEST", "The request body is empty: send the Markdown or plain text of a postmortem.");
  }
  return bytes;
}
