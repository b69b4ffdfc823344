import "server-only";
import type { BetterAuthPlugin, ValidateUserInfoResult, ValidateUserInfoSource } from "better-auth";
import { callbackOAuth, createAuthEndpoint, signInSocial } from "better-auth/api";
import * as z from "zod";
import { isRole, ROLES, type Role } from "@/lib/domain/access/roles";
import { getConfig } from "../config";

/** better-auth's id for our one OpenID provider; its redirect URI is <public URL>/api/auth/oauth2/callback/sso. */
export const SSO_PROVIDER_ID = "sso";

/** Whether single sign-on is set up, and the name its button shows. */
export function ssoSettings(): { enabled: boolean; name: string; passwordLogin: boolean } {
  const config = getConfig();
  return {
    enabled: Boolean(config.HINDSIGHT_OIDC_ISSUER),
    name: config.HINDSIGHT_OIDC_NAME ?? "single sign-on",
    passwordLogin: config.HINDSIGHT_PASSWORD_LOGIN,
  };
}

/** The error codes a refused SSO sign-in comes back to the login page with (`/login?error=sso&error=<code>`). */
export const SSO_ERRORS = {
  domainNotAllowed: "email_domain_not_allowed",
  disabled: "account_disabled",
} as const;

/**
 * What to tell someone whom single sign-on brought back to the login page
 * without a session, from the error codes in its query (`?error=sso&error=<code>`):
 * ours above, better-auth's, or the provider's own OAuth codes. Never the
 * provider's free-text description.
 */
export function ssoProblemMessage(codes: string[]): string | null {
  if (codes.length === 0) return null;
  const known: Record<string, string> = {
    [SSO_ERRORS.domainNotAllowed]: "Single sign-on is not allowed for your email address's domain here. Ask an admin.",
    [SSO_ERRORS.disabled]: "Your account is disabled. Ask an admin.",
    access_denied: "Sign-in was cancelled at the provider.",
    email_not_found: "The provider did not give your email address. Ask an admin to check the single sign-on settings.",
    unable_to_link_account: "Your sign-in could not be linked to your Hindsight account. Ask an admin.",
    account_not_linked: "Your sign-in could not be linked to your Hindsight account. Ask an admin.",
  };
  const code = codes.find((value) => value !== "sso" && /^[a-z0-9_]{1,60}$/i.test(value));
  if (code && Object.hasOwn(known, code)) return known[code];
  const base = "Single sign-on did not sign you in. Try again, or ask an admin to check your account.";
  return code ? `${base} (${code.replaceAll("_", " ")})` : base;
}

/**
 * The value of the role claim in a provider profile (ID token claims or user
 * info). A dotted name reaches into nested claims, such as Keycloak's
 * `realm_access.roles`, when no claim has that exact name.
 */
function claimValues(profile: Record<string, unknown>, claim: string): string[] {
  let raw: unknown = profile[claim];
  if (raw === undefined && claim.includes(".")) {
    raw = claim.split(".").reduce<unknown>((value, key) => (value && typeof value === "object" ? (value as Record<string, unknown>)[key] : undefined), profile);
  }
  if (raw === undefined || raw === null) return [];
  return (Array.isArray(raw) ? raw : [raw]).filter((value) => typeof value === "string" || typeof value === "number").map(String);
}

/** The role a first SSO sign-in gets: the highest role the role claim's values map to, else the default. */
export function ssoRoleOf(profile: Record<string, unknown> | undefined): Role {
  const config = getConfig();
  const claim = config.HINDSIGHT_OIDC_ROLE_CLAIM;
  if (!claim || !profile) return config.HINDSIGHT_OIDC_DEFAULT_ROLE;
  const mapped = claimValues(profile, claim)
    .map((value) => config.HINDSIGHT_OIDC_ROLE_MAP[value])
    .filter(isRole);
  for (const role of [...ROLES].reverse()) if (mapped.includes(role)) return role;
  return config.HINDSIGHT_OIDC_DEFAULT_ROLE;
}

/** Whether single sign-on may be used with this email (HINDSIGHT_OIDC_ALLOWED_DOMAINS; any when unset). */
export function ssoEmailAllowed(email: string): { ok: true } | { ok: false; message: string } {
  const allowed = getConfig().HINDSIGHT_OIDC_ALLOWED_DOMAINS;
  const domain = email.includes("@") ? email.split("@").pop()!.toLowerCase() : "";
  if (allowed.length === 0 || (domain && allowed.includes(domain))) return { ok: true };
  return { ok: false, message: `Single sign-on with ${domain ? `@${domain}` : "this"} addresses is not allowed here. Ask an admin.` };
}

/**
 * The roles worked out for people being created by a first SSO sign-in, keyed
 * by the request's better-auth endpoint context: set by `ssoValidateUserInfo`
 * (which sees the provider's raw claims), read by the user-create hook (which
 * sees only the row about to be written) a moment later in the same request.
 */
