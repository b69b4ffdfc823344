// Starting the production server wrong: a bad setting must stop it with a
// message naming the variable (and it must never serve), and a database that
// was never migrated must be reported as such, not as a crash. Requests to
// the API carry an admin's API token (`accounts.tokens.admin`), pages a
// session cookie from signing in (the API answers 401 without, pages send
// visitors to /login).
import { spawnSync } from "node:child_process";
import net from "node:net";
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { bearer, jsonRequest, request, signIn, startServer, waitUntilAnswering } from "./server-process.mjs";
import { root } from "./steps.mjs";

/** Bad settings and the start of the message each must produce. */
export const BAD_SETTINGS = [
  { env: { DATABASE_URL: "postgres://db.internal/hindsight" }, expect: "DATABASE_URL must be a SQLite file URL" },
  { env: { HINDSIGHT_BUSY_TIMEOUT_MS: "soon" }, expect: "HINDSIGHT_BUSY_TIMEOUT_MS must be a whole number of milliseconds" },
  { env: { HINDSIGHT_LOG_LEVEL: "verbose" }, expect: "HINDSIGHT_LOG_LEVEL must be one of debug, info, warn, error" },
  { env: { HINDSIGHT_PUBLIC_URL: "postmortems.example.com" }, expect: "HINDSIGHT_PUBLIC_URL must be an absolute http(s) URL" },
];

/** The settings of people and access (decision 021), checked by npm start's settings check only (no server each). */
export const BAD_ACCESS_SETTINGS = [
  { env: { HINDSIGHT_SECRET: "too-short" }, expect: "HINDSIGHT_SECRET must be at least 32 characters" },
  { env: { HINDSIGHT_SESSION_IDLE_HOURS: "0" }, expect: "HINDSIGHT_SESSION_IDLE_HOURS must be a number of hours from 1 to 8760" },
  { env: { HINDSIGHT_SESSION_MAX_DAYS: "forever" }, expect: "HINDSIGHT_SESSION_MAX_DAYS must be a number of days from 1 to 365" },
  { env: { HINDSIGHT_TRUSTED_PROXIES: "the load balancer" }, expect: "HINDSIGHT_TRUSTED_PROXIES must be a comma-separated list of IP addresses or CIDR ranges" },
  { env: { HOST: "every interface" }, expect: "HOST must be an address to listen on" },
];

const START_LIMIT_MS = 30_000;

/** Starts a server with one bad setting, polling it until it exits: it must exit non-zero, say why, and never answer 200. */
async function startWithBadSetting({ port, setting, checks }) {
  const server = startServer({ port, env: setting.env });
  const startedAt = Date.now();
  const answers = [];
  let exit;
  server.exited.then((result) => (exit = result));
  while (!exit && Date.now() - startedAt < START_LIMIT_MS) {
    const response = await request(`${server.url}/api/health`, { signal: AbortSignal.timeout(2_000) });
    if (response.status !== 0) answers.push(response.status);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  if (!exit) await server.stop("SIGKILL");
  const name = Object.keys(setting.env)[0];
  checks.check(
    `bad ${name}: next start exits non-zero within ${START_LIMIT_MS / 1000} s`,
    exit && exit.code !== 0 && exit.code !== null,
    exit ? `exit ${exit.code} after ${((Date.now() - startedAt) / 1000).toFixed(1)} s` : "still running",
  );
  checks.check(`bad ${name}: stderr names the variable and what it expects`, server.stderr.includes(setting.expect), server.stderr.trim().split("\n").find((line) => line.includes(name)) ?? server.stderr.slice(0, 200));
  checks.check(`bad ${name}: the server never served a request`, !answers.includes(200), answers.length ? `answers ${answers.join(",")}` : "no answers");
}

/** `npm start`'s own check (scripts/check-config.ts), which runs before migrating: every bad setting at once. */
function checkConfigScript({ checks }) {
  const all = [...BAD_SETTINGS, ...BAD_ACCESS_SETTINGS];
  const env = Object.assign({}, process.env, ...all.map((setting) => setting.env), { PORT: "99999" });
  const result = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", path.join(root, "scripts", "check-config.ts")], {
    cwd: root,
    env,
    encoding: "utf8",
  });
  const missing = [...all.map((setting) => setting.expect), "PORT must be"].filter((text) => !result.stderr.includes(text));
  checks.check("npm start's settings check exits 1 naming every bad variable (PORT and the access settings too)", result.status === 1 && missing.length === 0, missing.length ? `missing: ${missing.join("; ")}` : `exit ${result.status}`);
}

