import { readFile } from "node:fs/promises";
import path from "node:path";
import { AppError } from "@/lib/domain/errors";

const MAX_FILE_BYTES = 5 * 1024 * 1024;

/** Reads and parses a JSON file ("-" reads stdin): BAD_REQUEST when unreadable or not JSON, TOO_LARGE past 5 MB. */
export async function readJsonFile(file: string): Promise<unknown> {
  let text: string;
  try {
    text = file === "-" ? await readStdin() : await readFile(path.resolve(file), "utf8");
  } catch (error) {
    throw new AppError("BAD_REQUEST", `Cannot read ${file}: ${(error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (error as Error).message}`);
  }
  if (Buffer.byteLength(text) > MAX_FILE_BYTES) throw new AppError("TOO_LARGE", `${file} is larger than 5 MB.`);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new AppError("BAD_REQUEST", `${file} is not valid JSON: ${(error as Error).message}`);
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}
