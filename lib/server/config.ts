import "server-only";
import { z } from "zod";

/**
 * Settings read from the environment, validated once at start. A bad value
 * stops the start with a message naming the variable and what it expects.
 */
const configSchema = z.object({
  DATABASE_URL: z
    .string()
    .trim()
    .regex(/^file:.+/, "must be a SQLite file URL such as file:./data/hindsight.db")
    .default("file:./data/hindsight.db"),
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
  HINDSIGHT_LOG_LEVEL: z
    .enum(["debug", "info", "warn", "error"], "must be one of debug, info, warn, error")
    .default("info"),
});

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
