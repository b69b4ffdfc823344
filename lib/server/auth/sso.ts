import "server-only";
import { isRole, type Role } from "@/lib/domain/access/roles";
import { getConfig } from "../config";

/** better-auth's id for our one OpenID provider; the callback is /api/auth/oauth2/callback/sso. */
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

/**
 * The check on a person about to be created by a first SSO sign-in: their
 * email's domain must be allowed, and they get the mapped role or the default.
 */
export function ssoProfileCheck(user: { email: string; role?: unknown }): { ok: true; role: Role } | { ok: false; message: string } {
  const config = getConfig();
  const domain = user.email.split("@").pop()?.toLowerCase() ?? "";
  const allowed = config.HINDSIGHT_OIDC_ALLOWED_DOMAINS;
  if (allowed.length > 0 && !allowed.includes(domain)) {
    return { ok: false, message: `Sign-in with ${domain || "this email"} addresses is not allowed here. Ask an admin.` };
  }
  return { ok: true, role: isRole(user.role) ? user.role : config.HINDSIGHT_OIDC_DEFAULT_ROLE };
}
