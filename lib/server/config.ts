import "server-only";
import { z } from "zod";
import path from "node:path";
import { DEFAULT_DATABASE_URL, databaseUrlFrom } from "@/lib/database-url.mjs";

/**
 * Settings read from the environment, validated once at start. A bad value
 * stops the start with a message naming the variable and what it expects.
 */
const configSchema = z.object({
  DATABASE_URL: z
    .string()
    .trim()
    .regex(/^file:.+/, "must be a SQLite file URL such as file:./data/hindsight.db")
    .default(DEFAULT_DATABASE_URL),
  // Read by `next start` (npm start passes it on); checked here so that a typo stops npm start with this message, not a stack trace.
  PORT: z.coerce
    .number({ error: "must be a port number from 1 to 65535" })
    .int("must be a port number from 1 to 65535")
    .min(1, "must be a port number from 1 to 65535")
    .max(65535, "must be a port number from 1 to 65535")
    .optional(),
  // Read by npm start (scripts/lib/serve-cluster.mjs): how many server processes share the port; one per core when unset.
  HINDSIGHT_WORKERS: z.coerce
    .number({ error: "must be a whole number of server processes from 1 to 64" })
    .int("must be a whole number of server processes from 1 to 64")
    .min(1, "must be a whole number of server processes from 1 to 64")
    .max(64, "must be a whole number of server processes from 1 to 64")
    .optional(),
  // Read by npm start's workers (scripts/lib/serve-worker.mjs): memory for the answer cache; 0 turns it off.
  HINDSIGHT_CACHE_MB: z.coerce
    .number({ error: "must be a whole number of megabytes from 0 to 4096" })
    .int("must be a whole number of megabytes from 0 to 4096")
    .min(0, "must be a whole number of megabytes from 0 to 4096")
    .max(4096, "must be a whole number of megabytes from 0 to 4096")
    .optional(),
  HINDSIGHT_PUBLIC_URL: z
    .url({ protocol: /^https?$/, error: "must be an absolute http(s) URL such as https://postmortems.example.com" })
    // Hindsight is served at the root of its host; a path here would make every absolute link wrong.
    .refine(isBareOrigin, "must be an origin without a path, such as https://postmortems.example.com")
    .optional(),
  // Read X-Forwarded-Host/-Proto only when a proxy we run sets them (docs/decisions/013-public-url-behind-proxies.md).
  HINDSIGHT_TRUST_PROXY: z
    .enum(["0", "1", "true", "false"], "must be 1 or 0")
    .transform((value) => value === "1" || value === "true")
    .optional(),
  HINDSIGHT_BUSY_TIMEOUT_MS: z.coerce
    .number({ error: "must be a whole number of milliseconds" })
    .int("must be a whole number of milliseconds")
    .min(0, "must not be negative")
    .max(600_000, "must be at most 600000")
    .default(5000),
  // The zip export of every published postmortem (GET /api/export): per client (person, token, else address), how many may run at once and start per minute.
  HINDSIGHT_EXPORTS_AT_ONCE: z.coerce
    .number({ error: "must be a whole number of exports from 1 to 100" })
    .int("must be a whole number of exports from 1 to 100")
    .min(1, "must be a whole number of exports from 1 to 100")
    .max(100, "must be a whole number of exports from 1 to 100")
    .default(1),
  HINDSIGHT_EXPORTS_PER_MINUTE: z.coerce
    .number({ error: "must be a whole number of exports from 1 to 10000" })
    .int("must be a whole number of exports from 1 to 10000")
    .min(1, "must be a whole number of exports from 1 to 10000")
    .max(10_000, "must be a whole number of exports from 1 to 10000")
    .default(3),
  // Search threads per server process (decision 023): unset, one in the server and none in the CLI; 0 searches on the request's thread.
  HINDSIGHT_SEARCH_THREADS: z.coerce
    .number({ error: "must be a whole number of threads from 0 to 16" })
    .int("must be a whole number of threads from 0 to 16")
    .min(0, "must be a whole number of threads from 0 to 16")
    .max(16, "must be a whole number of threads from 0 to 16")
    .optional(),
  HINDSIGHT_LOG_LEVEL: z
    .enum(["debug", "info", "warn", "error"], "must be one of debug, info, warn, error")
    .default("info"),
  // Read by npm start's workers: the address to listen on (every interface when unset).
  HOST: z
    .string()
    .trim()
    .regex(/^(?:[a-z0-9.-]+|\[?[0-9a-f:.]+\]?)$/i, "must be an address to listen on, such as 127.0.0.1, 0.0.0.0 or ::")
    .optional(),
  // People and access (decision 021).
  HINDSIGHT_SECRET: z.string().min(32, "must be at least 32 characters (signs session cookies)").optional(),
  HINDSIGHT_SESSION_IDLE_HOURS: z.coerce
    .number({ error: "must be a number of hours from 1 to 8760" })
    .min(1, "must be a number of hours from 1 to 8760")
    .max(8760, "must be a number of hours from 1 to 8760")
    .default(168),
  HINDSIGHT_SESSION_MAX_DAYS: z.coerce
    .number({ error: "must be a number of days from 1 to 365" })
    .min(1, "must be a number of days from 1 to 365")
    .max(365, "must be a number of days from 1 to 365")
    .default(30),
  HINDSIGHT_PASSWORD_LOGIN: z
    .enum(["0", "1", "true", "false"], "must be 1 or 0")
    .transform((value) => value === "1" || value === "true")
    .default(true),
  HINDSIGHT_TRUSTED_PROXIES: z
    .string()
    .transform((value) => value.split(",").map((part) => part.trim()).filter(Boolean))
    .refine((list) => list.every(isAddressOrRange), "must be a comma-separated list of IP addresses or CIDR ranges, such as 10.0.0.5,192.168.1.0/24")
    .default([]),
  HINDSIGHT_OIDC_ISSUER: z.url({ protocol: /^https?$/, error: "must be the issuer URL of an OpenID provider, such as https://login.example.com/realms/acme" }).optional(),
  HINDSIGHT_OIDC_CLIENT_ID: z.string().trim().min(1).optional(),
  HINDSIGHT_OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  HINDSIGHT_OIDC_NAME: z.string().trim().min(1).max(60, "must be at most 60 characters").optional(),
  HINDSIGHT_OIDC_ALLOWED_DOMAINS: z
    .string()
    .transform((value) => value.split(",").map((part) => part.trim().toLowerCase().replace(/^@/, "")).filter(Boolean))
    .refine((list) => list.every((domain) => /^[a-z0-9.-]+\.[a-z]{2,}$/.test(domain)), "must be a comma-separated list of email domains, such as example.com,example.org")
    .default([]),
  // How Hindsight proves itself at the provider's token endpoint: client_secret_basic (the OAuth default, which
  // Okta, Entra ID, Google and Keycloak accept) or client_secret_post (for a provider set up to want it).
  HINDSIGHT_OIDC_TOKEN_AUTH: z.enum(["basic", "post"], "must be basic or post").default("basic"),
  HINDSIGHT_OIDC_DEFAULT_ROLE: z.enum(["viewer", "editor", "admin"], "must be viewer, editor or admin").default("viewer"),
  HINDSIGHT_OIDC_ROLE_CLAIM: z.string().trim().min(1).optional(),
  HINDSIGHT_OIDC_ROLE_MAP: z
    .string()
    .transform((value, context) => {
      const map: Record<string, "viewer" | "editor" | "admin"> = {};
      for (const pair of value.split(",").map((part) => part.trim()).filter(Boolean)) {
        const [claim, role] = pair.split("=").map((part) => part.trim());
        if (!claim || !["viewer", "editor", "admin"].includes(role ?? "")) {
          context.addIssue({ code: "custom", message: "must be claim values and roles, such as hindsight-admins=admin,sre=editor" });
          return z.NEVER;
        }
        map[claim] = role as "viewer" | "editor" | "admin";
      }
      return map;
    })
    .default({}),
}).superRefine((config, context) => {
  const oidc = [config.HINDSIGHT_OIDC_ISSUER, config.HINDSIGHT_OIDC_CLIENT_ID, config.HINDSIGHT_OIDC_CLIENT_SECRET];
  if (oidc.some(Boolean) && !oidc.every(Boolean)) {
    context.addIssue({ code: "custom", path: ["HINDSIGHT_OIDC_ISSUER"], message: "needs HINDSIGHT_OIDC_ISSUER, HINDSIGHT_OIDC_CLIENT_ID and HINDSIGHT_OIDC_CLIENT_SECRET together" });
  }
  if (!config.HINDSIGHT_PASSWORD_LOGIN && !config.HINDSIGHT_OIDC_ISSUER) {
    context.addIssue({ code: "custom", path: ["HINDSIGHT_PASSWORD_LOGIN"], message: "can be 0 only when single sign-on is set up (HINDSIGHT_OIDC_ISSUER)" });
  }
});

