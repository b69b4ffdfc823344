import "server-only";
import { isRole } from "@/lib/domain/access/roles";
import { getConfig } from "../config";
import { getDb } from "../db";
import { ANONYMOUS, type Actor } from "./actor";
import { getAuth } from "./better-auth";
import { hasSessionCookie } from "./session-cookie";
import { actorForToken, bearerTokenOf } from "./tokens/authenticate-token";

/**
 * Who a request comes from: an `Authorization: Bearer` token, or a session
 * cookie that is valid, within its idle and absolute lifetimes, of a person
 * who is not disabled. Anything else is anonymous.
 */
export async function authenticate(headers: Headers): Promise<Actor> {
  const token = bearerTokenOf(headers.get("authorization"));
  if (token !== undefined) return token === null ? ANONYMOUS : actorForToken(token);
  if (!hasSessionCookie(headers.get("cookie"))) return ANONYMOUS;
  const auth = await getAuth();
  let found: Awaited<ReturnType<typeof auth.api.getSession>>;
  try {
    found = await auth.api.getSession({ headers });
  } catch {
    return ANONYMOUS; // A malformed or forged cookie counts as none.
  }
  if (!found) return ANONYMOUS;
  const { session, user } = found;
  const maxAgeMs = getConfig().HINDSIGHT_SESSION_MAX_DAYS * 86_400_000;
  const userRow = user as typeof user & { role?: unknown; disabledAt?: Date | null };
  if (userRow.disabledAt || !isRole(userRow.role) || new Date(session.createdAt).getTime() + maxAgeMs < Date.now()) {
    if (userRow.disabledAt || !isRole(userRow.role)) return ANONYMOUS;
    // Past the absolute lifetime: the session ends for good.
    const db = await getDb();
    await db.session.deleteMany({ where: { id: session.id } });
    return ANONYMOUS;
  }
  return { kind: "user", userId: user.id, email: user.email, name: user.name, role: userRow.role, sessionId: session.id };
}
