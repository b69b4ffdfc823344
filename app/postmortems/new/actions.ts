"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { fieldErrorsOf, postmortemInputSchema } from "@/lib/schemas/postmortem";
import { createPostmortem } from "@/lib/server/postmortems";

export type NewPostmortemState = { ok: false; fieldErrors: Record<string, string[]>; title: string } | null;

const formSchema = z.object({ title: z.string() });

/** Creates a draft from the title alone and opens it in the guided editor. */
export async function startPostmortem(_previous: NewPostmortemState, form: FormData): Promise<NewPostmortemState> {
  const { title } = formSchema.parse({ title: form.get("title") ?? "" });
  const parsed = postmortemInputSchema.safeParse({ title });
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error), title };
  // Signed by whoever is signed in (the data-access layer knows).
  const created = await createPostmortem({ draft: parsed.data });
  redirect(`/postmortems/${created.slug}/edit?step=overview`);
}
