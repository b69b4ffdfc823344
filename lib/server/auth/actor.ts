import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { headers } from "next/headers";
import { cache } from "react";
import type { Role } from "@/lib/domain/access/roles";

/**
 * Who is asking. Every data-access function asks `currentActor()` and checks
 * it (require-access.ts): a signed-in person or token, the operator (the CLI
 * on the database directly), or nobody.
 */
export type Actor =
  | {
      kind: "user";
      userId: string;
      email: string;
      name: string;
      role: Role;
      /** Set when the request came with an API token (its id); a read-only token acts as a viewer. */
      tokenId?: string;
      /** The session behind a browser request. */
      sessionId?: string;
    }
  | { kind: "operator" }
  | { kind: "anonymous" };

export const OPERATOR: Actor = { kind: "operator" };
export const ANONYMOUS: Actor = { kind: "anonymous" };

// On globalThis, so that a module loaded twice (tests, hot reload, ESM beside CommonJS under tsx) shares them.
const forProcess = globalThis as unknown as { hindsightProcessActor?: Actor; hindsightActorScope?: AsyncLocalStorage<Actor> };
const scoped = (forProcess.hindsightActorScope ??= new AsyncLocalStorage<Actor>());

/** Runs `work` as `actor` (tests; a route that acts for someone it authenticated itself). */
export function runAs<T>(actor: Actor, work: () => T): T {
  return scoped.run(actor, work);
}

/**
 * Makes this whole process the operator: for the CLI and the tooling that
 * works on the database directly (never called by the web server).
 */
export function actAsOperatorForThisProcess(): void {
  forProcess.hindsightProcessActor = OPERATOR;
}

/** The actor of the request in progress (once per request in pages; outside a request, nobody). */
const requestActor = cache(async (): Promise<Actor> => {
  let requestHeaders: Headers;
  try {
    requestHeaders = await headers();
  } catch {
    return ANONYMOUS; // Not inside a request.
  }
  // Loaded on first use: the CLI never needs better-auth.
  const { authenticate } = await import("./authenticate");
  return authenticate(requestHeaders);
});

/** The actor of the work in progress: runAs's, the process's (CLI), the request's, or anonymous. */
export async function currentActor(): Promise<Actor> {
  const inScope = scoped.getStore();
  if (inScope) return inScope;
  if (forProcess.hindsightProcessActor) return forProcess.hindsightProcessActor;
  return requestActor();
}

/** The name a revision or an audit entry is signed with. */
export function actorName(actor: Actor): string {
  if (actor.kind === "user") return actor.name;
  if (actor.kind === "operator") return "Operator (CLI)";
  return "Anonymous";
}

/** The person's id, when a person is acting. */
export function actorUserId(actor: Actor): string | null {
  return actor.kind === "user" ? actor.userId : null;
}
