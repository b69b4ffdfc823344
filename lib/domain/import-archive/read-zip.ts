import { unzipSync } from "fflate";
import { AppError } from "@/lib/domain/errors";
import { ARCHIVE_LIMITS, formatMegabytes, normaliseEntryPath, reasonToSkip, type ArchiveFile, type SkippedEntry } from "./entries";

/**
 * What a zip holds for an import: the files to read, in the archive's order;
 * the entries left out, with why; the postmortem files that cannot be read
 * (too large, damaged), which the import reports as failed files.
 */
export type ZipContents = { files: ArchiveFile[]; skipped: SkippedEntry[]; failed: SkippedEntry[] };

type Entry = { original: string; name: string };

/**
 * Reads a zip's postmortem files. A zip with a path that climbs out of it
 * ("../", an absolute path), more than `maxEntries` entries or more than
 * `maxTotalBytes` uncompressed is refused whole (BAD_REQUEST / TOO_LARGE):
 * nothing of a crafted archive is read. Folders, dotfiles, `__MACOSX`, other
 * formats are skipped, each with its reason; a file past `maxFileBytes` or
 * damaged fails alone.
 * Only the entries read are inflated, each into a buffer of its declared
 * size, so an entry lying about its size is cut there, never grown.
 */
export function readZip(bytes: Uint8Array, limits = ARCHIVE_LIMITS): ZipContents {
  const skipped: SkippedEntry[] = [];
  const failed: SkippedEntry[] = [];
  const accepted: Entry[] = [];
  let entries = 0;
  let total = 0;
  try {
    unzipSync(bytes, {
      filter: (entry) => {
        entries += 1;
        if (entries > limits.maxEntries) throw new AppError("TOO_LARGE", `This zip has more than ${limits.maxEntries} entries: import it in parts.`);
        const name = normaliseEntryPath(entry.name);
        if (name === null) throw new AppError("BAD_REQUEST", `This zip has an entry outside its own folder (${entry.name.slice(0, 200)}): it was refused, and nothing in it was read.`);
        const reason = reasonToSkip(name, entry.name.endsWith("/"));
        if (reason) {
          // Folders themselves are not listed: their files are, each with its reason.
          if (reason !== "a folder" && !entry.name.endsWith("/")) skipped.push({ name, reason });
        } else if (entry.originalSize > limits.maxFileBytes) {
          failed.push({ name, reason: `larger than ${formatMegabytes(limits.maxFileBytes)}` });
        } else if (entry.compression !== 0 && entry.compression !== 8) {
          skipped.push({ name, reason: "compressed with a method Hindsight cannot read" });
        } else {
          total += entry.originalSize;
          if (total > limits.maxTotalBytes) {
            throw new AppError("TOO_LARGE", `This zip holds more than ${formatMegabytes(limits.maxTotalBytes)} of files uncompressed: import it in parts.`);
          }
          accepted.push({ original: entry.name, name });
        }
        // The first pass only lists and checks: nothing is inflated before the whole zip is known to be within limits.
        return false;
      },
    });
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError("BAD_REQUEST", `This file is not a zip archive Hindsight can read (${(error as Error).message}).`);
  }
  const inflated = new Map<string, Uint8Array>();
  inflate(bytes, accepted, inflated, failed);
  const files: ArchiveFile[] = [];
  const seen = new Set<string>();
  for (const { original, name } of accepted) {
    const data = inflated.get(original);
    if (!data) {
      if (!failed.some((entry) => entry.name === name)) skipped.push({ name, reason: "a name Hindsight cannot read" });
      continue;
    }
    // Two entries may name one path ("a//b.md" and "a/b.md", or the same name twice): the first is read.
    if (seen.has(name)) {
      skipped.push({ name, reason: "a second entry with the same path" });
      continue;
    }
    seen.add(name);
    files.push({ name, bytes: data });
  }
  return { files, skipped, failed };
}

/**
 * Inflates `entries` into `into`. A damaged entry makes fflate throw for the
 * whole call, so a failing set is halved until the damaged entries are
 * alone: one pass over the headers when the zip is sound, about 2·log₂(n)
 * more per damaged entry.
 */
function inflate(bytes: Uint8Array, entries: Entry[], into: Map<string, Uint8Array>, failed: SkippedEntry[]): void {
  if (entries.length === 0) return;
  const wanted = new Set(entries.map((entry) => entry.original));
  try {
    const found = unzipSync(bytes, { filter: (entry) => wanted.has(entry.name) });
    for (const original of wanted) {
      const data = Object.getOwnPropertyDescriptor(found, original)?.value as Uint8Array | undefined;
      if (data && !into.has(original)) into.set(original, data);
    }
  } catch (error) {
    if (entries.length === 1) {
      failed.push({ name: entries[0].name, reason: `damaged in the zip (${(error as Error).message})` });
      return;
    }
    const half = Math.ceil(entries.length / 2);
    inflate(bytes, entries.slice(0, half), into, failed);
    inflate(bytes, entries.slice(half), into, failed);
  }
}

/** Whether bytes start as a zip does ("PK\x03\x04", or an empty zip's "PK\x05\x06"). */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && ((bytes[2] === 3 && bytes[3] === 4) || (bytes[2] === 5 && bytes[3] === 6));
}
