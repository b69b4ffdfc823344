import "server-only";
import type { PostmortemDocument } from "@/lib/schemas/postmortem";
import { getDb } from "../db";
import { isAppError } from "@/lib/domain/errors";
import { notFound, requireVisiblePostmortem } from "./get-postmortem";

export type RevisionSummary = {
  version: number;
  authorName: string;
  summary: string;
  createdAt: string;
};

/** The revisions of a postmortem, newest first (without their snapshots). */
export async function listRevisions(options: { slug: string }): Promise<RevisionSummary[]> {
  await requireVisiblePostmortem({ slug: options.slug, role: "viewer" });
  const db = await getDb();
  const postmortem = await db.postmortem.findUnique({
    where: { slug: options.slug },
    select: {
      revisions: {
        orderBy: { version: "desc" },
        select: { version: true, authorName: true, summary: true, createdAt: true },
      },
    },
  });
  if (!postmortem) throw notFound(options.slug);
  return postmortem.revisions.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
}

/** The document as it was saved at `version`. */
export async function getRevision(options: { slug: string; version: number }): Promise<PostmortemDocument | null> {
  // Null, like a missing version, when the postmortem does not exist or is hidden from the actor
  // (the light access check, not the whole document).
  try {
    await requireVisiblePostmortem({ slug: options.slug, role: "viewer" });
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") return null;
    throw error;
  }
  const db = await getDb();
  const revision = await db.revision.findFirst({
    where: { version: options.version, postmortem: { slug: options.slug } },
    select: { snapshot: true },
  });
  return revision ? (JSON.parse(revision.snapshot) as PostmortemDocument) : null;
}
