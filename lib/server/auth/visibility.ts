import "server-only";
import type { Db } from "../db";
import { seesEverything, type KnownActor } from "./require-access";

/** What decides whether someone may see a postmortem: restricted ones are for their creator, members and admins. */
export type AccessFacts = { restricted: boolean; createdById: string | null; members: { email: string }[] };

/** Whether `actor` may know this postmortem exists. */
export function canSee(actor: KnownActor, postmortem: AccessFacts): boolean {
  if (!postmortem.restricted || seesEverything(actor)) return true;
  if (actor.kind !== "user") return false;
  const email = actor.email.toLowerCase();
  return postmortem.createdById === actor.userId || postmortem.members.some((member) => member.email.toLowerCase() === email);
}

/**
 * The ids of the restricted postmortems `actor` may not see (usually none or
 * a few): lists, search, facets, insights and the tracker leave them out.
 */
export async function hiddenPostmortemIds(db: Db, actor: KnownActor): Promise<number[]> {
  if (seesEverything(actor) || actor.kind !== "user") return [];
  const rows = await db.postmortem.findMany({
    where: {
      restricted: true,
      NOT: { OR: [{ createdById: actor.userId }, { members: { some: { email: actor.email.toLowerCase() } } }] },
    },
    select: { id: true },
  });
  return rows.map((row) => row.id);
}

/** The select that loads AccessFacts. */
export const accessFactsSelect = { restricted: true, createdById: true, members: { select: { email: true } } } as const;
