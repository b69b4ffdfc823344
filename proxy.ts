import { NextResponse, type NextRequest } from "next/server";
import { API_CONTENT_SECURITY_POLICY, createNonce, pageContentSecurityPolicy } from "@/lib/server/security/csp";
import { inspectRequestInputs } from "@/lib/server/security/request-inputs";
import { warnOnce } from "@/lib/server/security/warn-once";
import { clientAddressOf } from "@/lib/domain/access/client-address";
import { isAllowedHost, isSameOriginWrite } from "@/lib/domain/access/request-guards";
import { bearerTokenOf } from "@/lib/domain/access/tokens";
import { getConfig } from "@/lib/server/config";
import { publicOrigin, resolvePublicOrigin } from "@/lib/server/http/public-origin";
import { hasSessionCookie } from "@/lib/server/auth/session-cookie";

/**
 * The edge of the app (decision 014). For every request it
 * - answers a path with a malformed %-escape ("/postmortems/100%"), which
 *   would make Next fail before our routes run, with a 400 JSON error for
 *   the API and the not-found page for everything else;
 * - notes malformed query parameters and headers once in the log and drops
 *   the Next.js headers that cannot be valid, so they count as absent;
 * - gives each page a fresh CSP nonce (Next.js reads it from the request's
 *   Content-Security-Policy header and puts it on its own scripts);
 * - (decision 021) answers only its public host name when one is configured,
 *   refuses cookie-carrying writes from other sites, and works out the
 *   client's address for throttling and the audit log.
 */
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const isApi = pathname.startsWith("/api/");
  const config = getConfig();

  if (!isAllowedHost(request.headers.get("host"), { publicUrl: config.HINDSIGHT_PUBLIC_URL })) {
    return NextResponse.json(
      { error: { code: "MISDIRECTED", message: `This server answers only for ${new URL(config.HINDSIGHT_PUBLIC_URL!).host} (HINDSIGHT_PUBLIC_URL).`, fields: {} } },
      { status: 421 },
    );
  }
  const hasBearerToken = bearerTokenOf(request.headers.get("authorization")) !== undefined;
  const sameOrigin = isSameOriginWrite({
    method: request.method,
    hasSessionCookie: hasSessionCookie(request.headers.get("cookie")),
    hasBearerToken,
    secFetchSite: request.headers.get("sec-fetch-site"),
    origin: request.headers.get("origin"),
    ownOrigins: [publicOrigin(request.headers), resolvePublicOrigin(request.headers, { trustProxy: false })],
  });
  if (!sameOrigin) {
    warnOnce("cross-site-write", "Refused a cross-site write carrying a session cookie", { path: pathname, origin: request.headers.get("origin") ?? "" });
    return NextResponse.json(
      { error: { code: "FORBIDDEN", message: "This request came from another site. Changes must be made from Hindsight's own pages, or with an API token.", fields: {} } },
      { status: 403 },
    );
  }
  // API answers load nothing, so only pages need a nonce.
  const policy = isApi ? API_CONTENT_SECURITY_POLICY : pageContentSecurityPolicy({ nonce: createNonce(), isDev: process.env.NODE_ENV === "development" });

  if (!isDecodable(pathname)) {
    const response = isApi
      ? NextResponse.json(
          { error: { code: "BAD_REQUEST", message: "The address contains a malformed %-escape.", fields: {} } },
          { status: 400 },
        )
      : NextResponse.rewrite(new URL("/not-found-page", request.url), { status: 404, request: { headers: withPolicy(request.headers, policy) } });
    response.headers.set("content-security-policy", policy);
    return response;
  }

  const { findings, headersToDrop } = inspectRequestInputs({ pathname, search, headers: request.headers });
  for (const finding of findings) {
    warnOnce(finding.key, `Ignored a malformed ${finding.where === "query" ? "query parameter" : "header"}`, {
      path: pathname,
      [finding.where === "query" ? "parameter" : "header"]: finding.name,
      reason: finding.reason,
    });
  }
  const headers = withPolicy(request.headers, policy);
  for (const name of headersToDrop) headers.delete(name);
  // Only ours: what a client sends under this name is replaced (client-address.ts).
  headers.delete("x-hindsight-client-ip");
  const clientIp = clientAddressOf({
    peer: request.headers.get("x-hindsight-peer"),
    forwardedFor: request.headers.get("x-forwarded-for"),
    trustedProxies: config.HINDSIGHT_TRUSTED_PROXIES,
  });
  if (clientIp) headers.set("x-hindsight-client-ip", clientIp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  return response;
}

function isDecodable(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

/** The request as the app sees it, carrying the policy so that Next.js finds the nonce. */
function withPolicy(original: Headers, policy: string): Headers {
  const headers = new Headers(original);
  headers.set("content-security-policy", policy);
  return headers;
}

export const config = {
  // Static assets never carry user input in their paths, and need no nonce: everything under
  // /_next/static/, the image optimizer /_next/image and the icon /icon.svg (app/icon.svg). Each
  // exclusion is anchored, so that /icon.svg.html or /icon.svg/x still get the proxy and its CSP
  // (issue 15). There is no favicon.ico: its answer is the not-found page, which needs the CSP too.
  // Next compiles this with path-to-regexp (proxy-matcher.test.ts checks the result).
  matcher: ["/((?!_next/static/|_next/image$|icon\\.svg$).*)"],
};
