import "server-only";
import { getConfig } from "../config";

/**
 * The origin ("https://postmortems.example.com") visitors reach Hindsight at,
 * for every absolute URL the app writes: Location headers, links in exports.
 * Decision 013: a configured HINDSIGHT_PUBLIC_URL wins; else, only when
 * HINDSIGHT_TRUST_PROXY is on, X-Forwarded-Host/-Proto; else the Host header.
 * Anything malformed falls through to the next source, never into a URL.
 */
export function publicOrigin(headers: Headers): string {
  const config = getConfig();
  return resolvePublicOrigin(headers, { publicUrl: config.HINDSIGHT_PUBLIC_URL, trustProxy: config.HINDSIGHT_TRUST_PROXY ?? false });
}

/** The absolute URL of `pathname` ("/postmortems/x") at the public origin. */
export function publicUrl(headers: Headers, pathname: string): string {
  return new URL(pathname, publicOrigin(headers)).href;
}

export type PublicOriginSettings = { publicUrl?: string; trustProxy: boolean };

const FALLBACK_ORIGIN = "http://localhost";

/** publicOrigin with the settings given: the rules without the environment. */
export function resolvePublicOrigin(headers: Headers, settings: PublicOriginSettings): string {
  if (settings.publicUrl) return new URL(settings.publicUrl).origin;
  if (settings.trustProxy) {
    const host = readHost(firstListed(headers.get("x-forwarded-host")));
    if (host) {
      const proto = firstListed(headers.get("x-forwarded-proto"))?.toLowerCase();
      return originOf(proto === "https" || proto === "http" ? proto : "http", host);
    }
  }
  const host = readHost(headers.get("host"));
  return host ? originOf("http", host) : FALLBACK_ORIGIN;
}

/** Proxies in a chain append to these headers: the first entry is what the visitor sent. */
function firstListed(value: string | null): string | null {
  return value?.split(",")[0]?.trim() || null;
}

// A DNS name or IPv4 address, or a bracketed IPv6 address, with an optional port.
const HOST = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*\.?|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

/** A host header value that is safe to put in a URL, lower-cased; null for anything else ("evil.test/x", "a b", ""). */
function readHost(value: string | null): string | null {
  if (!value || value.length > 260 || !HOST.test(value)) return null;
  const port = value.match(/:(\d{1,5})$/)?.[1];
  if (port !== undefined && Number(port) > 65_535) return null;
  return value.toLowerCase();
}

function originOf(proto: "http" | "https", host: string): string {
  try {
    return new URL(`${proto}://${host}`).origin;
  } catch {
    return FALLBACK_ORIGIN;
  }
}
