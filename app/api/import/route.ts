import { requireRole } from "@/lib/server/auth/require-access";
import { importQuerySchema, MAX_IMPORT_BYTES } from "@/lib/schemas/import";
import { readImportBody } from "@/lib/server/http/import-body";
import { publicUrl } from "@/lib/server/http/public-origin";
import { apiRoute } from "@/lib/server/http/responses";
import { readImportOffThread } from "@/lib/server/import/read-import";
import { createImportedPostmortem } from "@/lib/server/postmortems/import-postmortem";

export const dynamic = "force-dynamic";

/**
 * A postmortem's file (Markdown, plain text, HTML, Word .docx: recognised by
 * its bytes) → `{ document, warnings, format }`; with `?create=1` the
 * postmortem is also saved (201). Any other file is 415, naming what is read.
 * The file is read on the import thread, off this event loop.
 */
export const POST = apiRoute(async (request) => {
  // Who is asking, before reading up to 5 MB: a preview needs a reader (it saves nothing), create=1 an editor (the data access checks).
  await requireRole("viewer");
  const bytes = await readImportBody(request, MAX_IMPORT_BYTES);
  const { fileName, create } = importQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const { format, document, warnings } = await readImportOffThread({ fileName, bytes });
  if (!create) return Response.json({ document, warnings, format });
  // An import starts as a draft whatever its front matter says: publishing has its own checks (changeStatus).
  const created = await createImportedPostmortem({ draft: { ...document, status: "draft" }, warnings });
  // Absolute, at the name the client used (a proxy's public host, decision 013).
  const location = publicUrl(request.headers, `/api/postmortems/${created.document.slug}`);
  return Response.json({ ...created, format }, { status: 201, headers: { location } });
});
