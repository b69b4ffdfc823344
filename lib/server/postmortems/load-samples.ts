import "server-only";
import { OPERATOR, runAs } from "../auth/actor";
import { requireRole } from "../auth/require-access";
import { SAMPLE_POSTMORTEMS } from "@/lib/samples";
import { postmortemInputSchema, type PostmortemDocument } from "@/lib/schemas/postmortem";
import { createPostmortem } from "./create-postmortem";

/** Adds the sample postmortems (each through the normal create path, so they are indexed and versioned). */
export async function loadSamplePostmortems(options: { authorName?: string } = {}): Promise<PostmortemDocument[]> {
  await requireRole("editor");
  // The samples are ours, published as written: they come in as the operator's, like a CLI import.
  return runAs(OPERATOR, async () => {
    const created: PostmortemDocument[] = [];
    for (const sample of SAMPLE_POSTMORTEMS) {
      created.push(await createPostmortem({ draft: postmortemInputSchema.parse(sample), authorName: options.authorName ?? "Hindsight samples" }));
    }
    return created;
  });
}
