// @ts-check

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
};

module.exports = nextConfig;
