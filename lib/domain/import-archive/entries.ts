/**
 * Which files of a folder or zip an archive import reads, and the limits that
 * keep a hostile archive bounded. Shared by the CLI (folders and zips read on
 * the server) and the "Import many files" page (zips read in the browser).
 */
import { MAX_IMPORT_BYTES } from "@/lib/schemas/import";

export const ARCHIVE_LIMITS = {
  /** Entries in one archive or folder, folders and skipped files included. */
  maxEntries: 10_000,
  /** Bytes of all the files read, uncompressed. */
  maxTotalBytes: 256 * 1024 * 1024,
  /** Bytes of one file: the single-file import's limit. */
  maxFileBytes: MAX_IMPORT_BYTES,
};

/** The extensions an archive import reads; a file without one is read too (its content says what it is). */
export const IMPORTABLE_EXTENSIONS = [".md", ".markdown", ".mdown", ".mkd", ".txt", ".text", ".html", ".htm", ".xhtml", ".docx"];

/** One file of an archive: its path inside the folder or zip (forward slashes), and its bytes. */
export type ArchiveFile = { name: string; bytes: Uint8Array };

/** A file of an archive the import leaves out, and why (an image beside the posts, a file too large). */
export type SkippedEntry = { name: string; reason: string };

/**
 * A path inside an archive with forward slashes and no "./" segments, or null
 * for one that is absolute or climbs out of the archive ("../"): such a name
 * is a path trick, never a postmortem.
 */
export function normaliseEntryPath(name: string): string | null {
  const slashed = name.replace(/\\/g, "/");
  if (slashed.startsWith("/") || /^[a-z]:/i.test(slashed) || slashed.includes("\u0000")) return null;
  const segments = slashed.split("/").filter((segment) => segment !== "" && segment !== ".");
  if (segments.some((segment) => segment === "..")) return null;
  return segments.join("/");
}

/** Why an entry (a normalised path) is not read as a postmortem, or null when it is; "a folder" for a folder read into. */
export function reasonToSkip(name: string, isFolder = false): string | null {
  const segments = name.split("/").filter(Boolean);
  if (segments.includes("__MACOSX")) return "macOS metadata (__MACOSX)";
  if (segments.some((segment) => segment.startsWith("."))) return "hidden";
  if (isFolder || name.endsWith("/") || name === "") return "a folder";
  const base = segments.at(-1) ?? name;
  const dot = base.lastIndexOf(".");
  if (dot <= 0) return null;
  const extension = base.slice(dot).toLowerCase();
  return IMPORTABLE_EXTENSIONS.includes(extension) ? null : `not a format Hindsight reads (${extension})`;
}

/** Longest source file name a postmortem keeps (the exchange format's `source.fileName`). */
export const MAX_SOURCE_NAME = 1000;

/**
 * The name a postmortem keeps for the file it came from: its path, or for a
 * path deeper than MAX_SOURCE_NAME characters, "…" and the path's end (the
 * file's own name and the folders nearest it), the same every time.
 */
export function sourceNameOf(path: string): string {
  return path.length <= MAX_SOURCE_NAME ? path : `…${path.slice(-(MAX_SOURCE_NAME - 1))}`;
}

/** "5 MB" (or "1000 bytes" below a megabyte), for messages about limits. */
export function formatMegabytes(bytes: number): string {
  return bytes < 1024 * 1024 ? `${bytes} bytes` : `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
}