/** "10.0.0.5", "::1", "192.168.1.0/24", "fd00::/8". */
function isAddressOrRange(value: string): boolean {
  const [address, bits, extra] = value.split("/");
  if (extra !== undefined) return false;
  const isV4 = /^(\d{1,3})(\.\d{1,3}){3}$/.test(address) && address.split(".").every((part) => Number(part) <= 255);
  const isV6 = !isV4 && /^[0-9a-f:.]+$/i.test(address) && address.includes(":");
  if (!isV4 && !isV6) return false;
  if (bits === undefined) return true;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= (isV4 ? 32 : 128);
}

/** "https://h.example.com" or ".../" — not a path, query or fragment (a malformed URL is left to the url check). */
function isBareOrigin(value: string): boolean {
  const url = URL.canParse(value) ? new URL(value) : null;
  if (!url || !["http:", "https:"].includes(url.protocol)) return true;
  return url.pathname === "/" && !url.search && !url.hash;
}

export type Config = z.output<typeof configSchema>;

/** Every variable the settings read; .env.example must list each (a test checks it). */
export const CONFIG_VARIABLES = Object.keys(configSchema.shape);

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/** Validates `env` (empty or blank strings count as unset) and returns typed settings or throws ConfigError. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  // Blank counts as unset too: Number("  ") is 0, which would silently turn the busy timeout off.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value.trim() !== ""));
  const result = configSchema.safeParse(present);
  if (result.success) return result.data;
  throw new ConfigError(result.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`));
}

let cached: Config | undefined;

/** The process's settings, validated on first use. */
export function getConfig(): Config {
  cached ??= parseConfig(process.env);
  return cached;
}

