import "server-only";
import { isAppError } from "@/lib/domain/errors";
import { sourceNameOf, type SkippedEntry } from "@/lib/domain/import-archive/entries";
import { contentHashOf, importSourceFile, type ImportFileResult } from "./import-source-file";
import { listImportedHashes } from "./imported-sources";
import type { SourceListing } from "./open-sources";
import type { ReadImportFile } from "./read-import-file";
import { startReadPool, type ReadPool } from "./read-pool";

/** From this many files on, an import reads ahead on worker threads (starting them costs about a second). */
const READ_AHEAD_FROM = 40;
/** Files read ahead of the one being written. */
const READ_AHEAD = 8;

/** One file's result as an archive import reports it: where it came from, and how long it took. */
export type ImportedItem = ImportFileResult & { label: string; ms: number };

export type ArchiveImportReport = {
  dryRun: boolean;
  results: ImportedItem[];
  skipped: SkippedEntry[];
  totals: { files: number; new: number; update: number; unchanged: number; failed: number; skipped: number };
};

/**
 * Imports every file of a listing (a folder, a zip, files), one after the
 * other (SQLite has one writer; each file is its own transaction), through
 * importSourceFile. A file that fails is reported and the others still
 * import; only a missing right stops the whole import. Large imports read
 * the next files on worker threads (read-pool.ts) while one is written.
 * `onProgress` hears each file as it is done.
 */
export async function importSources(options: {
  listing: SourceListing;
  dryRun?: boolean;
  authorName?: string;
  /** Read ahead on worker threads: by default from READ_AHEAD_FROM files on. */
  readAhead?: boolean;
  onProgress?: (done: number, total: number, item: ImportedItem) => void;
}): Promise<ArchiveImportReport> {
  const { listing, dryRun = false } = options;
  const { items } = listing;
  const pool: ReadPool | null = (options.readAhead ?? items.length >= READ_AHEAD_FROM) ? startReadPool() : null;
  // Files imported before with the same bytes are not read ahead: they will be found unchanged.
  const known = pool ? await listImportedHashes({ fileNames: items.map((item) => sourceNameOf(item.name)) }) : new Map<string, string>();
  type Ahead = { bytes: Uint8Array; read?: Promise<ReadImportFile> };
  const ahead = new Map<number, Promise<Ahead>>();
  const startReading = (index: number) => {
    if (index >= items.length || ahead.has(index)) return;
    const item = items[index];
    const reading = item.read().then((bytes): Ahead => {
      const isUnchanged = known.get(sourceNameOf(item.name)) === contentHashOf(bytes);
      const read = isUnchanged ? undefined : pool?.read(item.name, bytes);
      // A file found unchanged never looks at what was read for it: its failure is nobody's.
      read?.catch(() => undefined);
      return { bytes, read };
    });
    reading.catch(() => undefined);
    ahead.set(index, reading);
  };
  const results: ImportedItem[] = [];
  try {
    for (const [index, item] of items.entries()) {
      for (let next = index; next <= index + (pool ? READ_AHEAD : 0); next++) startReading(next);
      const started = performance.now();
      let result: ImportFileResult;
      try {
        const { bytes, read } = await ahead.get(index)!;
        ahead.delete(index);
        result = await importSourceFile({ name: item.name, bytes, read, dryRun, authorName: options.authorName });
      } catch (error) {
        if (isAppError(error) && (error.code === "UNAUTHENTICATED" || error.code === "FORBIDDEN")) throw error;
        result = { name: item.name, status: "failed", saved: false, warnings: [], error: (error as Error).message || String(error) };
      }
      const done = { ...result, label: item.label, ms: performance.now() - started };
      results.push(done);
      options.onProgress?.(results.length, items.length, done);
    }
  } finally {
    await pool?.close();
  }
  const count = (status: ImportFileResult["status"]) => results.filter((result) => result.status === status).length;
  return {
    dryRun,
    results,
    skipped: listing.skipped,
    totals: { files: results.length, new: count("new"), update: count("update"), unchanged: count("unchanged"), failed: count("failed"), skipped: listing.skipped.length },
  };
}
