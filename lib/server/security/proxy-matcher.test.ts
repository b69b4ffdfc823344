import { describe, expect, it } from "vitest";
import * as pageStaticInfo from "next/dist/build/analysis/get-page-static-info";
import type { ProxyMatcher } from "next/dist/build/analysis/get-page-static-info";
import { getMiddlewareRouteMatcher } from "next/dist/shared/lib/router/utils/middleware-route-matcher";
import { config } from "@/proxy";

// proxy.ts's matcher compiled as Next compiles it (path-to-regexp, with its optional
// /_next/data prefix and .rsc/.json suffixes), then asked as Next asks it for each request.
// getMiddlewareMatchers is Next's own, exported but left out of its types.
const { getMiddlewareMatchers } = pageStaticInfo as unknown as { getMiddlewareMatchers: (matcher: string[], nextConfig: object) => ProxyMatcher[] };
const runsProxy = getMiddlewareRouteMatcher(getMiddlewareMatchers(config.matcher, {}));
const matches = (pathname: string) => runsProxy(pathname, { headers: {} } as never, {});

describe("proxy.ts's matcher: which paths get the proxy (and so the CSP)", () => {
  it("leaves out only the static files that need no nonce: /_next/static/…, /_next/image and /icon.svg", () => {
    for (const path of ["/_next/static/chunks/app/page-0123abcd.js", "/_next/static/css/a.css", "/_next/static/media/font.woff2", "/_next/image", "/icon.svg"]) {
      expect(matches(path), path).toBe(false);
    }
  });

  it("runs for every other path, among them those that merely start like a static file (issue 15)", () => {
    const paths = [
      "/",
      "/postmortems/a",
      "/api/search",
      "/favicon.ico",
      "/favicon.ico/x",
      "/icon.svg.html",
      "/icon.svg/x",
      "/iconXsvg",
      "/icon.svgx",
      "/_next/staticx",
      "/_next/static",
      "/_next/image/x",
      "/_next/imagex",
      "/_nextXstatic/a.js",
      "/postmortems/icon.svg",
    ];
    for (const path of paths) expect(matches(path), path).toBe(true);
  });
});