/** Forgets the settings read so far, for tests that change the environment. */
export function forgetConfig(): void {
  cached = undefined;
}

/** The project folder: HINDSIGHT_ROOT (set by the CLI's launcher), else where the process runs. */
export function projectRoot(): string {
  return process.env.HINDSIGHT_ROOT ?? process.cwd();
}

/**
 * Points a relative DATABASE_URL at `root` (not wherever a command was typed),
 * for this process and the tools it starts (prisma migrate), and forgets the
 * settings read so far. Anything but a file: URL is left for the check to refuse by name.
 */
export function anchorDatabaseUrl(root: string): void {
  const url = databaseUrlFrom(process.env);
  if (url.startsWith("file:")) process.env.DATABASE_URL = `file:${path.resolve(root, url.slice("file:".length))}`;
  cached = undefined;
}

/** Whether this process is Next's server (not the CLI, a script or a test). */
export function isNextServer(): boolean {
  return process.env.NEXT_RUNTIME === "nodejs";
}

/**
 * Set by npm start for its workers (scripts/lib/serve-cluster.mjs), never by
 * people (so not among the settings above): whether writes (HINDSIGHT_WRITE_LOCK)
 * and zip exports (HINDSIGHT_EXPORT_SLOTS) ask the primary process for their turn.
 */
export function coordinatesWithCluster(feature: "HINDSIGHT_WRITE_LOCK" | "HINDSIGHT_EXPORT_SLOTS"): boolean {
  return process.env[feature] === "cluster" && typeof process.send === "function";
}
