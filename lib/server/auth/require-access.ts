import "server-only";
import { AppError } from "@/lib/domain/errors";
import { roleAtLeast, type Role } from "@/lib/domain/access/roles";
import { currentActor, type Actor } from "./actor";

export type KnownActor = Exclude<Actor, { kind: "anonymous" }>;

const VERBS: Record<Role, string> = {
  viewer: "read postmortems",
  editor: "change postmortems (editors and admins can)",
  admin: "do this (admins can)",
};

/**
 * The actor of the work in progress, who must be signed in with at least
 * `needed` (the operator may do everything). Every data-access function
 * starts here: 401 for nobody, 403 for too little role.
 */
export async function requireRole(needed: Role): Promise<KnownActor> {
  const actor = await currentActor();
  return checkRole(actor, needed);
}

/** requireRole's rule for a given actor. */
export function checkRole(actor: Actor, needed: Role): KnownActor {
  if (actor.kind === "anonymous") throw new AppError("UNAUTHENTICATED", "Sign in first: send a session cookie or an `Authorization: Bearer` token.");
  if (actor.kind === "operator" || roleAtLeast(actor.role, needed)) return actor;
  throw new AppError("FORBIDDEN", `Your role (${actor.role}${actor.tokenId ? ", through this token" : ""}) cannot ${VERBS[needed]}.`);
}

/** Whether the actor sees every postmortem, restricted ones included. */
export function seesEverything(actor: KnownActor): boolean {
  return actor.kind === "operator" || actor.role === "admin";
}
