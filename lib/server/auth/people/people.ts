import "server-only";
import { randomBytes, randomUUID } from "node:crypto";
import { isRole, type Role } from "@/lib/domain/access/roles";
import { AppError } from "@/lib/domain/errors";
import { getDb } from "../../db";
import { withWriteLock } from "../../write-lock";
import { currentActor, type Actor } from "../actor";
import { recordAudit } from "../audit";
import { requireRole } from "../require-access";
import { hashToken } from "../tokens/authenticate-token";
import { checkNewPassword, hashNewPassword, passwordMatches } from "./passwords";

export type Person = {
  id: string;
  name: string;
  email: string;
  role: Role;
  disabled: boolean;
  /** Has a password, an SSO link, or neither yet (invited). */
  signIn: "password" | "sso" | "password+sso" | "invited";
  createdAt: string;
};

export const INVITE_LIFETIME_MS = 7 * 86_400_000;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function normaliseEmail(email: string): string {
  const value = email.trim().toLowerCase();
  if (!EMAIL.test(value) || value.length > 254) throw new AppError("INVALID", "Enter an email address such as dana@example.com.", { fields: { email: ["Enter an email address such as dana@example.com."] } });
  return value;
}

function normaliseName(name: string): string {
  const value = name.replace(/[\u0000-\u001f\u007f]/g, "").trim();
  if (!value || value.length > 100) throw new AppError("INVALID", "Enter a name of 1 to 100 characters.", { fields: { name: ["Enter a name of 1 to 100 characters."] } });
  return value;
}

/** Whether anyone has an account yet (the setup screen shows until someone does). Asks for no credentials: it reveals only that. */
export async function hasAnyPerson(): Promise<boolean> {
  const db = await getDb();
  return (await db.user.count()) > 0;
}

/**
 * Creates a person (an admin's or the operator's doing). With a password they
 * can sign in at once; without one they get an invite link to set it.
 */
export async function addPerson(options: { name: string; email: string; role: Role; password?: string; ip?: string | null }): Promise<{ person: Person; inviteToken: string | null }> {
  const actor = await requireRole("admin");
  return createPerson({ ...options, actor });
}

/**
 * The first admin, from the setup screen: allowed only while nobody has an
 * account (checked again inside the write, so two browsers cannot both do it).
 */
export async function createFirstAdmin(options: { name: string; email: string; password: string; ip?: string | null }): Promise<Person> {
  const db = await getDb();
  const email = normaliseEmail(options.email);
  const name = normaliseName(options.name);
  checkNewPassword(options.password, { email, name });
  const hash = await hashNewPassword(options.password);
  const id = randomUUID();
  const created = await withWriteLock(() =>
    db.$transaction(async (tx) => {
      if ((await tx.user.count()) > 0) return false;
      await tx.user.create({ data: { id, name, email, role: "admin", emailVerified: true } });
      await tx.account.create({ data: { id: randomUUID(), accountId: id, providerId: "credential", userId: id, password: hash } });
      return true;
    }),
  );
  if (!created) throw new AppError("CONFLICT", "Hindsight is already set up: sign in instead.");
  await recordAudit({ kind: "setup", actor: { name, id }, subject: email, detail: "First admin created", ip: options.ip });
  return (await findPerson(id))!;
}

async function createPerson(options: { name: string; email: string; role: Role; password?: string; ip?: string | null; actor: Actor }): Promise<{ person: Person; inviteToken: string | null }> {
  const db = await getDb();
  const email = normaliseEmail(options.email);
  const name = normaliseName(options.name);
  if (!isRole(options.role)) throw new AppError("INVALID", "Choose viewer, editor or admin.", { fields: { role: ["Choose viewer, editor or admin."] } });
  if (options.password !== undefined) checkNewPassword(options.password, { email, name });
  const hash = options.password !== undefined ? await hashNewPassword(options.password) : null;
  const id = randomUUID();
  const inviteToken = hash ? null : randomBytes(32).toString("base64url");
  try {
    await withWriteLock(() =>
      db.$transaction(async (tx) => {
        await tx.user.create({ data: { id, name, email, role: options.role, emailVerified: false } });
        if (hash) await tx.account.create({ data: { id: randomUUID(), accountId: id, providerId: "credential", userId: id, password: hash } });
        if (inviteToken) await tx.invite.create({ data: { id: randomUUID(), userId: id, hash: hashToken(inviteToken), expiresAt: new Date(Date.now() + INVITE_LIFETIME_MS) } });
      }),
    );
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") {
      throw new AppError("CONFLICT", `${email} already has an account.`, { fields: { email: ["Already has an account"] } });
    }
    throw error;
  }
  await recordAudit({ kind: "person-added", actor: options.actor, subject: email, detail: `Role ${options.role}${inviteToken ? ", invited" : ", with a password"}`, ip: options.ip });
  return { person: (await findPerson(id))!, inviteToken };
}

