import "server-only";
import { redirect } from "next/navigation";
import { roleAtLeast, type Role } from "@/lib/domain/access/roles";
import { currentActor } from "./actor";
import { hasAnyPerson } from "./people/people";
import type { KnownActor } from "./require-access";

/** The signed-in person a page shows, as the page needs to know them (role for what to offer, name for the menu). */
export type PageViewer = { kind: "user"; userId: string; name: string; email: string; role: Role } | { kind: "operator"; name: string; role: Role };

/**
 * For pages: the signed-in actor, or a redirect — to /setup while nobody has
 * an account, else to /login?next=<path>. The data-access functions check
 * again (this only decides where an anonymous visitor goes).
 */
export async function requirePageActor(options: { path: string }): Promise<KnownActor> {
  const actor = await currentActor();
  if (actor.kind !== "anonymous") return actor;
  if (!(await hasAnyPerson())) redirect("/setup");
  redirect(`/login?next=${encodeURIComponent(safeNextPath(options.path))}`);
}

/** What a page may offer: whether the viewer's role reaches `needed`. */
export function mayDo(actor: KnownActor, needed: Role): boolean {
  return actor.kind === "operator" || roleAtLeast(actor.role, needed);
}

/** A `next` path that stays on this site: "/x?y" kept, "//evil.test" or "https://…" become "/". */
export function safeNextPath(value: string | null | undefined): string {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\") || /[\u0000-\u001f]/.test(value)) return "/";
  return value.slice(0, 2000);
}
