import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";
import { isRole } from "@/lib/domain/access/roles";
import { bearerTokenOf as readBearer } from "@/lib/domain/access/tokens";
import { getDb } from "../../db";
import { ANONYMOUS, type Actor } from "../actor";

export const bearerTokenOf = readBearer;

/** The stored form of a token: its SHA-256, hex (tokens are 256 random bits: no salt or slow hash needed). */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Last-use times are written at most this often per token, so that reads stay reads (and cached answers stay cached). */
const LAST_USED_GRANULARITY_MS = 5 * 60_000;

/** The person a token acts for, with its owner's role (viewer when read-only); anonymous when unknown, revoked, expired or disabled. */
export async function actorForToken(token: string): Promise<Actor> {
  const hash = hashToken(token);
  const db = await getDb();
  const row = await db.apiToken.findUnique({
    where: { hash },
    select: { id: true, hash: true, readOnly: true, expiresAt: true, revokedAt: true, lastUsedAt: true, user: { select: { id: true, email: true, name: true, role: true, disabledAt: true } } },
  });
  // The index found it by hash; comparing again in constant time costs nothing and leaks nothing.
  if (!row || !timingSafeEqual(Buffer.from(row.hash), Buffer.from(hash))) return ANONYMOUS;
  const now = Date.now();
  if (row.revokedAt || (row.expiresAt && row.expiresAt.getTime() <= now) || row.user.disabledAt || !isRole(row.user.role)) return ANONYMOUS;
  if (!row.lastUsedAt || row.lastUsedAt.getTime() < now - LAST_USED_GRANULARITY_MS) {
    await db.apiToken.updateMany({ where: { id: row.id }, data: { lastUsedAt: new Date(now) } }).catch(() => undefined);
  }
  return {
    kind: "user",
    userId: row.user.id,
    email: row.user.email,
    name: row.user.name,
    role: row.readOnly ? "viewer" : row.user.role,
    tokenId: row.id,
  };
}
