import "server-only";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { APIError } from "better-auth/api";
import { genericOAuth } from "better-auth/plugins/generic-oauth";
import { nextCookies } from "better-auth/next-js";
import { getConfig } from "../config";
import { getDb } from "../db";
import { getSecret } from "./secret";
import { afterAuthEndpoint, beforeAuthEndpoint } from "./sign-in-hooks";
import { ssoProfileCheck, SSO_PROVIDER_ID } from "./sso";

/**
 * better-auth does the parts we must not write ourselves (decision 021):
 * password hashing (scrypt), session ids and signed cookies, the OpenID
 * Connect code flow with PKCE, and the origin check on its own endpoints.
 * Roles, invites, tokens, throttling and the audit log are ours.
 */
async function createAuth() {
  const config = getConfig();
  const db = await getDb();
  const publicUrl = config.HINDSIGHT_PUBLIC_URL;
  const idleSeconds = Math.round(config.HINDSIGHT_SESSION_IDLE_HOURS * 3600);
  return betterAuth({
    appName: "Hindsight",
    // Without a public URL, links and the SSO redirect use the host each request names (as the rest of the app does).
    baseURL: publicUrl ?? { allowedHosts: ["*"], protocol: "http" },
    secret: await getSecret(),
    database: prismaAdapter(db, { provider: "sqlite" }),
    telemetry: { enabled: false },
    emailAndPassword: {
      enabled: config.HINDSIGHT_PASSWORD_LOGIN,
      // People are added by an admin (invite) or the CLI, never by signing up.
      disableSignUp: true,
      minPasswordLength: 12,
      maxPasswordLength: 256,
      autoSignIn: false,
    },
    session: {
      expiresIn: idleSeconds,
      // Sliding expiry: extended when used, at most once an hour (each extension is a write).
      updateAge: Math.min(3600, Math.max(60, Math.floor(idleSeconds / 4))),
      cookieCache: { enabled: false },
    },
    user: {
      additionalFields: {
        role: { type: "string", required: false, input: false, defaultValue: config.HINDSIGHT_OIDC_DEFAULT_ROLE },
        disabledAt: { type: "date", required: false, input: false },
      },
    },
    account: {
      // A first SSO sign-in with the email of an existing account signs in to that account.
      accountLinking: { enabled: true, trustedProviders: [SSO_PROVIDER_ID], allowDifferentEmails: false },
    },
    // We throttle sign-ins ourselves, per account and per client address (throttle.ts, sign-in-hooks.ts).
    rateLimit: { enabled: false },
    hooks: { before: beforeAuthEndpoint, after: afterAuthEndpoint },
    advanced: {
      cookiePrefix: "hindsight",
      useSecureCookies: publicUrl?.startsWith("https:") ?? false,
      // The client address comes from our own header (client-address.ts), never straight from X-Forwarded-For.
      ipAddress: { ipAddressHeaders: ["x-hindsight-client-ip"] },
      database: { generateId: () => crypto.randomUUID() },
    },
    databaseHooks: {
      user: {
        create: {
          before: async (user) => {
            const decision = ssoProfileCheck(user as { email: string; role?: unknown } & Record<string, unknown>);
            if (!decision.ok) throw new APIError("FORBIDDEN", { message: decision.message });
            return { data: { ...user, role: decision.role } };
          },
        },
      },
      session: {
        create: {
          // A disabled person gets no new session, whichever way they sign in.
          before: async (session) => {
            const user = await db.user.findUnique({ where: { id: session.userId }, select: { disabledAt: true } });
            if (!user || user.disabledAt) throw new APIError("FORBIDDEN", { message: "This account is disabled. Ask an admin." });
            return { data: session };
          },
        },
      },
    },
    plugins: [
      ...(config.HINDSIGHT_OIDC_ISSUER && config.HINDSIGHT_OIDC_CLIENT_ID
        ? [
            genericOAuth({
              config: [
                {
                  providerId: SSO_PROVIDER_ID,
                  name: config.HINDSIGHT_OIDC_NAME ?? "single sign-on",
                  discoveryUrl: `${config.HINDSIGHT_OIDC_ISSUER.replace(/\/$/, "")}/.well-known/openid-configuration`,
                  clientId: config.HINDSIGHT_OIDC_CLIENT_ID,
                  clientSecret: config.HINDSIGHT_OIDC_CLIENT_SECRET,
                  scopes: ["openid", "email", "profile"],
                  pkce: true,
                  requireIdTokenVerification: true,
                  overrideUserInfo: false,
                  mapProfileToUser: (profile) => ({ role: ssoRoleOf(profile) }),
                },
              ],
            }),
          ]
        : []),
      nextCookies(),
    ],
  });
}

/** The role a first SSO sign-in gets: the role claim mapped, else the default. */
function ssoRoleOf(profile: Record<string, unknown>): string {
  const config = getConfig();
  const claim = config.HINDSIGHT_OIDC_ROLE_CLAIM;
  if (!claim) return config.HINDSIGHT_OIDC_DEFAULT_ROLE;
  const raw = profile[claim];
  const values = (Array.isArray(raw) ? raw : [raw]).map(String);
  for (const role of ["admin", "editor", "viewer"] as const) {
    if (values.some((value) => config.HINDSIGHT_OIDC_ROLE_MAP[value] === role)) return role;
  }
  return config.HINDSIGHT_OIDC_DEFAULT_ROLE;
}

export type Auth = Awaited<ReturnType<typeof createAuth>>;

const globalForAuth = globalThis as unknown as { hindsightAuth?: Promise<Auth> };

/** The process-wide better-auth instance. */
export function getAuth(): Promise<Auth> {
  if (!globalForAuth.hindsightAuth) {
    globalForAuth.hindsightAuth = createAuth();
    globalForAuth.hindsightAuth.catch(() => {
      globalForAuth.hindsightAuth = undefined;
    });
  }
  return globalForAuth.hindsightAuth;
}
