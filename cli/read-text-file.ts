import { readFile } from "node:fs/promises";
import path from "node:path";
import { AppError } from "@/lib/domain/errors";
import { readSourceFile, UnsupportedFormatError } from "@/lib/domain/markdown/import/formats";
import { MAX_IMPORT_BYTES } from "@/lib/schemas/import";

/**
 * Reads a postmortem's file ("-" reads stdin) as Markdown for the importer:
 * Markdown and text as they are, HTML and Word .docx converted
 * (readSourceFile, by the bytes). BAD_REQUEST when unreadable or empty,
 * TOO_LARGE past 5 MB, UNSUPPORTED_MEDIA_TYPE for any other kind of file.
 */
export async function readTextFile(file: string): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = file === "-" ? await readStdin() : await readFile(path.resolve(file));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "it is a folder" : (error as Error).message;
    throw new AppError("BAD_REQUEST", `Cannot read ${file}: ${reason}`);
  }
  if (bytes.byteLength > MAX_IMPORT_BYTES) throw new AppError("TOO_LARGE", `${file} is larger than 5 MB.`);
  if (bytes.every((byte) => byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09)) throw new AppError("BAD_REQUEST", `${file} is empty.`);
  try {
    const { text, warnings } = await readSourceFile({ fileName: file === "-" ? undefined : path.basename(file), bytes: new Uint8Array(bytes) });
    for (const warning of warnings) process.stderr.write(`${file}: ${warning}\n`);
    if (text.trim() === "") throw new AppError("BAD_REQUEST", `${file} has no text to import.`);
    return text;
  } catch (error) {
    if (error instanceof UnsupportedFormatError) throw new AppError("UNSUPPORTED_MEDIA_TYPE", error.message);
    throw error;
  }
}

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
