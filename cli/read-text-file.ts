import { readFile } from "node:fs/promises";
import path from "node:path";
import { AppError } from "@/lib/domain/errors";
import { MAX_IMPORT_BYTES } from "@/lib/schemas/import";

/** Reads a Markdown or text file ("-" reads stdin): BAD_REQUEST when unreadable or empty, TOO_LARGE past 5 MB. */
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
  const text = bytes.toString("utf8");
  if (text.trim() === "") throw new AppError("BAD_REQUEST", `${file} is empty.`);
  return text;
}

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
