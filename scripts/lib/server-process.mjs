// Production servers (`next start` on the built app) started and stopped by
// scripts that test them from outside: the race test, the crash test, the
// start-up checks. Plain Node, so it runs right after `next build`.
import { spawn } from "node:child_process";
import path from "node:path";
import { root } from "./steps.mjs";

const running = new Set();

/** Kills every server this process started: no test may leave one behind, even when it fails. */
export function stopAllServers() {
  for (const server of running) server.kill("SIGKILL");
}
process.on("exit", stopAllServers);
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    stopAllServers();
    process.exit(130);
  });
}

/**
 * Starts `next start` on `port` with `env` added to ours, or with `workers`,
 * that many workers on the port as `npm start` runs them (scripts/serve.mjs).
 * The server gets its own process group (detached), so kill() reaches every
 * process it forked.
 */
export function startServer({ port, env = {}, workers }) {
  const [command, args] = workers
    ? [process.execPath, [path.join(root, "scripts", "serve.mjs")]]
    : [path.join(root, "node_modules", ".bin", "next"), ["start", "-p", String(port), "-H", "127.0.0.1"]];
  const child = spawn(command, args, {
    cwd: root,
    env: {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: "1",
      HINDSIGHT_LOG_LEVEL: "warn",
      ...(workers ? { PORT: String(port), HOST: "127.0.0.1", HINDSIGHT_WORKERS: String(workers) } : {}),
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk) => (stdout += chunk));
  child.stderr.on("data", (chunk) => (stderr += chunk));
  const exited = new Promise((resolve) => child.on("exit", (code, signal) => resolve({ code, signal })));
  const server = {
    port,
    url: `http://127.0.0.1:${port}`,
    pid: child.pid,
    exited,
    get stdout() {
      return stdout;
    },
    get stderr() {
      return stderr;
    },
    /** Sends `signal` to the server's whole process group. */
    kill(signal = "SIGTERM") {
      try {
        process.kill(-child.pid, signal);
      } catch {
        // Already gone.
      }
    },
    /** Stops the server and waits until it has exited. */
    async stop(signal = "SIGTERM") {
      server.kill(signal);
      const result = await exited;
      running.delete(server);
      return result;
    },
  };
  running.add(server);
  exited.then(() => running.delete(server));
  return server;
}

/** Resolves when GET /api/health answers (any status), or throws after `timeoutMs` or when the server exits first. */
export async function waitUntilAnswering(server, { timeoutMs = 60_000 } = {}) {
  let hasExited = false;
  server.exited.then(() => (hasExited = true));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (hasExited) throw new Error(`The server on port ${server.port} exited before answering:\n${server.stderr}`);
    try {
      return await fetch(`${server.url}/api/health`, { signal: AbortSignal.timeout(5_000) });
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  throw new Error(`The server on port ${server.port} did not answer within ${timeoutMs / 1000} s.`);
}

/** fetch() that resolves to { status, body } (body parsed as JSON when it is JSON), or { status: 0, error } when the request failed. */
export async function request(url, init = {}) {
  try {
    // A new connection per request: on a loaded machine fetch may reuse a kept-alive
    // socket just as the server closes it ("fetch failed"), which says nothing about Hindsight.
    const headers = { connection: "close", ...init.headers };
    const response = await fetch(url, { ...init, headers, signal: init.signal ?? AbortSignal.timeout(120_000) });
    const text = await response.text();
    let body = text;
    if ((response.headers.get("content-type") ?? "").includes("json")) {
      try {
        body = JSON.parse(text);
      } catch {
        // Keep the text.
      }
    }
    return { status: response.status, body, headers: response.headers };
  } catch (error) {
    // fetch says "fetch failed"; the cause says why (refused, reset, timed out).
    return { status: 0, error: [error.message, error.cause?.code, error.cause?.message].filter(Boolean).join(": ") };
  }
}

/** A JSON request: method, body (serialized) and headers. */
export function jsonRequest(url, method, body, headers = {}) {
  return request(url, { method, headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });
}

/** Headers that make a request as the owner of API token `token`. */
export function bearer(token) {
  return { authorization: `Bearer ${token}` };
}

/**
 * Runs the operator's CLI (`node cli/hindsight.mjs ARGS…`) on the database at
 * `databaseUrl`, with `input` on its standard input; resolves { status, stdout, stderr }.
 * Asynchronous, so that several can run at once (each takes seconds to start).
 */
export function runCli(args, { databaseUrl, input = "" }) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(root, "cli", "hindsight.mjs"), ...args], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: databaseUrl, HINDSIGHT_LOG_LEVEL: "warn" },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", (error) => resolve({ status: null, stdout, stderr: `${stderr}${error.message}` }));
    child.on("close", (status) => resolve({ status, stdout, stderr }));
    child.stdin.end(input);
  });
}

async function cliOrThrow(args, options) {
  const result = await runCli(args, options);
  if (result.status !== 0) throw new Error(`hindsight ${args.slice(0, 2).join(" ")} exited ${result.status}:\n${result.stdout}${result.stderr}`);
  return result;
}

/** Adds a person with `hindsight user add … --password-stdin` (the password never on a command line). */
export async function addPerson({ databaseUrl, email, name, role, password }) {
  await cliOrThrow(["user", "add", email, "--name", name, "--role", role, "--password-stdin"], { databaseUrl, input: password });
}

/**
 * Makes an API token with `hindsight token create`: resolves { token } (the
 * last line of its output) and { id } (the start of the token's id it prints,
 * which `hindsight token revoke` takes).
 */
export async function createToken({ databaseUrl, email, name, readOnly = false, expiresDays }) {
  const args = ["token", "create", email, "--name", name, ...(readOnly ? ["--read-only"] : []), ...(expiresDays ? ["--expires", String(expiresDays)] : [])];
  const { stdout } = await cliOrThrow(args, { databaseUrl });
  const lines = stdout.trim().split("\n");
  const token = lines.at(-1).trim();
  if (!/^hsp_[A-Za-z0-9_-]+$/.test(token)) throw new Error(`hindsight token create printed no token on its last line:\n${stdout}`);
  return { token, id: /\bid ([0-9a-f-]+)/i.exec(stdout)?.[1] ?? token.slice(0, 10) };
}

/** Revokes a token with `hindsight token revoke ID`; resolves the CLI's result. */
export function revokeToken({ databaseUrl, id }) {
  return runCli(["token", "revoke", id], { databaseUrl });
}

/**
 * Signs in through the endpoint the login page uses (POST
 * /api/auth/sign-in/email) and resolves the session cookie as a Cookie
 * header ("hindsight.session_token=…"); throws when no session was given.
 */
export async function signIn(server, { email, password }) {
  const response = await fetch(`${server.url}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: server.url, connection: "close" },
    body: JSON.stringify({ email, password }),
    signal: AbortSignal.timeout(120_000),
  });
  const cookie = response.headers
    .getSetCookie()
    .map((line) => line.split(";")[0])
    .find((pair) => /^(__Secure-)?hindsight\.session_token=./.test(pair));
  if (!cookie) throw new Error(`Signing in as ${email} gave no session cookie: ${response.status} ${(await response.text()).slice(0, 300)}`);
  return cookie;
}
