import "server-only";
import { SAMPLE_POSTMORTEMS } from "@/lib/samples";
import { postmortemInputSchema, type PostmortemDocument } from "@/lib/schemas/postmortem";
import { createPostmortem } from "./create-postmortem";

/** Adds the sample postmortems (each through the normal create path, so they are indexed and versioned). */
export async function loadSamplePostmortems(options: { authorName?: string } = {}): Promise<PostmortemDocument[]> {
  const created: PostmortemDocument[] = [];
  for (const sample of SAMPLE_POSTMORTEMS) {
    created.push(await createPostmortem({ draft: postmortemInputSchema.parse(sample), authorName: options.authorName ?? "Hindsight samples" }));
  }
  return created;
}
