/** Test helper: an exchange-format input as the stored document Hindsight would return. */
import { postmortemInputSchema, type PostmortemDocument, type PostmortemInput } from "@/lib/schemas/postmortem";
import { slugify } from "@/lib/domain/slug";

export function documentFrom(input: PostmortemInput): PostmortemDocument {
  const draft = postmortemInputSchema.parse(input);
  return {
    ...draft,
    slug: draft.slug ?? slugify(draft.title),
    version: draft.version ?? 1,
    createdAt: draft.createdAt ?? "2024-03-15T09:30:00.000Z",
    updatedAt: draft.updatedAt ?? "2024-03-15T09:30:00.000Z",
  };
}
