import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { isRole } from "@/lib/domain/access/roles";
import { getConfig } from "../config";
import { getDb } from "../db";
import { ANONYMOUS, type Actor } from "./actor";
import { sessionUpdateAgeSeconds } from "./session-policy";
import { getSecret } from "./secret";
import { SESSION_COOKIE_NAMES, hasSessionCookie } from "./session-cookie";
import { actorForToken, bearerTokenOf } from "./tokens/authenticate-token";

/**
 * Who a request comes from: an `Authorization: Bearer` token, or a session
 * cookie that is validly signed, within its idle and absolute lifetimes, of
 * a person who is not disabled. Anything else is anonymous.
 *
 * The session is checked here rather than through better-auth's getSession
 * (6 ms a request, measured): the cookie is better-auth's `token.signature`
 * (HMAC-SHA256 of the token with our secret, base64), so one HMAC and one
 * indexed read decide it. Sliding expiry is ours too, written at most once
 * per sessionUpdateAgeSeconds(), so that reading stays reading.
 */
export async function authenticate(headers: Headers): Promise<Actor> {
  const token = bearerTokenOf(headers.get("authorization"));
  if (token !== undefined) return token === null ? ANONYMOUS : actorForToken(token);
  const cookieHeader = headers.get("cookie");
  if (!hasSessionCookie(cookieHeader)) return ANONYMOUS;
  const sessionToken = verifiedSessionToken(sessionCookieOf(cookieHeader), await getSecret());
  return sessionToken ? actorForSession(sessionToken) : ANONYMOUS;
}

type SessionRow = { id: string; expiresAt: unknown; createdAt: unknown; updatedAt: unknown; userId: string; email: string; name: string; role: string; disabledAt: unknown };

async function actorForSession(sessionToken: string): Promise<Actor> {
  const db = await getDb();
  const [row] = await db.$queryRaw<SessionRow[]>`
    SELECT s.id, s.expiresAt, s.createdAt, s.updatedAt, u.id AS userId, u.email, u.name, u.role, u.disabledAt
    FROM "Session" s JOIN "User" u ON u.id = s.userId WHERE s.token = ${sessionToken}`;
  if (!row || row.disabledAt !== null || !isRole(row.role)) return ANONYMOUS;
  const config = getConfig();
  const now = Date.now();
  const idleMs = config.HINDSIGHT_SESSION_IDLE_HOURS * 3_600_000;
  const lastUse = timeOf(row.updatedAt);
  const expired = !(timeOf(row.expiresAt) > now) || timeOf(row.createdAt) + config.HINDSIGHT_SESSION_MAX_DAYS * 86_400_000 <= now || !(lastUse + idleMs > now);
  if (expired) {
    // Past its idle or absolute lifetime: the session ends for good.
    await db.session.deleteMany({ where: { id: row.id } }).catch(() => undefined);
    return ANONYMOUS;
  }
  if (now - lastUse > sessionUpdateAgeSeconds(idleMs / 1000) * 1000) {
    await db.session.updateMany({ where: { id: row.id }, data: { updatedAt: new Date(now) } }).catch(() => undefined);
  }
  return { kind: "user", userId: row.userId, email: row.email, name: row.name, role: row.role, sessionId: row.id };
}

/** The session cookie's value (URL-decoded), or null. */
function sessionCookieOf(cookieHeader: string | null): string | null {
  for (const part of (cookieHeader ?? "").split(";")) {
    const at = part.indexOf("=");
    if (at > 0 && SESSION_COOKIE_NAMES.includes(part.slice(0, at).trim())) {
      try {
        return decodeURIComponent(part.slice(at + 1).trim());
      } catch {
        return null;
      }
    }
  }
  return null;
}

/** The token of a `token.signature` cookie whose signature is ours, or null (a forged or malformed cookie counts as none). */
export function verifiedSessionToken(value: string | null, secret: string): string | null {
  if (!value || value.length > 500) return null;
  const dot = value.lastIndexOf(".");
  if (dot <= 0) return null;
  const token = value.slice(0, dot);
  const signature = Buffer.from(value.slice(dot + 1), "base64");
  const expected = createHmac("sha256", secret).update(token).digest();
  return signature.length === expected.length && timingSafeEqual(signature, expected) ? token : null;
}

/** Prisma keeps SQLite DateTimes as ISO text (or milliseconds, written by others). */
function timeOf(value: unknown): number {
  if (value instanceof Date) return value.getTime();
  if (typeof value === "number" || typeof value === "bigint") return Number(value);
  return typeof value === "string" ? Date.parse(value) : Number.NaN;
}
