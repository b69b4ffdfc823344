import "server-only";
import { randomBytes, randomUUID } from "node:crypto";
import { TOKEN_PREFIX } from "@/lib/domain/access/tokens";
import { AppError } from "@/lib/domain/errors";
import { getDb } from "../../db";
import { withWriteLock } from "../../write-lock";
import { recordAudit } from "../audit";
import { requireRole, seesEverything } from "../require-access";
import { hashToken } from "./authenticate-token";

export type TokenSummary = {
  id: string;
  name: string;
  /** The token's first characters ("hsp_AbC1…"), to tell tokens apart. */
  prefix: string;
  readOnly: boolean;
  owner: { name: string; email: string };
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
};

const MAX_EXPIRY_DAYS = 3650;

/**
 * Creates a personal access token for `email` (yourself; an admin or the
 * operator for anyone). The token is returned once and only its SHA-256 kept.
 */
export async function createToken(options: { email?: string; name: string; readOnly?: boolean; expiresInDays?: number; ip?: string | null }): Promise<{ token: string; summary: TokenSummary }> {
  const actor = await requireRole("viewer");
  if (actor.kind === "user" && actor.tokenId) throw new AppError("FORBIDDEN", "A token cannot make tokens: sign in to make one.");
  const db = await getDb();
  const email = options.email?.trim().toLowerCase() ?? (actor.kind === "user" ? actor.email : undefined);
  if (!email) throw new AppError("INVALID", "Name the person the token is for.", { fields: { email: ["Required"] } });
  const owner = await db.user.findUnique({ where: { email } });
  if (!owner) throw new AppError("NOT_FOUND", `Nobody has the email ${email}.`);
  if (!seesEverything(actor) && !(actor.kind === "user" && actor.userId === owner.id)) throw new AppError("FORBIDDEN", "Only admins make tokens for other people.");
  if (owner.disabledAt) throw new AppError("CONFLICT", `${email} is disabled.`);
  const name = options.name.replace(/[\u0000-\u001f\u007f]/g, "").trim();
  if (!name || name.length > 100) throw new AppError("INVALID", "Name the token (1 to 100 characters), say after the bot that uses it.", { fields: { name: ["Name the token (1 to 100 characters)"] } });
  const days = options.expiresInDays;
  if (days !== undefined && (!Number.isInteger(days) || days < 1 || days > MAX_EXPIRY_DAYS)) {
    throw new AppError("INVALID", `Expiry must be a whole number of days from 1 to ${MAX_EXPIRY_DAYS}.`, { fields: { expiresInDays: ["1 to 3650 days"] } });
  }
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  const id = randomUUID();
  await withWriteLock(() =>
    db.apiToken.create({
      data: {
        id,
        userId: owner.id,
        name,
        hash: hashToken(token),
        prefix: token.slice(0, TOKEN_PREFIX.length + 6),
        readOnly: options.readOnly ?? false,
        expiresAt: days ? new Date(Date.now() + days * 86_400_000) : null,
      },
    }),
  );
  await recordAudit({ kind: "token-created", actor, subject: `${name} (${owner.email})`, detail: options.readOnly ? "read-only" : "", ip: options.ip });
  const [summary] = await summaries({ id });
  return { token, summary };
}

/** Tokens: your own; an admin or the operator sees everyone's (`all`). */
export async function listTokens(options: { all?: boolean; email?: string } = {}): Promise<TokenSummary[]> {
  const actor = await requireRole("viewer");
  if (options.all || options.email) {
    if (!seesEverything(actor)) throw new AppError("FORBIDDEN", "Only admins see other people's tokens.");
    return summaries(options.email ? { user: { email: options.email.trim().toLowerCase() } } : {});
  }
  if (actor.kind !== "user") return summaries({});
  return summaries({ userId: actor.userId });
}

/** Revokes a token (yours; an admin's or the operator's: anyone's). It stops working at once. */
export async function revokeToken(options: { id: string; ip?: string | null }): Promise<TokenSummary> {
  const actor = await requireRole("viewer");
  const db = await getDb();
  const row = await db.apiToken.findFirst({ where: { OR: [{ id: options.id }, { prefix: options.id }] }, include: { user: true } });
  const mayRevoke = row && (seesEverything(actor) || (actor.kind === "user" && actor.userId === row.userId));
  if (!row || !mayRevoke) throw new AppError("NOT_FOUND", `No token has the id ${options.id}.`);
  if (!row.revokedAt) {
    await withWriteLock(() => db.apiToken.update({ where: { id: row.id }, data: { revokedAt: new Date() } }));
    await recordAudit({ kind: "token-revoked", actor, subject: `${row.name} (${row.user.email})`, ip: options.ip });
  }
  const [summary] = await summaries({ id: row.id });
  return summary;
}

async function summaries(where: Record<string, unknown>): Promise<TokenSummary[]> {
  const db = await getDb();
  const rows = await db.apiToken.findMany({ where, include: { user: { select: { name: true, email: true } } }, orderBy: { createdAt: "desc" } });
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    readOnly: row.readOnly,
    owner: row.user,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  }));
}
