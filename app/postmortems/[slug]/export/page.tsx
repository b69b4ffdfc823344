import Link from "next/link";
import { notFound } from "next/navigation";
import { findPostmortemForPage } from "@/lib/server/postmortems";
import { requirePageActor } from "@/lib/server/auth";
import { headers } from "next/headers";
import { Markdown } from "@/components/markdown";
import { exportFileName, renderMarkdown } from "@/lib/domain/markdown/export";
import { exportQueryOf, exportQuerySchema } from "@/lib/schemas/export";
import { publicOrigin } from "@/lib/server/http/public-origin";
import { ExportPanel } from "./_components/export-panel";
import { DEFAULT_EXPORT_OPTIONS, toExportQuery, withoutFrontMatter } from "./_components/export-options";
import { postmortemPageTitle } from "../page-title";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

export const generateMetadata = postmortemPageTitle("Export");

export default async function ExportPage({ params }: Props) {
  const { slug } = await params;
  await requirePageActor({ path: `/postmortems/${encodeURIComponent(slug)}/export` });
  const postmortem = await findPostmortemForPage(slug);
  if (!postmortem) notFound();
  // The default export, made here as the export API makes it: the panel shows it without a request or the browser's Markdown renderer.
  const query = toExportQuery(DEFAULT_EXPORT_OPTIONS);
  const options = { ...exportQuerySchema.parse(exportQueryOf(new URLSearchParams(query))), hindsightOrigin: publicOrigin(await headers()) };
  const markdown = renderMarkdown(postmortem, options);
  const initial = { query, markdown, fileName: exportFileName(postmortem, options), preview: <Markdown>{withoutFrontMatter(markdown)}</Markdown> };
  return (
    <div>
      <p className="text-sm">
        <Link href={`/postmortems/${postmortem.slug}`} className="text-accent-600 hover:underline dark:text-accent-400">
          ← {postmortem.title}
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight">Export as a blog post</h1>
      <p className="mt-1 max-w-2xl text-sm text-zinc-600 dark:text-zinc-400">
        Markdown for Jekyll, Hugo or any blog. The public variant leaves out owners, tracker links, internal sections and (unless you
        keep them) the authors&apos; names, and replaces internal names you list.
      </p>
      <ExportPanel slug={postmortem.slug} initial={initial} />
    </div>
  );
}
