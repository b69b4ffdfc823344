import type { Metadata } from "next";
import { NotAllowed, roleName } from "@/components/account/not-allowed";
import { mayDo, requirePageActor } from "@/lib/server/auth";
import { NewPostmortemForm } from "./new-postmortem-form";

export const metadata: Metadata = { title: "New postmortem" };

export default async function NewPostmortemPage() {
  const actor = await requirePageActor({ path: "/postmortems/new" });
  if (!mayDo(actor, "editor")) {
    return <NotAllowed title="New postmortem">Your role ({roleName(actor)}) can read and export postmortems but not write them. Editors and admins can.</NotAllowed>;
  }
  return (
    <div className="mx-auto max-w-xl">
      <h1 className="text-2xl font-semibold tracking-tight">New postmortem</h1>
      <p className="mt-2 text-sm leading-relaxed text-zinc-600 dark:text-zinc-400">
        Start with a title. The guided editor then walks you through impact, timeline, root cause, contributing factors,
        corrective actions and lessons — everything is saved as you type.
      </p>
      <NewPostmortemForm />
    </div>
  );
}