/** A new invite link for someone (the old ones stop working): for a lost link, or to reset a forgotten password. */
export async function createInvite(options: { email: string; ip?: string | null }): Promise<{ inviteToken: string; person: Person }> {
  const actor = await requireRole("admin");
  const db = await getDb();
  const user = await db.user.findUnique({ where: { email: normaliseEmail(options.email) } });
  if (!user) throw new AppError("NOT_FOUND", `Nobody has the email ${options.email}.`);
  const inviteToken = randomBytes(32).toString("base64url");
  await withWriteLock(() =>
    db.$transaction([
      db.invite.deleteMany({ where: { userId: user.id } }),
      db.invite.create({ data: { id: randomUUID(), userId: user.id, hash: hashToken(inviteToken), expiresAt: new Date(Date.now() + INVITE_LIFETIME_MS) } }),
    ]),
  );
  await recordAudit({ kind: "invite-created", actor, subject: user.email, ip: options.ip });
  return { inviteToken, person: (await findPerson(user.id))! };
}

/** Who an invite link is for, while it is valid (for the page that sets the password). */
export async function findInvite(options: { token: string }): Promise<{ name: string; email: string } | null> {
  const db = await getDb();
  const invite = await db.invite.findUnique({ where: { hash: hashToken(options.token) }, include: { user: true } });
  if (!invite || invite.usedAt || invite.expiresAt.getTime() < Date.now() || invite.user.disabledAt) return null;
  return { name: invite.user.name, email: invite.user.email };
}

/** Sets the invited person's password (once: the link then stops working) and, if given, their name. */
export async function acceptInvite(options: { token: string; password: string; name?: string; ip?: string | null }): Promise<{ email: string }> {
  const db = await getDb();
  const invite = await db.invite.findUnique({ where: { hash: hashToken(options.token) }, include: { user: true } });
  if (!invite || invite.usedAt || invite.expiresAt.getTime() < Date.now() || invite.user.disabledAt) {
    throw new AppError("NOT_FOUND", "This invite link has expired or was already used. Ask an admin for a new one.");
  }
  const name = options.name ? normaliseName(options.name) : invite.user.name;
  checkNewPassword(options.password, { email: invite.user.email, name });
  const hash = await hashNewPassword(options.password);
  await withWriteLock(() =>
    db.$transaction(async (tx) => {
      const claimed = await tx.invite.updateMany({ where: { id: invite.id, usedAt: null }, data: { usedAt: new Date() } });
      if (claimed.count === 0) throw new AppError("NOT_FOUND", "This invite link was already used.");
      await tx.user.update({ where: { id: invite.userId }, data: { name, emailVerified: true } });
      const credential = await tx.account.findFirst({ where: { userId: invite.userId, providerId: "credential" } });
      if (credential) await tx.account.update({ where: { id: credential.id }, data: { password: hash } });
      else await tx.account.create({ data: { id: randomUUID(), accountId: invite.userId, providerId: "credential", userId: invite.userId, password: hash } });
      // A password reset ends every session that used the old one.
      await tx.session.deleteMany({ where: { userId: invite.userId } });
    }),
  );
  await recordAudit({ kind: "invite-accepted", actor: { name, id: invite.userId }, subject: invite.user.email, ip: options.ip });
  return { email: invite.user.email };
}

/** Everyone, admins first then by name (an admin's page). */
export async function listPeople(): Promise<Person[]> {
  await requireRole("admin");
  const db = await getDb();
  const users = await db.user.findMany({ include: { accounts: { select: { providerId: true } } }, orderBy: [{ name: "asc" }] });
  return users.map(toPerson).sort((a, b) => Number(b.role === "admin") - Number(a.role === "admin") || a.name.localeCompare(b.name));
}

/** Names and emails of the people who can be signed in (for the Authors field and the member picker). */
export async function listPeopleNames(): Promise<{ name: string; email: string }[]> {
  await requireRole("viewer");
  const db = await getDb();
  return db.user.findMany({ where: { disabledAt: null }, select: { name: true, email: true }, orderBy: { name: "asc" }, take: 2000 });
}

async function findPerson(id: string): Promise<Person | null> {
  const db = await getDb();
  const user = await db.user.findUnique({ where: { id }, include: { accounts: { select: { providerId: true } } } });
  return user ? toPerson(user) : null;
}

