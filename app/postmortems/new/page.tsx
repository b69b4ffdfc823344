import type { Metadata } from "next";
import { NewPostmortemForm } from "./new-postmortem-form";

export const metadata: Metadata = { title: "New postmortem" };

export default function NewPostmortemPage() {
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
