import { AppError } from "@/lib/domain/errors";
import { MAX_IMPORT_BYTES } from "@/lib/schemas/import";
import { importFileQuerySchema } from "@/lib/schemas/import-archive";
import { parseInput } from "@/lib/schemas/parse-input";
import { requireRole } from "@/lib/server/auth/require-access";
import { readLimitedBytes } from "@/lib/server/http/limited-body";
import { apiRoute } from "@/lib/server/http/responses";
import { importSourceFile } from "@/lib/server/import-archive/import-source-file";
import { readImportOffThread } from "@/lib/server/import/read-import";

export const dynamic = "force-dynamic";

/**
 * One file of an archive import (the "Import many files" page sends each):
 * the body is the file's bytes, `?name=` its path in the folder or zip.
 * With `?dryRun=1` it is read and compared with what was imported before
 * (new, update, unchanged), and the document read comes back for a preview;
 * nothing is saved. Without, it is imported. A file that cannot be imported
 * is `status: "failed"` with its reason (200: the answer is the report).
 */
export const POST = apiRoute(async (request) => {
  // Who is asking, before reading up to 5 MB: importing is for editors, and so is its preview (it says what exists).
  await requireRole("editor");
  const { name, dryRun } = parseInput(importFileQuerySchema, Object.fromEntries(new URL(request.url).searchParams), "query");
  const bytes = await readLimitedBytes(request, MAX_IMPORT_BYTES);
  if (bytes.byteLength === 0) throw new AppError("BAD_REQUEST", "The request body is empty: send the file's bytes.");
  // Read on the import thread (a 5 MB file of any shape must not hold up this process's other requests).
  const read = readImportOffThread({ fileName: name, bytes }).then(({ format, document, warnings }) => ({ format, draft: document, warnings }));
  read.catch(() => {}); // An unchanged file's read is never awaited; its failure is then nobody's.
  return Response.json(await importSourceFile({ name, bytes, dryRun, withDocument: dryRun, read }));
});