function toPerson(user: { id: string; name: string; email: string; role: string; disabledAt: Date | null; createdAt: Date; accounts: { providerId: string }[] }): Person {
  const hasPassword = user.accounts.some((account) => account.providerId === "credential");
  const hasSso = user.accounts.some((account) => account.providerId !== "credential");
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    role: isRole(user.role) ? user.role : "viewer",
    disabled: Boolean(user.disabledAt),
    signIn: hasPassword && hasSso ? "password+sso" : hasPassword ? "password" : hasSso ? "sso" : "invited",
    createdAt: user.createdAt.toISOString(),
  };
}

async function userByEmail(email: string) {
  const db = await getDb();
  const user = await db.user.findUnique({ where: { email: normaliseEmail(email) } });
  if (!user) throw new AppError("NOT_FOUND", `Nobody has the email ${email}.`);
  return user;
}

/** At least one enabled admin must remain, or nobody could manage people any more. */
async function checkNotLastAdmin(userId: string): Promise<void> {
  const db = await getDb();
  const others = await db.user.count({ where: { role: "admin", disabledAt: null, id: { not: userId } } });
  if (others === 0) throw new AppError("CONFLICT", "This is the last admin: make someone else an admin first.");
}

/** Changes a person's role. */
export async function setRole(options: { email: string; role: Role; ip?: string | null }): Promise<Person> {
  const actor = await requireRole("admin");
  if (!isRole(options.role)) throw new AppError("INVALID", "Choose viewer, editor or admin.", { fields: { role: ["Choose viewer, editor or admin."] } });
  const user = await userByEmail(options.email);
  if (user.role === options.role) return (await findPerson(user.id))!;
  if (user.role === "admin") await checkNotLastAdmin(user.id);
  const db = await getDb();
  await withWriteLock(() => db.user.update({ where: { id: user.id }, data: { role: options.role } }));
  await recordAudit({ kind: "role-changed", actor, subject: user.email, detail: `${user.role} → ${options.role}`, ip: options.ip });
  return (await findPerson(user.id))!;
}

/** Disables a person: they cannot sign in, and their sessions and tokens stop working at once. Their name stays on what they wrote. */
export async function setDisabled(options: { email: string; disabled: boolean; ip?: string | null }): Promise<Person> {
  const actor = await requireRole("admin");
  const user = await userByEmail(options.email);
  if (options.disabled && actor.kind === "user" && actor.userId === user.id) throw new AppError("CONFLICT", "You cannot disable yourself.");
  if (options.disabled && user.role === "admin") await checkNotLastAdmin(user.id);
  const db = await getDb();
  await withWriteLock(() =>
    db.$transaction([
      db.user.update({ where: { id: user.id }, data: { disabledAt: options.disabled ? new Date() : null } }),
      ...(options.disabled ? [db.session.deleteMany({ where: { userId: user.id } })] : []),
    ]),
  );
  await recordAudit({ kind: options.disabled ? "person-disabled" : "person-enabled", actor, subject: user.email, ip: options.ip });
  return (await findPerson(user.id))!;
}

/** The signed-in person changes their own name. */
export async function updateOwnName(options: { name: string }): Promise<Person> {
  const actor = await currentActor();
  if (actor.kind !== "user") throw new AppError("UNAUTHENTICATED", "Sign in first.");
  const name = normaliseName(options.name);
  const db = await getDb();
  await withWriteLock(() => db.user.update({ where: { id: actor.userId }, data: { name } }));
  await recordAudit({ kind: "person-updated", actor, subject: actor.email, detail: "Name changed" });
  return (await findPerson(actor.userId))!;
}

/** The signed-in person changes their own password (the current one first); their other sessions end. */
export async function changeOwnPassword(options: { currentPassword: string; newPassword: string; ip?: string | null }): Promise<void> {
  const actor = await currentActor();
  if (actor.kind !== "user" || actor.tokenId) throw new AppError("UNAUTHENTICATED", "Sign in in the browser to change your password.");
  const db = await getDb();
  const credential = await db.account.findFirst({ where: { userId: actor.userId, providerId: "credential" } });
  const wrong = "The current password is not right.";
  if (!credential?.password || !(await passwordMatches(credential.password, options.currentPassword))) {
    throw new AppError("INVALID", wrong, { fields: { currentPassword: [wrong] } });
  }
  checkNewPassword(options.newPassword, { email: actor.email, name: actor.name });
  const hash = await hashNewPassword(options.newPassword);
  await withWriteLock(() =>
    db.$transaction([
      db.account.update({ where: { id: credential.id }, data: { password: hash } }),
      db.session.deleteMany({ where: { userId: actor.userId, ...(actor.sessionId ? { id: { not: actor.sessionId } } : {}) } }),
    ]),
  );
  await recordAudit({ kind: "password-changed", actor, subject: actor.email, ip: options.ip });
}
