// @ts-check

const SECURITY_HEADERS = [
  // Browsers must not guess a type: an uploaded Markdown file is never HTML.
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  // For browsers that predate CSP's frame-ancestors.
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
  // A page another site opens gets no handle on ours (window.opener), and ours none on it: sign-in is by redirect, never a popup.
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  // better-sqlite3 is a native module: load it from node_modules at run time.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3"],
  poweredByHeader: false,
  // A second build folder lets two builds (e.g. a developer's and the e2e suite's) run side by side.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  typedRoutes: false,
  // `npm test` runs tsc over the whole project; the build need not do it again.
  typescript: { ignoreBuildErrors: true },
  // Headers every answer carries, static assets included; the Content-Security-Policy
  // needs a fresh nonce per page, so proxy.ts sets it (decision 014).
  async headers() {
    return [{ source: "/:path*", headers: SECURITY_HEADERS }];
  },
};

module.exports = nextConfig;
