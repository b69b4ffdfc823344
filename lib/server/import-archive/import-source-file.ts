import "server-only";
import { createHash } from "node:crypto";
import { AppError, isAppError } from "@/lib/domain/errors";
import { sourceNameOf } from "@/lib/domain/import-archive/entries";
import { UnsupportedFormatError, type SourceFormat } from "@/lib/domain/markdown/import/formats";
import type { PostmortemDocument, PostmortemDraft } from "@/lib/schemas/postmortem";
import { requireRole } from "../auth/require-access";
import { findPostmortemByContentHash, findPostmortemBySourceFile } from "../postmortems/find-by-source";
import { createImportedPostmortem } from "../postmortems/import-postmortem";
import { savePostmortem } from "../postmortems/save-postmortem";
import { readImportFile, type ReadImportFile } from "./read-import-file";

/**
 * What importing one file of an archive comes to: a `new` postmortem, an
 * `update` of the one imported from the same file before (a new revision),
 * `unchanged` (the same bytes were imported before: nothing is written), or
 * `failed` with the reason. `saved` says whether it was written (never in a
 * dry run).
 */
export type ImportFileResult = {
  name: string;
  status: "new" | "update" | "unchanged" | "failed";
  saved: boolean;
  /** The postmortem it created, updated or found unchanged. */
  slug?: string;
  title?: string;
  incidentDate?: string | null;
  format?: SourceFormat;
  counts?: { events: number; factors: number; actions: number };
  warnings: string[];
  error?: string;
  /** The document read from the file, for a preview (with `withDocument`). */
  document?: PostmortemDraft;
};

/** The SHA-256 of a file's bytes, hex: the content hash a postmortem's source keeps. */
export function contentHashOf(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/**
 * Imports one file of an archive by its name (its path in the folder or zip)
 * and bytes, idempotently: the same bytes again are `unchanged`, new bytes
 * under a name imported before update that postmortem as a new revision,
 * and nothing is ever duplicated. With `dryRun` it reads, decides and
 * reports, and writes nothing. A problem with the file is a `failed` result;
 * problems of the caller or the database (no right, database unavailable)
 * and unexpected errors are thrown. `read` is the file already being read
 * elsewhere (an archive import reads ahead on worker threads); by default it
 * is read here, and only when it is not unchanged.
 */
export async function importSourceFile(options: {
  name: string;
  bytes: Uint8Array;
  dryRun?: boolean;
  authorName?: string;
  withDocument?: boolean;
  read?: Promise<ReadImportFile>;
}): Promise<ImportFileResult> {
  const { name, bytes, dryRun = false } = options;
  await requireRole("editor");
  const contentHash = contentHashOf(bytes);
  // What the postmortem keeps and is found by: the path, its end when it is very deep.
  const fileName = sourceNameOf(name);
  // Two imports of one file at once (a double click, two tabs) must not both find nothing and both create it.
  return dryRun ? decideAndWrite() : oneAtATime(fileName, decideAndWrite);

  async function decideAndWrite(): Promise<ImportFileResult> {
    try {
      const existing = await findPostmortemBySourceFile({ fileName });
      const same = existing?.source?.contentHash === contentHash ? existing : existing ? null : await findPostmortemByContentHash({ contentHash });
      if (same) {
        const sameName = same.source?.fileName;
        const warnings = sameName && sameName !== fileName ? [`The same file was imported before as ${sameName}: nothing to do.`] : [];
        return { ...describe(same), name, status: "unchanged", saved: false, slug: same.slug, warnings };
      }
      const { format, draft: read, warnings } = await (options.read ?? readImportFile({ name, bytes }));
      const draft: PostmortemDraft = { ...read, status: "draft", source: { ...emptySource, ...read.source, fileName, contentHash } };
      const result = { ...describe(draft), name, format, warnings, ...(options.withDocument ? { document: draft } : {}) };
      if (existing) {
        // A preview says so too: it must promise only what the import will do.
        if (existing.status === "published") {
          throw new AppError("CONFLICT", `${existing.slug} (imported from this file) is published and read-only: reopen it to import the new version.`);
        }
        if (dryRun) return { ...result, status: "update", saved: false, slug: existing.slug };
        const saved = await savePostmortem({
          slug: existing.slug,
          version: existing.version,
          // The postmortem keeps its address and who may see it; everything else is the file's.
          draft: { ...draft, slug: existing.slug, restricted: undefined, members: undefined },
          authorName: options.authorName,
          summary: `Imported again from ${name.length > 200 ? `…${name.slice(-199)}` : name}`,
        });
        return { ...result, status: "update", saved: true, slug: saved.slug };
      }
      if (dryRun) return { ...result, status: "new", saved: false };
      const created = await createImportedPostmortem({ draft, warnings, authorName: options.authorName });
      return { ...result, status: "new", saved: true, slug: created.document.slug, warnings: created.warnings };
    } catch (error) {
      if (error instanceof UnsupportedFormatError) return failed(name, error.message);
      if (isAppError(error) && error.code !== "UNAVAILABLE" && error.code !== "UNAUTHENTICATED" && error.code !== "FORBIDDEN") {
        const fields = Object.entries(error.fields ?? {}).map(([field, messages]) => `${field}: ${messages.join("; ")}`);
        return failed(name, [error.message, ...fields].join(" "));
      }
      throw error;
    }
  }
}

const importing = new Map<string, Promise<unknown>>();

/**
 * Runs `task` after every other task of this process with the same key has
 * ended. (Server processes side by side under npm start are not covered: a
 * race there is as unlikely as two people importing one file at the same
 * millisecond, and ends in a duplicate that can be archived.)
 */
async function oneAtATime<T>(key: string, task: () => Promise<T>): Promise<T> {
  const run = (importing.get(key) ?? Promise.resolve()).then(task, task);
  const settled = run.then(
    () => undefined,
    () => undefined,
  );
  importing.set(key, settled);
  try {
    return await run;
  } finally {
    if (importing.get(key) === settled) importing.delete(key);
  }
}

const emptySource = { fileName: null, contentHash: null, publishedAt: null, frontMatter: null };

function describe(document: PostmortemDraft | PostmortemDocument) {
  return {
    title: document.title,
    incidentDate: document.incidentDate ?? null,
    counts: { events: document.timeline.length, factors: document.contributingFactors.length, actions: document.correctiveActions.length },
  };
}

function failed(name: string, error: string): ImportFileResult {
  return { name, status: "failed", saved: false, warnings: [], error };
}
