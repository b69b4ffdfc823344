/**
 * Two checks at the edge (decision 021), pure so that they are tested alone:
 * which host names the server answers (DNS rebinding), and whether a
 * state-changing request that carries a session cookie comes from our own
 * pages (cross-site request forgery, whatever the content type).
 */

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]", "::1"]);

/** The host name of a Host header without its port, lower-cased ("a.test:3000" → "a.test", "[::1]:80" → "[::1]"). */
export function hostNameOf(host: string | null): string | null {
  if (!host) return null;
  const value = host.trim().toLowerCase();
  if (value.startsWith("[")) return value.slice(0, value.indexOf("]") + 1) || null;
  return value.split(":")[0] || null;
}

/**
 * Whether to answer a request for `host`. With a public URL, only its host
 * name and loopback names (for health checks and the operator on the
 * machine); without one, any host, as before.
 */
export function isAllowedHost(host: string | null, options: { publicUrl?: string }): boolean {
  if (!options.publicUrl) return true;
  const name = hostNameOf(host);
  if (!name) return false;
  return name === new URL(options.publicUrl).hostname.toLowerCase() || LOOPBACK.has(name);
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Whether a request may change something on the strength of its session
 * cookie. Safe methods, requests without a session cookie and Bearer-token
 * requests (a browser never adds a token on its own) pass. Otherwise the
 * browser must say the request is ours: Sec-Fetch-Site same-origin (or none:
 * typed in the address bar), or an Origin equal to one of `ownOrigins`. A
 * request with neither header is not from a browser, and passes (as in Go's
 * CrossOriginProtection).
 */
export function isSameOriginWrite(request: {
  method: string;
  hasSessionCookie: boolean;
  hasBearerToken: boolean;
  secFetchSite: string | null;
  origin: string | null;
  ownOrigins: string[];
}): boolean {
  if (SAFE_METHODS.has(request.method.toUpperCase()) || !request.hasSessionCookie || request.hasBearerToken) return true;
  const site = request.secFetchSite?.trim().toLowerCase();
  if (site) return site === "same-origin" || site === "none";
  if (request.origin !== null) {
    const origin = request.origin.trim().toLowerCase();
    return origin !== "null" && request.ownOrigins.some((own) => own.toLowerCase() === origin);
  }
  return true;
}