const pendingRoles = new WeakMap<object, Role>();

/**
 * better-auth's `user.validateUserInfo` gate, for our provider. It runs before
 * a person is created (create-user), before an SSO login is linked to an
 * existing person (link-account), and at every later SSO sign-in (sign-in),
 * with the provider's claims. It refuses emails outside the allowed domains
 * each time (nobody is created, nothing is linked), and notes the role a new
 * person gets from the role claim.
 */
export function ssoValidateUserInfo(
  data: { user: Record<string, unknown>; source: ValidateUserInfoSource },
  context: object,
): ValidateUserInfoResult | void {
  const { source } = data;
  if (source.method !== "oauth" || source.oauth?.providerId !== SSO_PROVIDER_ID) return;
  const email = typeof data.user.email === "string" ? data.user.email : "";
  const allowed = ssoEmailAllowed(email);
  if (!allowed.ok) return { error: SSO_ERRORS.domainNotAllowed, errorDescription: allowed.message };
  if (source.action === "create-user") pendingRoles.set(context, ssoRoleOf(source.oauth?.profile));
}

/** The role of a person better-auth is creating: the one SSO worked out for this request, else the default. */
export function roleForNewPerson(context: object | null | undefined): Role {
  const role = context ? pendingRoles.get(context) : undefined;
  return isRole(role) ? role : getConfig().HINDSIGHT_OIDC_DEFAULT_ROLE;
}

/** The callback path we register at the provider, under /api/auth. */
const callbackPathOf = (providerId: string) => `/oauth2/callback/${providerId}`;

type ProviderLike = { id: string; callbackPath?: string };

/** Sets our callback path on the provider (genericOAuth builds it at start, or again once discovery succeeds after a failure). */
function useOurCallbackPath(providers: ProviderLike[], providerId: string): void {
  const provider = providers.find((candidate) => candidate.id === providerId);
  if (provider) provider.callbackPath = callbackPathOf(providerId);
}

/**
 * Hindsight's two SSO endpoints: POST /api/auth/sign-in/oauth2 (the login
 * page's button; answers `{ url }`, the provider's authorization URL) and
 * GET /api/auth/oauth2/callback/:providerId (the redirect URI registered at
 * the provider).
 *
 * better-auth 1.7's genericOAuth plugin no longer has endpoints of its own:
 * its providers go through the core's /sign-in/social and /callback/:id,
 * and our /sign-in/oauth2 and /oauth2/callback/sso (what the login page,
 * the route's allow-list, the audit hook and .env.example's redirect URI
 * use) answered 404. These two run the core endpoints' own code (state,
 * PKCE, nonce, code exchange, ID token verification, account linking),
 * called directly so that better-auth's hooks run once, with our paths; the
 * provider is given our callback path so that the redirect_uri sent in the
 * authorization request and in the token request is this one.
 */
export function ssoEndpoints(): BetterAuthPlugin {
  const socialSignIn = signInSocial();
  // The core callback's own options (methods, query and body schemas), without the middleware list
  // createAuthEndpoint adds again; and its own operationId, which must stay unique.
  const { use: _use, operationId: _operationId, ...callbackOptions } = callbackOAuth.options as typeof callbackOAuth.options & { use?: unknown };
  return {
    id: "hindsight-sso",
    endpoints: {
      ssoSignIn: createAuthEndpoint(
        "/sign-in/oauth2",
        {
          method: "POST",
          body: z.object({
            providerId: z.string().min(1).max(60),
            callbackURL: z.string().optional(),
            errorCallbackURL: z.string().optional(),
            newUserCallbackURL: z.string().optional(),
            disableRedirect: z.boolean().optional(),
          }),
        },
        async (ctx) => {
          const { providerId, ...urls } = ctx.body;
          useOurCallbackPath(ctx.context.socialProviders as ProviderLike[], providerId);
          const { headers, response } = await socialSignIn({
            ...ctx,
            body: { provider: providerId, ...urls },
            asResponse: false,
            returnHeaders: true,
          });
          // The state cookie that ties the callback to this browser, and the Location.
          for (const cookie of headers.getSetCookie()) ctx.responseHeaders?.append("set-cookie", cookie);
          const location = headers.get("location");
          if (location) ctx.setHeader("location", location);
          return ctx.json(response);
        },
      ),
      ssoCallback: createAuthEndpoint("/oauth2/callback/:id", callbackOptions, async (ctx) => {
        useOurCallbackPath(ctx.context.socialProviders as ProviderLike[], ctx.params.id);
        // It ends by throwing a redirect (to the app, or to the error URL) that carries its cookies.
        return callbackOAuth({ ...ctx, asResponse: false, returnHeaders: false });
      }),
    },
  };
}