export async function checkBadSettings({ ports, checks }) {
  await Promise.all(BAD_SETTINGS.map((setting, i) => startWithBadSetting({ port: ports[i], setting, checks })));
  checkConfigScript({ checks });
}

/** A server on a database file nobody migrated: health says so, the API answers 503 with the fix, pages show it, nothing is written. */
export async function checkUnmigratedDatabase({ port, dir, checks, accounts }) {
  const headers = bearer(accounts.tokens.admin);
  const file = path.join(dir, "unmigrated.db");
  for (const suffix of ["", "-wal", "-shm"]) rmSync(`${file}${suffix}`, { force: true });
  const server = startServer({ port, env: { DATABASE_URL: `file:${file}` } });
  try {
    await waitUntilAnswering(server);
    const health = await request(`${server.url}/api/health`);
    checks.check("unmigrated database: /api/health answers 503 with the pending migrations", health.status === 503 && health.body?.migrations?.pending?.length > 0, `${health.status} ${health.body?.message ?? ""}`);
    // With a token: there is no table to find it in either, and that is 503 as well, not 401 or 500.
    const list = await request(`${server.url}/api/postmortems`, { headers });
    checks.check(
      "unmigrated database: the API answers 503 UNAVAILABLE saying to run npm run db:migrate",
      list.status === 503 && list.body?.error?.code === "UNAVAILABLE" && /db:migrate/.test(list.body?.error?.message ?? ""),
      `${list.status} ${JSON.stringify(list.body).slice(0, 160)}`,
    );
    const create = await jsonRequest(`${server.url}/api/postmortems`, "POST", { title: "Written to an unmigrated database" }, headers);
    checks.check("unmigrated database: a create answers 503, not 500", create.status === 503, `${create.status}`);
    const page = await request(`${server.url}/`);
    checks.check(
      "unmigrated database: the library page explains it (not migrated, npm run db:migrate) instead of a bare crash",
      page.status >= 500 && typeof page.body === "string" && page.body.includes("npm run db:migrate"),
      `${page.status}`,
    );
    checks.check("unmigrated database: the server is still running afterwards", (await request(`${server.url}/api/health`)).status === 503);
  } finally {
    await server.stop();
  }
}

/** The worker processes a server process forked (Linux /proc), or null where there is no /proc. */
function childrenOf(pid) {
  if (!existsSync("/proc")) return null;
  return readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .filter((name) => {
      try {
        // "pid (comm) state ppid …": comm may hold spaces, so read after the last ")".
        const stat = readFileSync(`/proc/${name}/stat`, "utf8");
        return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) === pid;
      } catch {
        return false;
      }
    })
    .map(Number);
}

/** The nonce a page's CSP header names. */
const nonceOf = (answer) => /'nonce-([^']+)'/.exec(answer.headers?.get("content-security-policy") ?? "")?.[1] ?? null;

/**
 * The answer cache in front of both workers (decision 020): a page read
 * again gets a fresh nonce, the same in its header and scripts, and a
 * change saved through one worker shows on the next read through either.
 */
async function checkAnswerCache({ server, checks, cookie, headers }) {
  const title = `Cache check ${Date.now().toString(36)}`;
  const readLibrary = () => Promise.all(Array.from({ length: 4 }, () => request(`${server.url}/?q=${encodeURIComponent(title)}`, { headers: { cookie }, redirect: "manual" })));
  const before = await readLibrary();
  const nonces = before.map(nonceOf);
  checks.check(
    "answer cache: every read of a page has its own nonce, the one its scripts carry",
    before.every((answer, i) => answer.status === 200 && nonces[i] && String(answer.body).includes(`nonce="${nonces[i]}"`)) && new Set(nonces).size === nonces.length,
    `${new Set(nonces).size} nonces in ${nonces.length} reads`,
  );
  const created = await jsonRequest(`${server.url}/api/postmortems`, "POST", { title }, headers);
  const after = await readLibrary();
  checks.check(
    "answer cache: a postmortem created through one worker is in the next read through either",
    created.status === 201 && before.every((answer) => !String(answer.body).includes(created.body?.slug)) && after.every((answer) => String(answer.body).includes(created.body?.slug)),
    `statuses ${after.map((answer) => answer.status).join(",")}`,
  );
}

