import type { Metadata } from "next";
import Link from "next/link";
import { NotAllowed, roleName } from "@/components/account/not-allowed";
import { mayDo, requirePageActor } from "@/lib/server/auth";
import { ImportWorkbench } from "./_components/import-workbench";

export const metadata: Metadata = { title: "Import a postmortem" };

export default async function ImportPage() {
  const actor = await requirePageActor({ path: "/import" });
  if (!mayDo(actor, "editor")) {
    return <NotAllowed title="Import a postmortem">Your role ({roleName(actor)}) can read and export postmortems but not import them. Editors and admins can.</NotAllowed>;
  }
  return (
    <div>
      <h1 className="text-2xl font-semibold tracking-tight">Import a postmortem</h1>
      <p className="mt-1 max-w-2xl text-sm leading-relaxed text-zinc-600 dark:text-zinc-400">
        Paste or upload a postmortem written anywhere — a blog post, a wiki page, plain text. Hindsight reads its headings, timeline,
        contributing factors and actions, keeps everything else as extra sections, and tells you what it could not read exactly.
      </p>
      <p className="mt-2 text-sm">
        <Link href="/import/many" className="text-accent-700 hover:underline dark:text-accent-300">
          Import many files at once (several files, a folder or a .zip) →
        </Link>
      </p>
      <ImportWorkbench />
    </div>
  );
}
