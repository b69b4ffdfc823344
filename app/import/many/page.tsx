import type { Metadata } from "next";
import Link from "next/link";
import { NotAllowed, roleName } from "@/components/account/not-allowed";
import { mayDo, requirePageActor } from "@/lib/server/auth";
import { ImportMany } from "./_components/import-many";

export const metadata: Metadata = { title: "Import many files" };

export default async function ImportManyPage() {
  const actor = await requirePageActor({ path: "/import/many" });
  if (!mayDo(actor, "editor")) {
    return <NotAllowed title="Import many files">Your role ({roleName(actor)}) can read and export postmortems but not import them. Editors and admins can.</NotAllowed>;
  }
  return (
    <div>
      <p className="text-sm">
        <Link href="/import" className="text-accent-700 hover:underline dark:text-accent-300">
          ← Import one postmortem
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight">Import many files</h1>
      <p className="mt-1 max-w-2xl text-sm leading-relaxed text-zinc-600 dark:text-zinc-400">
        Bring a whole archive at once: choose several files, a folder or one .zip (Markdown, plain text, HTML and Word .docx). You see what
        Hindsight read from each file before anything is saved, and choose which to import. Importing the same files again is safe: unchanged
        files are left alone, changed ones update their postmortem as a new revision.
      </p>
      <ImportMany />
    </div>
  );
}
