import { NextResponse, type NextRequest } from "next/server";
import { API_CONTENT_SECURITY_POLICY, createNonce, pageContentSecurityPolicy } from "@/lib/server/security/csp";
import { inspectRequestInputs } from "@/lib/server/security/request-inputs";
import { warnOnce } from "@/lib/server/security/warn-once";

/**
 * The edge of the app (decision 014). For every request it
 * - answers a path with a malformed %-escape ("/postmortems/100%"), which
 *   would make Next fail before our routes run, with a 400 JSON error for
 *   the API and the not-found page for everything else;
 * - notes malformed query parameters and headers once in the log and drops
 *   the Next.js headers that cannot be valid, so they count as absent;
 * - gives each page a fresh CSP nonce (Next.js reads it from the request's
 *   Content-Security-Policy header and puts it on its own scripts).
 */
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const isApi = pathname.startsWith("/api/");
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
  // Static assets never carry user input in their paths, and need no nonce.
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg).*)"],
};
