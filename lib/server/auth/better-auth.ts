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
import { roleForNewPerson, SSO_ERRORS, SSO_PROVIDER_ID, ssoEndpoints, ssoValidateUserInfo } from "./sso";

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
  return betterAuth({
    appName: "Hindsight",
    // Without a public URL, links and the SSO redirect use the host each request names (as the rest of the app does).
    baseURL: publicUrl ?? { allowedHosts: ["*"], protocol: "http", fallback: "http://localhost" },
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
      // A session (and its cookie) lasts at most HINDSIGHT_SESSION_MAX_DAYS; the idle lifetime is checked by
      // authenticate.ts against the last use (updatedAt, written at most every sessionUpdateAgeSeconds()),
      // since a cookie's own Max-Age could only be renewed by answers that set it again.
      expiresIn: config.HINDSIGHT_SESSION_MAX_DAYS * 86_400,
      updateAge: config.HINDSIGHT_SESSION_MAX_DAYS * 86_400,
      cookieCache: { enabled: false },
    },
    user: {
      // Single sign-on's allowed email domains, checked before anyone is created or linked (sso.ts).
      validateUserInfo: ssoValidateUserInfo,
      additionalFields: {
        role: { type: "string", required: false, input: false, defaultValue: config.HINDSIGHT_OIDC_DEFAULT_ROLE },
        disabledAt: { type: "date", required: false, input: false },
      },
    },
    account: {
      // A first SSO sign-in with the email of an existing account signs in to that account.
      // better-auth links only to a local account whose email is verified (requireLocalEmailVerified),
      // which guards apps where anyone can sign up with someone else's address before they arrive by
      // SSO. Nobody signs up here: every account was made by an admin or the operator, who vouched for
      // its email, and people added by an admin stay unverified until they accept an invite, so the
      // check would refuse exactly the people SSO should let in.
      accountLinking: { enabled: true, trustedProviders: [SSO_PROVIDER_ID], allowDifferentEmails: false, requireLocalEmailVerified: false },
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
          // Only a first SSO sign-in creates people through better-auth (sign-up is off); its role was
          // worked out from the provider's claims by ssoValidateUserInfo, which also refused the email
          // if its domain is not allowed.
          before: async (user, context) => ({ data: { ...user, role: roleForNewPerson(context) } }),
        },
      },
      session: {
        create: {
          // A disabled person gets no new session, whichever way they sign in.
          before: async (session) => {
            const user = await db.user.findUnique({ where: { id: session.userId }, select: { disabledAt: true } });
            // The code brings an SSO sign-in back to the login page with this reason (sso.ts).
            if (!user || user.disabledAt) throw new APIError("FORBIDDEN", { code: SSO_ERRORS.disabled, message: "This account is disabled. Ask an admin." });
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
                  // Discovery works over http as over https (a provider on loopback, in tests); the endpoints,
                  // the issuer and the signing keys all come from this document. If the provider cannot be
                  // reached when the app starts, better-auth asks again at the next sign-in.
                  discoveryUrl: `${config.HINDSIGHT_OIDC_ISSUER.replace(/\/$/, "")}/.well-known/openid-configuration`,
                  clientId: config.HINDSIGHT_OIDC_CLIENT_ID,
                  clientSecret: config.HINDSIGHT_OIDC_CLIENT_SECRET,
                  scopes: ["openid", "email", "profile"],
                  // Authorization code with PKCE (S256), a nonce bound to the browser's state, and the ID token's
                  // signature, issuer and audience checked against the discovered keys: a provider whose discovery
                  // gives no issuer and jwks_uri is refused rather than trusted.
                  pkce: true,
                  authentication: config.HINDSIGHT_OIDC_TOKEN_AUTH,
                  requireIdTokenVerification: true,
                  overrideUserInfo: false,
                  // No mapProfileToUser: better-auth drops a `role` it returns (the field is input: false, so that
                  // no request can set it), so the role claim is read in ssoValidateUserInfo instead (sso.ts).
                },
              ],
            }),
            ssoEndpoints(),
          ]
        : []),
      nextCookies(),
    ],
  });
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
