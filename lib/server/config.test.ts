import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "./config";

/** The problems parseConfig reports for `env`. */
function problemsOf(env: Record<string, string | undefined>): string[] {
  try {
    parseConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  throw new Error("Expected a ConfigError");
}

/** The access settings' defaults (decision 021). */
const ACCESS_DEFAULTS = {
  HINDSIGHT_SESSION_IDLE_HOURS: 168,
  HINDSIGHT_SESSION_MAX_DAYS: 30,
  HINDSIGHT_PASSWORD_LOGIN: true,
  HINDSIGHT_TRUSTED_PROXIES: [],
  HINDSIGHT_OIDC_ALLOWED_DOMAINS: [],
  HINDSIGHT_OIDC_DEFAULT_ROLE: "viewer",
  HINDSIGHT_OIDC_ROLE_MAP: {},
  HINDSIGHT_OIDC_TOKEN_AUTH: "basic",
};

describe("parseConfig", () => {
  it("uses the defaults for an empty environment", () => {
    expect(parseConfig({})).toEqual({
      DATABASE_URL: "file:./data/hindsight.db",
      HINDSIGHT_BUSY_TIMEOUT_MS: 5000,
      HINDSIGHT_LOG_LEVEL: "info",
      HINDSIGHT_EXPORTS_AT_ONCE: 1,
      HINDSIGHT_EXPORTS_PER_MINUTE: 3,
      ...ACCESS_DEFAULTS,
    });
  });

  it("reads every setting, ignoring unrelated variables", () => {
    expect(
      parseConfig({
        DATABASE_URL: " file:/var/lib/hindsight.db ",
        HINDSIGHT_PUBLIC_URL: "https://postmortems.example.com",
        HINDSIGHT_BUSY_TIMEOUT_MS: "250",
        HINDSIGHT_LOG_LEVEL: "debug",
        PATH: "/usr/bin",
      }),
    ).toEqual({
      DATABASE_URL: "file:/var/lib/hindsight.db",
      HINDSIGHT_PUBLIC_URL: "https://postmortems.example.com",
      HINDSIGHT_BUSY_TIMEOUT_MS: 250,
      HINDSIGHT_LOG_LEVEL: "debug",
      HINDSIGHT_EXPORTS_AT_ONCE: 1,
      HINDSIGHT_EXPORTS_PER_MINUTE: 3,
      ...ACCESS_DEFAULTS,
    });
  });

  it("reads how to authenticate at the provider's token endpoint: basic unless post is asked for", () => {
    expect(parseConfig({ HINDSIGHT_OIDC_TOKEN_AUTH: "post" }).HINDSIGHT_OIDC_TOKEN_AUTH).toBe("post");
    expect(() => parseConfig({ HINDSIGHT_OIDC_TOKEN_AUTH: "client_secret_jwt" })).toThrow(/HINDSIGHT_OIDC_TOKEN_AUTH must be basic or post/);
  });

  it("reads the access settings and refuses inconsistent ones, naming the variable", () => {
    const sso = { HINDSIGHT_OIDC_ISSUER: "https://login.example.com/realms/acme", HINDSIGHT_OIDC_CLIENT_ID: "hindsight", HINDSIGHT_OIDC_CLIENT_SECRET: "s3cret" };
    expect(parseConfig({ ...sso, HINDSIGHT_PASSWORD_LOGIN: "0", HINDSIGHT_OIDC_ROLE_MAP: "admins=admin, sre=editor", HINDSIGHT_TRUSTED_PROXIES: "10.0.0.5, 192.168.1.0/24" })).toMatchObject({
      HINDSIGHT_PASSWORD_LOGIN: false,
      HINDSIGHT_OIDC_ROLE_MAP: { admins: "admin", sre: "editor" },
      HINDSIGHT_TRUSTED_PROXIES: ["10.0.0.5", "192.168.1.0/24"],
    });
    expect(() => parseConfig({ HINDSIGHT_PASSWORD_LOGIN: "0" })).toThrow(/HINDSIGHT_PASSWORD_LOGIN can be 0 only when single sign-on is set up/);
    expect(() => parseConfig({ HINDSIGHT_OIDC_ISSUER: sso.HINDSIGHT_OIDC_ISSUER })).toThrow(/HINDSIGHT_OIDC_ISSUER needs/);
    expect(() => parseConfig({ HINDSIGHT_OIDC_ROLE_MAP: "admins" })).toThrow(/HINDSIGHT_OIDC_ROLE_MAP must be claim values and roles/);
    expect(() => parseConfig({ HINDSIGHT_TRUSTED_PROXIES: "proxy.local" })).toThrow(/HINDSIGHT_TRUSTED_PROXIES must be/);
    expect(() => parseConfig({ HINDSIGHT_SECRET: "short" })).toThrow(/HINDSIGHT_SECRET must be at least 32/);
    expect(() => parseConfig({ HOST: "a b" })).toThrow(/HOST must be an address/);
  });

  it("treats empty strings as unset", () => {
    expect(
      parseConfig({ DATABASE_URL: "", HINDSIGHT_PUBLIC_URL: "", HINDSIGHT_BUSY_TIMEOUT_MS: "", HINDSIGHT_LOG_LEVEL: "" }),
    ).toEqual(parseConfig({}));
  });

  it("treats blank strings as unset rather than as a zero busy timeout", () => {
    expect(parseConfig({ HINDSIGHT_BUSY_TIMEOUT_MS: "  ", DATABASE_URL: " ", HINDSIGHT_LOG_LEVEL: "\t" })).toEqual(parseConfig({}));
  });

  it("refuses a DATABASE_URL that is not a file: URL, naming the variable", () => {
    for (const url of ["postgres://localhost/hindsight", "./data/hindsight.db", "file:"]) {
      const problems = problemsOf({ DATABASE_URL: url });
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(/^DATABASE_URL must be a SQLite file URL/);
    }
  });

  it("refuses a public URL that is not an absolute http(s) URL", () => {
    for (const url of ["postmortems.example.com", "ftp://example.com", "javascript:alert(1)"]) {
      expect(problemsOf({ HINDSIGHT_PUBLIC_URL: url })).toEqual([
        "HINDSIGHT_PUBLIC_URL must be an absolute http(s) URL such as https://postmortems.example.com",
      ]);
    }
  });

  it("refuses a busy timeout that is not a whole number of milliseconds in range", () => {
    expect(problemsOf({ HINDSIGHT_BUSY_TIMEOUT_MS: "abc" })).toEqual(["HINDSIGHT_BUSY_TIMEOUT_MS must be a whole number of milliseconds"]);
    expect(problemsOf({ HINDSIGHT_BUSY_TIMEOUT_MS: "1.5" })).toEqual(["HINDSIGHT_BUSY_TIMEOUT_MS must be a whole number of milliseconds"]);
    expect(problemsOf({ HINDSIGHT_BUSY_TIMEOUT_MS: "-1" })).toEqual(["HINDSIGHT_BUSY_TIMEOUT_MS must not be negative"]);
    expect(problemsOf({ HINDSIGHT_BUSY_TIMEOUT_MS: "600001" })).toEqual(["HINDSIGHT_BUSY_TIMEOUT_MS must be at most 600000"]);
  });

  it("reads the answer cache's size, 0 turning it off, and refuses anything but whole megabytes up to 4096", () => {
    expect(parseConfig({ HINDSIGHT_CACHE_MB: "0" }).HINDSIGHT_CACHE_MB).toBe(0);
    expect(parseConfig({ HINDSIGHT_CACHE_MB: "128" }).HINDSIGHT_CACHE_MB).toBe(128);
    for (const value of ["-1", "1.5", "lots", "4097"]) {
      expect(problemsOf({ HINDSIGHT_CACHE_MB: value })).toEqual(["HINDSIGHT_CACHE_MB must be a whole number of megabytes from 0 to 4096"]);
    }
  });

  it("reads the zip export's limits per client, 1 at once and 3 a minute unless set, and refuses anything but whole numbers in range", () => {
    expect(parseConfig({})).toMatchObject({ HINDSIGHT_EXPORTS_AT_ONCE: 1, HINDSIGHT_EXPORTS_PER_MINUTE: 3 });
    expect(parseConfig({ HINDSIGHT_EXPORTS_AT_ONCE: "2", HINDSIGHT_EXPORTS_PER_MINUTE: "600" })).toMatchObject({ HINDSIGHT_EXPORTS_AT_ONCE: 2, HINDSIGHT_EXPORTS_PER_MINUTE: 600 });
    for (const value of ["0", "1.5", "many", "101"]) {
      expect(problemsOf({ HINDSIGHT_EXPORTS_AT_ONCE: value })).toEqual(["HINDSIGHT_EXPORTS_AT_ONCE must be a whole number of exports from 1 to 100"]);
    }
    for (const value of ["0", "2.5", "-3", "10001"]) {
      expect(problemsOf({ HINDSIGHT_EXPORTS_PER_MINUTE: value })).toEqual(["HINDSIGHT_EXPORTS_PER_MINUTE must be a whole number of exports from 1 to 10000"]);
    }
  });

  it("refuses an unknown log level", () => {
    expect(problemsOf({ HINDSIGHT_LOG_LEVEL: "verbose" })).toEqual(["HINDSIGHT_LOG_LEVEL must be one of debug, info, warn, error"]);
  });

  it("reports every bad variable at once, each on its own line of the message", () => {
    let caught: unknown;
    try {
      parseConfig({ DATABASE_URL: "mysql://x", HINDSIGHT_PUBLIC_URL: "nope", HINDSIGHT_BUSY_TIMEOUT_MS: "abc" });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const { problems, message } = caught as ConfigError;
    expect(problems.map((p) => p.split(" ")[0])).toEqual(["DATABASE_URL", "HINDSIGHT_PUBLIC_URL", "HINDSIGHT_BUSY_TIMEOUT_MS"]);
    expect(message.split("\n")).toEqual(["Invalid configuration:", ...problems.map((p) => `  - ${p}`)]);
  });
});
