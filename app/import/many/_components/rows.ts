/**
 * The many-files import in the browser: the files chosen (zips opened here,
 * with the archive rules the CLI uses) and what the server said of each.
 */
import type { ImportFileResult } from "@/lib/server/import-archive/import-source-file";
import { ARCHIVE_LIMITS, formatMegabytes, normaliseEntryPath, reasonToSkip, type SkippedEntry } from "@/lib/domain/import-archive/entries";

/** What `POST /api/import/files` answers for one file (a type only: nothing of the server reaches the browser). */
export type FileReport = Omit<ImportFileResult, "format" | "document"> & { document?: unknown };

/** One file of the import: its name (its path in the folder or zip), its bytes on demand, and how far it got. */
export type Row = {
  name: string;
  size: number;
  body: () => Promise<Blob>;
  preview?: FileReport;
  chosen: boolean;
  result?: FileReport;
};

export type Chosen = { rows: Row[]; left: SkippedEntry[]; problems: string[] };

/** A file's name for the import: its path inside a chosen or dropped folder without the folder's own name, else its name. */
function nameOf(file: File, relativePath?: string): string {
  const path = relativePath || file.webkitRelativePath;
  const inside = path && path.includes("/") ? path.slice(path.indexOf("/") + 1) : file.name;
  return normaliseEntryPath(inside) ?? file.name;
}

/** Turns chosen or dropped files (zips opened) into rows, with the files left out and why. */
export async function rowsOf(files: { file: File; relativePath?: string }[]): Promise<Chosen> {
  const rows: Row[] = [];
  const left: SkippedEntry[] = [];
  const problems: string[] = [];
  const names = new Set<string>();
  const add = (row: Row) => {
    if (names.has(row.name)) return left.push({ name: row.name, reason: "a second file with the same name" });
    if (rows.length >= ARCHIVE_LIMITS.maxEntries) return left.push({ name: row.name, reason: `more than ${ARCHIVE_LIMITS.maxEntries} files at once` });
    names.add(row.name);
    rows.push(row);
  };
  for (const { file, relativePath } of files) {
    const name = nameOf(file, relativePath);
    if (/\.zip$/i.test(file.name)) {
      if (file.size > ARCHIVE_LIMITS.maxTotalBytes) {
        problems.push(`${file.name} is larger than ${formatMegabytes(ARCHIVE_LIMITS.maxTotalBytes)}: import it in parts.`);
        continue;
      }
      try {
        // fflate loads with the first zip.
        const { readZip } = await import("@/lib/domain/import-archive/read-zip");
        const contents = readZip(new Uint8Array(await file.arrayBuffer()));
        for (const entry of contents.files) add({ name: entry.name, size: entry.bytes.byteLength, body: async () => new Blob([entry.bytes as Uint8Array<ArrayBuffer>]), chosen: false });
        for (const entry of contents.failed) {
          add({ name: entry.name, size: 0, body: async () => new Blob(), chosen: false, preview: { name: entry.name, status: "failed", saved: false, warnings: [], error: `${entry.name} is ${entry.reason}.` } });
        }
        left.push(...contents.skipped.map((entry) => ({ ...entry, name: `${file.name}: ${entry.name}` })));
      } catch (error) {
        problems.push(`${file.name}: ${(error as Error).message}`);
      }
      continue;
    }
    const reason = reasonToSkip(name);
    if (reason) {
      left.push({ name, reason });
      continue;
    }
    const tooLarge = file.size > ARCHIVE_LIMITS.maxFileBytes;
    add({
      name,
      size: file.size,
      body: async () => file,
      chosen: false,
      preview: tooLarge ? { name, status: "failed", saved: false, warnings: [], error: `${name} is larger than ${formatMegabytes(ARCHIVE_LIMITS.maxFileBytes)}.` } : undefined,
    });
  }
  return { rows, left, problems };
}

/** Every file in a dropped folder (recursively), with its path from the drop. */
export async function filesOfDrop(items: DataTransferItemList): Promise<{ file: File; relativePath?: string }[]> {
  const entries = [...items].map((item) => item.webkitGetAsEntry?.()).filter((entry): entry is FileSystemEntry => Boolean(entry));
  const found: { file: File; relativePath?: string }[] = [];
  const visit = async (entry: FileSystemEntry): Promise<void> => {
    if (found.length > ARCHIVE_LIMITS.maxEntries) return;
    if (entry.isFile) {
      const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
      found.push({ file, relativePath: entry.fullPath.replace(/^\//, "") });
    } else if (entry.isDirectory) {
      const reader = (entry as FileSystemDirectoryEntry).createReader();
      // readEntries answers in chunks until it answers none.
      for (;;) {
        const chunk = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
        if (chunk.length === 0) break;
        for (const child of chunk) await visit(child);
      }
    }
  };
  for (const entry of entries) await visit(entry);
  return found;
}

/** Sends one file to the server: a preview (`dryRun`) or the import. A failed request is a failed row, never a stop. */
export async function sendFile(row: Row, dryRun: boolean, signal?: AbortSignal): Promise<FileReport> {
  const params = new URLSearchParams({ name: row.name });
  if (dryRun) params.set("dryRun", "1");
  try {
    const response = await fetch(`/api/import/files?${params}`, {
      method: "POST",
      headers: { "content-type": "application/octet-stream" },
      body: await row.body(),
      signal,
    });
    const body = await response.json().catch(() => null);
    if (response.ok && body?.status) return body as FileReport;
    return { name: row.name, status: "failed", saved: false, warnings: [], error: body?.error?.message ?? `The server answered ${response.status}.` };
  } catch (error) {
    if ((error as Error).name === "AbortError") throw error;
    return { name: row.name, status: "failed", saved: false, warnings: [], error: "The server could not be reached." };
  }
}

/** Runs `task` over `items`, at most `concurrency` at once, calling `onDone` as each finishes. */
export async function eachWithLimit<T>(items: T[], concurrency: number, task: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      await task(items[index], index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}