/**
 * A GET carrying a body (here, the bytes of a second request): the front
 * must leave it to Next, not render it on its own connection to Next with a
 * length it never sends (the render would wait for the body forever, and
 * every reader of the page with it).
 */
async function checkGetWithBody({ server, checks, cookie }) {
  const hidden = `GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`;
  const raw = `GET /insights HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nCookie: ${cookie}\r\nContent-Length: ${hidden.length}\r\nConnection: close\r\n\r\n${hidden}`;
  const answer = await new Promise((resolve) => {
    let received = "";
    const socket = net.connect(server.port, "127.0.0.1", () => socket.write(raw));
    socket.setTimeout(15_000, () => socket.destroy());
    socket.on("data", (chunk) => (received += chunk));
    socket.on("close", () => resolve(received));
    socket.on("error", () => resolve(received));
  });
  // New addresses, so that they are rendered, on the connections to Next the request above used.
  const pages = [];
  for (let i = 0; i < 4; i++) pages.push(await request(`${server.url}/insights?after=${i}`, { headers: { cookie }, redirect: "manual", signal: AbortSignal.timeout(15_000) }));
  checks.check(
    "answer cache: a GET with a body is answered (by Next, as it is), and the pages rendered after it are whole",
    answer.startsWith("HTTP/1.1 200") && pages.every((page) => page.status === 200 && String(page.body).includes("<html")),
    `${answer.split("\r\n", 1)[0] || "no answer"}; then ${pages.map((page) => page.status).join(",")}`,
  );
}

/** With HINDSIGHT_BUSY_TIMEOUT_MS=0, a write that finds the turn free still goes ahead (the timeout counts only while queued). */
export async function checkClusterWithoutBusyWait({ port, file, checks, accounts }) {
  const server = startServer({ port, workers: 1, env: { DATABASE_URL: `file:${file}`, HINDSIGHT_BUSY_TIMEOUT_MS: "0" } });
  try {
    await waitUntilAnswering(server);
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await jsonRequest(`${server.url}/api/postmortems`, "POST", { title: `No wait ${i}` }, bearer(accounts.tokens.admin))).status);
    checks.check("npm start with a busy timeout of 0: writes one after another all succeed", statuses.every((status) => status === 201), `statuses ${statuses.join(",")}`);
  } finally {
    await server.stop("SIGTERM");
  }
}

/** `npm start`'s launcher (scripts/serve.mjs): two workers share the port and the database, and SIGTERM stops them all. */
export async function checkClusterLauncher({ port, file, checks, accounts }) {
  const headers = bearer(accounts.tokens.admin);
  const server = startServer({ port, workers: 2, env: { DATABASE_URL: `file:${file}` } });
  try {
    await waitUntilAnswering(server);
    const workers = childrenOf(server.pid);
    checks.check("npm start's launcher: two worker processes serve the port", workers === null || workers.length === 2, workers === null ? "no /proc here: not counted" : `${workers.length} workers`);
    const title = `Cluster check ${Date.now().toString(36)}`;
    const creates = await Promise.all(Array.from({ length: 20 }, () => jsonRequest(`${server.url}/api/postmortems`, "POST", { title }, headers)));
    const slugs = new Set(creates.map((answer) => answer.body?.slug));
    checks.check(
      "npm start's launcher: 20 simultaneous creates through both workers all succeed, with unique slugs",
      creates.every((answer) => answer.status === 201) && slugs.size === 20,
      `statuses ${[...new Set(creates.map((answer) => answer.status))].join(",")}; ${slugs.size} slugs`,
    );
    const cookie = await signIn(server, accounts.people.admin);
    await checkAnswerCache({ server, checks, cookie, headers });
    await checkGetWithBody({ server, checks, cookie });
  } finally {
    const startedStopping = Date.now();
    const exit = await server.stop("SIGTERM");
    checks.check(
      "npm start's launcher: SIGTERM stops every worker and the launcher exits 0",
      exit.code === 0 && (childrenOf(server.pid)?.length ?? 0) === 0,
      `exit ${exit.code ?? exit.signal} after ${((Date.now() - startedStopping) / 1000).toFixed(1)} s`,
    );
  }
  checks.check("npm start's launcher: nothing answers on the port afterwards", (await request(`${server.url}/api/health`, { signal: AbortSignal.timeout(3_000) })).status === 0);
}
