import "server-only";
import { AppError } from "@/lib/domain/errors";
import { getDb } from "../db";

/** Failed sign-ins allowed per account, and per client address, within the window. */
export const FAILURES_PER_ACCOUNT = 5;
export const FAILURES_PER_ADDRESS = 20;
export const THROTTLE_WINDOW_MS = 15 * 60_000;

function keysOf(email: string, ip: string | null): { account: string; address: string | null } {
  return { account: `account:${email.trim().toLowerCase()}`, address: ip ? `ip:${ip}` : null };
}

/**
 * Refuses a sign-in attempt (TOO_MANY_REQUESTS) when the account or the client
 * address has failed too often lately, before any password is checked. The
 * same answer whether the account exists or not.
 */
export async function checkSignInThrottle(options: { email: string; ip: string | null; now?: Date }): Promise<void> {
  const db = await getDb();
  const since = new Date((options.now ?? new Date()).getTime() - THROTTLE_WINDOW_MS);
  const { account, address } = keysOf(options.email, options.ip);
  const [byAccount, byAddress] = await Promise.all([
    db.loginFailure.count({ where: { key: account, at: { gt: since } } }),
    address ? db.loginFailure.count({ where: { key: address, at: { gt: since } } }) : Promise.resolve(0),
  ]);
  if (byAccount >= FAILURES_PER_ACCOUNT || byAddress >= FAILURES_PER_ADDRESS) {
    throw new AppError("TOO_MANY_REQUESTS", `Too many failed sign-ins. Wait ${THROTTLE_WINDOW_MS / 60_000} minutes and try again, or ask an admin.`);
  }
}

/** Counts a failed sign-in against the account and the address (and forgets failures older than the window). */
export async function recordSignInFailure(options: { email: string; ip: string | null; now?: Date }): Promise<void> {
  const db = await getDb();
  const now = options.now ?? new Date();
  const { account, address } = keysOf(options.email, options.ip);
  await db.$transaction([
    db.loginFailure.deleteMany({ where: { at: { lt: new Date(now.getTime() - THROTTLE_WINDOW_MS) } } }),
    db.loginFailure.createMany({ data: [{ key: account, at: now }, ...(address ? [{ key: address, at: now }] : [])] }),
  ]);
}

/** A successful sign-in clears the account's failures (not the address's: one good password does not vouch for others). */
export async function clearSignInFailures(options: { email: string }): Promise<void> {
  const db = await getDb();
  await db.loginFailure.deleteMany({ where: { key: keysOf(options.email, null).account } });
}
