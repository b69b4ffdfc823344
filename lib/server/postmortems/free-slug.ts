import "server-only";
import { slugCandidate } from "@/lib/domain/slug";
import type { Prisma } from "../generated/prisma/client";

/**
 * The first of `base`, `base-2`, `base-3`… that no postmortem uses. Call it
 * inside a write transaction that already holds SQLite's write lock: then no
 * other writer, in this process or another, can take the slug before the
 * transaction commits, so the answer needs no retry however busy the title.
 */
export async function firstFreeSlug(tx: Prisma.TransactionClient, base: string): Promise<string> {
  // Slugs are [a-z0-9-] only (slugify), so base holds no LIKE wildcards.
  const rows = await tx.postmortem.findMany({
    where: { OR: [{ slug: base }, { slug: { startsWith: `${base}-` } }] },
    select: { slug: true },
  });
  const taken = new Set(rows.map((row) => row.slug));
  for (let attempt = 1; ; attempt++) {
    const slug = slugCandidate(base, attempt);
    if (!taken.has(slug)) return slug;
  }
}
