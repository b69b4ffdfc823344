/** The session cookie's names: better-auth's, with the __Secure- prefix when the public URL is https (no imports: proxy.ts uses it). */
export const SESSION_COOKIE_NAMES = ["hindsight.session_token", "__Secure-hindsight.session_token"];

/** Whether a Cookie header carries a session cookie at all (a cheap test before any lookup). */
export function hasSessionCookie(cookieHeader: string | null): boolean {
  if (!cookieHeader) return false;
  return cookieHeader.split(";").some((part) => SESSION_COOKIE_NAMES.includes(part.split("=")[0].trim()));
}
