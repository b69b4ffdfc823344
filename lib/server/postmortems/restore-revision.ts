import "server-only";
import { recordAudit } from "../auth/audit";
import { AppError } from "@/lib/domain/errors";
import { postmortemInputSchema, type PostmortemDocument } from "@/lib/schemas/postmortem";
import { getPostmortem, requireVisiblePostmortem } from "./get-postmortem";
import { getRevision } from "./list-revisions";
import { savePostmortem } from "./save-postmortem";

/**
 * Makes an old version current again by saving its content as a new revision:
 * nothing is destroyed, and the restore itself shows in the history. The slug
 * stays what it is now, so links keep working.
 */
export async function restoreRevision(options: { slug: string; version: number; authorName?: string }): Promise<PostmortemDocument> {
  const { actor } = await requireVisiblePostmortem({ slug: options.slug, role: "editor" });
  const current = await getPostmortem({ slug: options.slug });
  const snapshot = await getRevision({ slug: options.slug, version: options.version });
  if (!snapshot) throw new AppError("NOT_FOUND", `"${options.slug}" has no version ${options.version}.`);
  // Who may see it is not restored: an old version must not undo (or impose) a restriction.
  const { slug: _slug, version: _version, createdAt: _created, updatedAt: _updated, restricted: _restricted, members: _members, ...content } = snapshot;
  const draft = postmortemInputSchema.parse({ ...content, slug: current.slug });
  const restored = await savePostmortem({
    slug: current.slug,
    version: current.version,
    draft,
    authorName: options.authorName,
    summary: `Restored version ${options.version}`,
  });
  await recordAudit({ kind: "restored", actor, subject: current.slug, detail: `Version ${options.version} restored as version ${restored.version}` });
  return restored;
}
