// Shared steps of `npm start`, `npm test` and the e2e server: plain Node, no
// dependencies, so they work on a fresh clone before `npm ci` has run.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseEnv } from "node:util";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const bin = (name) => path.join(root, "node_modules", ".bin", name);

/** Runs a command in the project folder; throws with its name when it fails. */
export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", ...options, env: { ...process.env, ...options.env } });
  if (result.status !== 0) {
    const error = new Error(`${path.basename(command)} ${args.join(" ")} failed (exit ${result.status ?? result.signal})`);
    error.exitCode = result.status ?? 1;
    throw error;
  }
  return result;
}

/** Runs a project binary from node_modules/.bin. */
export function runBin(name, args, options) {
  return run(bin(name), args, options);
}

export function say(message) {
  process.stdout.write(`\n› ${message}\n`);
}

/**
 * Installs dependencies when they are missing or older than package-lock.json:
 * `npm ci`, falling back to `npm install` (which still follows the lock file).
 * The fallback exists because npm 11 on these machines writes lock files without
 * the other platforms' optional packages and then refuses them in `npm ci`
 * ("Missing: @tailwindcss/oxide-darwin-arm64 from lock file").
 */
export function ensureDependencies() {
  const marker = path.join(root, "node_modules", ".package-lock.json");
  const lock = path.join(root, "package-lock.json");
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs && existsSync(bin("next"))) return;
  say("Installing dependencies (npm ci)…");
  try {
    run("npm", ["ci", "--no-audit", "--no-fund"]);
  } catch {
    say("npm ci refused the lock file; installing with npm install instead (same versions)…");
    run("npm", ["install", "--no-audit", "--no-fund"]);
  }
}

const BUILD_INPUTS = [
  "app",
  "components",
  "lib",
  "public",
  "instrumentation.ts",
  "proxy.ts",
  "next.config.js",
  "postcss.config.mjs",
  "tsconfig.json",
  "package-lock.json",
  "prisma/schema.prisma",
];

function newestMtime(target) {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(target)) {
    if (entry === "generated" || entry === "node_modules" || entry.endsWith(".test.ts")) continue;
    newest = Math.max(newest, newestMtime(path.join(target, entry)));
  }
  return newest;
}

/** Runs `next build` when there is no production build or a source file is newer than it. */
export function ensureBuild({ force = false } = {}) {
  const buildId = path.join(root, process.env.NEXT_DIST_DIR || ".next", "BUILD_ID");
  const builtAt = existsSync(buildId) ? statSync(buildId).mtimeMs : 0;
  const sourcesAt = Math.max(...BUILD_INPUTS.map((input) => newestMtime(path.join(root, input))));
  if (!force && builtAt > sourcesAt) return;
  say("Building the app (next build)…");
  runBin("next", ["build"], { env: { NEXT_TELEMETRY_DISABLED: "1" } });
}

/** Applies pending migrations to the database at `databaseUrl` (created if missing). */
export function migrate(databaseUrl) {
  const result = spawnSync(bin("prisma"), ["migrate", "deploy"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: "utf8",
  });
  if (result.status !== 0) {
    process.stderr.write(`${result.stdout}${result.stderr}`);
    throw new Error(`Could not migrate the database at ${databaseUrl}.`);
  }
}

/** Checks the settings with the app's own validator (lib/server/config.ts); exits with its message. */
export function checkConfig() {
  const result = spawnSync(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", path.join(root, "scripts", "check-config.ts")],
    { cwd: root, stdio: "inherit" },
  );
  if (result.status !== 0) process.exit(result.status ?? 1);
}

export const CHROMIUM = "/usr/bin/chromium";

/** Installs Debian's Chromium for the browser tests when it is missing (needs root). */
export function ensureChromium() {
  if (existsSync(CHROMIUM)) return;
  if (typeof process.getuid === "function" && process.getuid() !== 0) {
    throw new Error(`Chromium is missing at ${CHROMIUM}. Install it with: sudo apt-get install -y chromium`);
  }
  say("Installing Chromium from Debian (apt-get)…");
  run("apt-get", ["update"]);
  run("apt-get", ["install", "-y", "--no-install-recommends", "chromium"], { env: { DEBIAN_FRONTEND: "noninteractive" } });
}

/** Reads .env (if present) into process.env without overriding variables already set, as Next.js does. */
export function loadDotEnv() {
  const file = path.join(root, ".env");
  if (!existsSync(file)) return;
  const values = parseEnv(readFileSync(file, "utf8"));
  for (const [key, value] of Object.entries(values)) process.env[key] ??= value;
}
