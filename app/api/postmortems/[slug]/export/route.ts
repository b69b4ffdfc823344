import { attachmentDisposition, exportFileName, renderMarkdown } from "@/lib/domain/markdown/export";
import { exportQueryOf, exportQuerySchema } from "@/lib/schemas/export";
import { parseInput } from "@/lib/schemas/parse-input";
import { publicOrigin } from "@/lib/server/http/public-origin";
import { apiRoute } from "@/lib/server/http/responses";
import { getPostmortem } from "@/lib/server/postmortems";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ slug: string }> };

/** One postmortem as a Markdown blog post: ?format=jekyll|hugo|none&template=blog|sre|short&timeline=list|table&public=1&authors=1&replace=TERM=WORD */
export const GET = apiRoute<Context>(async (request, { params }) => {
  const { slug } = await params;
  const query = parseInput(exportQuerySchema, exportQueryOf(new URL(request.url).searchParams), "export query");
  const options = { ...query, hindsightOrigin: publicOrigin(request.headers) };
  const doc = await getPostmortem({ slug });
  return new Response(renderMarkdown(doc, options), {
    headers: {
      "content-type": "text/markdown; charset=utf-8",
      "content-disposition": attachmentDisposition(exportFileName(doc, options)),
      "cache-control": "no-store",
    },
  });
});
