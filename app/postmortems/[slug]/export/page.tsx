import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { findPostmortem } from "@/lib/server/postmortems";
import { ExportPanel } from "./_components/export-panel";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const postmortem = await findPostmortem({ slug: (await params).slug });
  return { title: postmortem ? `Export: ${postmortem.title}` : "Postmortem not found" };
}

export default async function ExportPage({ params }: Props) {
  const postmortem = await findPostmortem({ slug: (await params).slug });
  if (!postmortem) notFound();
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
      <ExportPanel slug={postmortem.slug} />
    </div>
  );
}
