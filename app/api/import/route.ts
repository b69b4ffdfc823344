import { parseMarkdown } from "@/lib/domain/markdown/import";
import { requireRole } from "@/lib/server/auth/require-access";
import { importQuerySchema, MAX_IMPORT_BYTES } from "@/lib/schemas/import";
import { postmortemInputSchema } from "@/lib/schemas/postmortem";
import { publicUrl } from "@/lib/server/http/public-origin";
import { apiRoute } from "@/lib/server/http/responses";
import { readTextBody } from "@/lib/server/http/text-body";
import { importPostmortem } from "@/lib/server/postmortems/import-postmortem";

export const dynamic = "force-dynamic";

/** Markdown or plain text → `{ document, warnings }`; with `?create=1` the postmortem is also saved (201). */
export const POST = apiRoute(async (request) => {
  // Who is asking, before reading up to 5 MB: a preview needs a reader (it saves nothing), create=1 an editor (the data access checks).
  await requireRole("viewer");
  const text = await readTextBody(request, MAX_IMPORT_BYTES);
  const { fileName, create } = importQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  if (!create) {
    const { document, warnings } = parseMarkdown(text, { fileName });
    return Response.json({ document: postmortemInputSchema.parse(document), warnings });
  }
  const { document, warnings } = await importPostmortem({ text, fileName });
  // Absolute, at the name the client used (a proxy's public host, decision 013).
  const location = publicUrl(request.headers, `/api/postmortems/${document.slug}`);
  return Response.json({ document, warnings }, { status: 201, headers: { location } });
});
