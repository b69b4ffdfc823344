import { request as playwrightRequest, type APIRequestContext } from "@playwright/test";
import { spawn } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import accounts from "./accounts.json";

/**
 * Who the suite is (issue 14): every page and API call needs a signed-in
 * person or a token. scripts/e2e-server.mjs adds the admin through the CLI
 * before the server starts; global-setup.ts adds an editor and a viewer and
 * signs all three in, keeping their sessions in e2e/.auth/<port>/ (gitignored). The
 * admin's session is every test's default (playwright.config.ts).
 */
export type Role = "viewer" | "editor" | "admin";
export type Account = { email: string; name: string; role: Role; password: string };

export const ACCOUNTS = { admin: accounts.admin, editor: accounts.editor, viewer: accounts.viewer } as Record<Role, Account>;
export const ADMIN = ACCOUNTS.admin;

export const ROOT = path.resolve(__dirname, "..");
export const AUTH_DIR = path.join(__dirname, ".auth");

/** The port the suite's server listens on (playwright.config.ts). */
export const PORT = Number(process.env.E2E_PORT ?? 3100);
export const BASE_URL = `http://127.0.0.1:${PORT}`;

/** The session cookie better-auth sets at sign-in. */
export const SESSION_COOKIE = "hindsight.session_token";

/**
 * Where a role's signed-in browser state is kept: one folder per port, since
 * each suite run (say, two on one machine) has its own server and database.
 */
export function storageStateFile(role: Role): string {
  return path.join(AUTH_DIR, String(PORT), `${role}.json`);
}

/** Nobody signed in: for `test.use({ storageState: ANONYMOUS })` or a new context. */
export const ANONYMOUS = { cookies: [], origins: [] };

/** The SQLite file of the server on `port`, as scripts/e2e-server.mjs names it. */
export function e2eDatabaseUrl(port: number = PORT): string {
  return `file:${path.join(ROOT, "data", "e2e", `e2e-${port}.db`)}`;
}

/**
 * Runs the operator's CLI (`node cli/hindsight.mjs …`) on the suite's
 * database; `input` goes to its standard input (passwords). Resolves with its
 * standard output; rejects with everything it printed when it fails.
 */
export function runCli(args: string[], options: { input?: string; databaseUrl?: string } = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, "cli", "hindsight.mjs"), ...args], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: options.databaseUrl ?? e2eDatabaseUrl(), HINDSIGHT_LOG_LEVEL: "warn" },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code === 0) resolve(stdout);
      else reject(new Error(`hindsight ${args.join(" ")} exited ${code}:\n${stdout}${stderr}`));
    });
    child.stdin.end(options.input ?? "");
  });
}

/** `hindsight user add EMAIL --name NAME --role ROLE --password-stdin`. */
export async function addPersonWithCli(account: Account, options: { databaseUrl?: string } = {}): Promise<void> {
  await runCli(["user", "add", account.email, "--name", account.name, "--role", account.role, "--password-stdin"], { input: account.password, ...options });
}

/** `hindsight token create EMAIL --name NAME [--read-only]`: the token (the last line it prints). */
export async function createTokenWithCli(email: string, options: { name?: string; readOnly?: boolean; databaseUrl?: string } = {}): Promise<string> {
  const output = await runCli(["token", "create", email, "--name", options.name ?? "e2e", ...(options.readOnly ? ["--read-only"] : [])], options);
  const token = output.trim().split("\n").at(-1)!.trim();
  if (!token.startsWith("hsp_")) throw new Error(`hindsight token create printed no token:\n${output}`);
  return token;
}

/** `hindsight token revoke ID` (the token's hsp_… prefix names it). */
export async function revokeTokenWithCli(token: string, options: { databaseUrl?: string } = {}): Promise<void> {
  await runCli(["token", "revoke", token.slice(0, "hsp_".length + 6)], options);
}

/**
 * Signs `account` in through the API (POST /api/auth/sign-in/email) in a new
 * request context and returns that context, carrying the session cookie.
 * With `saveTo`, its storage state is also written there (for browser contexts).
 */
export async function signedInRequest(account: Pick<Account, "email" | "password">, options: { baseURL?: string; saveTo?: string } = {}): Promise<APIRequestContext> {
  const context = await playwrightRequest.newContext({ baseURL: options.baseURL ?? BASE_URL, storageState: ANONYMOUS });
  const response = await context.post("/api/auth/sign-in/email", { data: { email: account.email, password: account.password } });
  if (!response.ok()) {
    const text = await response.text();
    await context.dispose();
    throw new Error(`Signing in as ${account.email} failed: ${response.status()} ${text}`);
  }
  const state = await context.storageState();
  if (!state.cookies.some((cookie) => cookie.name === SESSION_COOKIE)) {
    await context.dispose();
    throw new Error(`Signing in as ${account.email} set no ${SESSION_COOKIE} cookie`);
  }
  if (options.saveTo) {
    mkdirSync(path.dirname(options.saveTo), { recursive: true });
    await context.storageState({ path: options.saveTo });
  }
  return context;
}

/**
 * The Cookie header of a role's saved session ("hindsight.session_token=…"),
 * for requests made without Playwright (node:http, fetch).
 */
export function sessionCookieHeader(role: Role = "admin"): string {
  const state = JSON.parse(readFileSync(storageStateFile(role), "utf8")) as { cookies: { name: string; value: string }[] };
  const cookie = state.cookies.find((candidate) => candidate.name === SESSION_COOKIE);
  if (!cookie) throw new Error(`${storageStateFile(role)} holds no ${SESSION_COOKIE} cookie`);
  return `${cookie.name}=${cookie.value}`;
}
