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
