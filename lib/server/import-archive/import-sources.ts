import "server-only";
import { isAppError } from "@/lib/domain/errors";
import type { SkippedEntry } from "@/lib/domain/import-archive/entries";
import { importSourceFile, type ImportFileResult } from "./import-source-file";
import type { SourceListing } from "./open-sources";

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
 * import; only a missing right stops the whole import. `onProgress` hears
 * each file as it is done.
 */
export async function importSources(options: {
  listing: SourceListing;
  dryRun?: boolean;
  authorName?: string;
  onProgress?: (done: number, total: number, item: ImportedItem) => void;
}): Promise<ArchiveImportReport> {
  const { listing, dryRun = false } = options;
  const results: ImportedItem[] = [];
  for (const item of listing.items) {
    const started = performance.now();
    let result: ImportFileResult;
    try {
      result = await importSourceFile({ name: item.name, bytes: await item.read(), dryRun, authorName: options.authorName });
    } catch (error) {
      if (isAppError(error) && (error.code === "UNAUTHENTICATED" || error.code === "FORBIDDEN")) throw error;
      result = { name: item.name, status: "failed", saved: false, warnings: [], error: (error as Error).message || String(error) };
    }
    const done = { ...result, label: item.label, ms: performance.now() - started };
    results.push(done);
    options.onProgress?.(results.length, listing.items.length, done);
  }
  const count = (status: ImportFileResult["status"]) => results.filter((result) => result.status === status).length;
  return {
    dryRun,
    results,
    skipped: listing.skipped,
    totals: { files: results.length, new: count("new"), update: count("update"), unchanged: count("unchanged"), failed: count("failed"), skipped: listing.skipped.length },
  };
}
