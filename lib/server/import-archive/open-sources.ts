import "server-only";
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { AppError } from "@/lib/domain/errors";
import { ARCHIVE_LIMITS, formatMegabytes, reasonToSkip, type SkippedEntry } from "@/lib/domain/import-archive/entries";
import { readZip } from "@/lib/domain/import-archive/read-zip";

/**
 * One file to import: `name` is what the postmortem keeps as its source (the
 * path inside the folder or zip, a lone file's own name), `label` what the
 * CLI prints (the path as the user wrote it). `read` throws an AppError for a
 * file that cannot be read, which the import reports for that file alone.
 */
export type SourceItem = { name: string; label: string; read: () => Promise<Uint8Array> };

/** What the paths on a command line come to: the files to import, and the entries left out with why. */
export type SourceListing = { items: SourceItem[]; skipped: SkippedEntry[] };

/**
 * Expands the paths given to `hindsight import`: a folder into its files
 * (recursively, in name order, without following links), a `.zip` into its
 * entries (readZip's rules), a file into itself. A folder or zip that cannot
 * be read at all throws; a single file's problems are left to its `read`.
 */
export async function openSources(paths: string[], limits = ARCHIVE_LIMITS): Promise<SourceListing> {
  const items: SourceItem[] = [];
  const skipped: SkippedEntry[] = [];
  for (const given of paths) {
    const kind = await kindOf(given);
    if (kind === "folder") await listFolder(given, items, skipped, limits);
    else if (kind === "zip") await listZip(given, items, skipped, limits);
    else items.push({ name: path.basename(given), label: given, read: () => readSourceBytes(given, given, limits) });
  }
  return { items, skipped };
}

async function kindOf(given: string): Promise<"folder" | "zip" | "file"> {
  const info = await stat(given).catch(() => null);
  if (info?.isDirectory()) return "folder";
  return info?.isFile() && /\.zip$/i.test(given) ? "zip" : "file";
}

async function listFolder(root: string, items: SourceItem[], skipped: SkippedEntry[], limits: typeof ARCHIVE_LIMITS): Promise<void> {
  let entries = 0;
  const visit = async (dir: string): Promise<void> => {
    const children = await readdir(dir, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
      throw new AppError("BAD_REQUEST", `Cannot read the folder ${dir}: ${error.code ?? error.message}`);
    });
    children.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const child of children) {
      entries += 1;
      if (entries > limits.maxEntries) throw new AppError("TOO_LARGE", `${root} holds more than ${limits.maxEntries} files and folders: import it in parts.`);
      const full = path.join(dir, child.name);
      const name = path.relative(root, full).split(path.sep).join("/");
      if (child.isSymbolicLink()) {
        skipped.push({ name, reason: "a symbolic link (not followed)" });
        continue;
      }
      const reason = reasonToSkip(name, child.isDirectory());
      if (child.isDirectory() && reason === "a folder") await visit(full);
      else if (reason) {
        // A hidden folder (.git) is left out whole, without a line per file in it.
        skipped.push({ name, reason });
      } else if (child.isFile()) items.push({ name, label: full, read: () => readSourceBytes(full, name, limits) });
    }
  };
  await visit(root);
}

async function listZip(file: string, items: SourceItem[], skipped: SkippedEntry[], limits: typeof ARCHIVE_LIMITS): Promise<void> {
  const size = (await stat(file)).size;
  // A zip's compressed size is at most about its content's: past the content limit it is refused unread.
  if (size > limits.maxTotalBytes) throw new AppError("TOO_LARGE", `${file} is larger than ${formatMegabytes(limits.maxTotalBytes)}: import it in parts.`);
  const contents = readZip(new Uint8Array(await readFile(file)), limits);
  skipped.push(...contents.skipped);
  for (const entry of contents.files) items.push({ name: entry.name, label: `${file}:${entry.name}`, read: async () => entry.bytes });
  for (const entry of contents.failed) {
    items.push({ name: entry.name, label: `${file}:${entry.name}`, read: async () => { throw new AppError("BAD_REQUEST", `${entry.name} is ${entry.reason}.`); } });
  }
}

async function readSourceBytes(file: string, name: string, limits: typeof ARCHIVE_LIMITS): Promise<Uint8Array> {
  let bytes: Buffer;
  try {
    const info = await stat(file);
    if (info.isFile() && info.size > limits.maxFileBytes) throw new AppError("TOO_LARGE", `${name} is larger than ${formatMegabytes(limits.maxFileBytes)}.`);
    bytes = await readFile(file);
  } catch (error) {
    if (error instanceof AppError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "it is a folder" : (error as Error).message;
    throw new AppError("BAD_REQUEST", `Cannot read ${file}: ${reason}`);
  }
  if (bytes.byteLength > limits.maxFileBytes) throw new AppError("TOO_LARGE", `${name} is larger than ${formatMegabytes(limits.maxFileBytes)}.`);
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
