/**
 * `npm run bench:load [-- --reuse] [--count N] [--duration S] [--connections N] [--workers N] [--no-cache] [--only a,b]`
 * (through bench-load.mjs).
 *
 * Load on loopback with autocannon against the production build: seeds a
 * library of 10,000 synthetic postmortems into data/bench/load-10000.db (or
 * reuses it with --reuse), adds a viewer and an editor with the CLI, starts
 * the server on it as `npm start` does (one worker per core; --workers 1 for
 * a single `next start`), signs both in through the login endpoint (session
 * cookies, as a browser has), then runs each scenario for --duration seconds
 * with --connections connections: the library page, postmortem pages,
 * searches and the 5,000-event page read as the viewer (the library page as
 * the editor too: the answer cache keeps each person's answers apart), saves
 * as the editor (PUT with the version read; a 409 from two connections
 * saving the same postmortem is counted apart from errors), after two
 * floors: GET /api/health, the least work a request to Next can be, and GET
 * /api/me, a tiny answer to a signed-in request (never cached).
 * A read scenario first asks for each address it will use once per worker,
 * one at a time (the "render" column, median of the misses: what a page
 * costs when the answer cache does not have it, decision 020); every scenario then sends 40
 * requests one at a time (the "alone" column: a request's cost with no
 * queue, from the cache for reads), then the load. The last scenario reads
 * postmortem pages while another connection saves one postmortem a second,
 * each save emptying the answer cache, as a team writing while others read
 * would. --no-cache runs the server without the cache (HINDSIGHT_CACHE_MB=0).
 * The "CPU ms/req" column is the server processes' CPU time per request of
 * the load (Linux /proc): on a busy machine, a steadier measure than latency.
 * Then the cost of checking credentials per request: GET /api/me one at a
 * time without credentials, with the viewer's session and with a token (the
 * server's CPU per request), and authenticate() and the answer cache's
 * re-check on a hit timed in this process. Prints requests/s, p50/p99
 * latency, errors and non-2xx per scenario beside last round's figures
 * (docs/reliability.md), and writes test-reports/bench-load.json. Figures,
 * not assertions.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import Database from "better-sqlite3";
import { createRandom } from "@/lib/domain/synthetic/random";
import { BENCH_PEOPLE, ensureBenchPeople, prepareBenchLibrary, timeCredentialChecks, type Timing } from "./lib/bench-library";
import { workerCount } from "./lib/serve-cluster.mjs";
import { createToken, signIn, startServer, waitUntilAnswering } from "./lib/server-process.mjs";
import { ensureBuild, root } from "./lib/steps.mjs";
import { cpuMsOf, processTree } from "./lib/process-usage";

const { values: flags } = parseArgs({
  options: {
    reuse: { type: "boolean", default: false },
    count: { type: "string", default: "10000" },
    duration: { type: "string", default: "30" },
    connections: { type: "string", default: "50" },
    port: { type: "string", default: "3149" },
    // As npm start runs (one per core, at most 4); --workers 1 for a single `next start`.
    workers: { type: "string", default: String(workerCount()) },
    "no-cache": { type: "boolean", default: false },
    only: { type: "string" },
  },
});
const COUNT = Number(flags.count);
const DURATION = Number(flags.duration);
const CONNECTIONS = Number(flags.connections);
const PORT = Number(flags.port);
const WORKERS = Number(flags.workers);
for (const [name, value] of Object.entries({ count: COUNT, duration: DURATION, connections: CONNECTIONS, port: PORT, workers: WORKERS })) {
  if (!Number.isSafeInteger(value) || value <= 0) {
    console.error(`--${name} must be a positive whole number (got ${JSON.stringify(flags[name as keyof typeof flags])}).`);
    process.exit(2);
  }
}
const file = path.join(root, "data", "bench", `load-${COUNT}.db`);
const origin = `http://127.0.0.1:${PORT}`;
process.env.DATABASE_URL = `file:${file}`;
process.env.HINDSIGHT_LOG_LEVEL ??= "warn";

const say = (text: string) => process.stdout.write(`${text}\n`);
const fmt = new Intl.NumberFormat("en-US");

type Doc = Record<string, unknown> & { slug: string; version: number };

/** Who a scenario's requests are from: headers that carry their session (and, for writes, our own Origin, as a browser sends). */
type Sessions = { viewer: Record<string, string>; editor: Record<string, string> };

/**
 * Last round's figures (docs/reliability.md: 2026-12-05 06:55 UTC, before
 * accounts: anonymous requests, 30 s per scenario, load average 1.7), printed
 * beside this run's. Keyed by `Scenario.previous`.
 */
const LAST_ROUND: Record<string, { requestsPerSecond: number; p50Ms: number; p99Ms: number; errors: number }> = {
  health: { requestsPerSecond: 898, p50Ms: 49, p99Ms: 141, errors: 0 },
  library: { requestsPerSecond: 3857, p50Ms: 10, p99Ms: 51, errors: 0 },
  postmortem: { requestsPerSecond: 1064, p50Ms: 45, p99Ms: 121, errors: 0 },
  search: { requestsPerSecond: 9386, p50Ms: 4, p99Ms: 21, errors: 0 },
  save: { requestsPerSecond: 39.2, p50Ms: 1255, p99Ms: 1418, errors: 0 },
  huge: { requestsPerSecond: 500, p50Ms: 100, p99Ms: 231, errors: 0 },
  mixed: { requestsPerSecond: 44.7, p50Ms: 1079, p99Ms: 2466, errors: 0 },
};

/** Slugs spread over the whole library, the same for the same library; `editable` leaves out published ones (they refuse saves with 409). */
function sampleSlugs(count: number, { editable = false } = {}): string[] {
  const raw = new Database(file, { readonly: true });
  try {
    const statuses = editable ? `('draft', 'in_review')` : `('draft', 'in_review', 'published')`;
    const rows = raw.prepare(`SELECT "slug" FROM "Postmortem" WHERE "status" IN ${statuses} ORDER BY "id"`).all() as { slug: string }[];
    const random = createRandom(7);
    return Array.from({ length: Math.min(count, rows.length) }, () => random.pick(rows).slug);
  } finally {
    raw.close();
  }
}

const SEARCHES = [
  "cache",
  "database failover",
  "certificate expired",
  '"feature flag"',
  "race condition",
  "dns resolver",
  "timeout -retry",
  "token parser",
  "replica lag",
  "config&severity=SEV1",
  "deploy&status=published",
  "memory leak",
  "queue backlog",
  "rate limit",
  "kubernetes node",
  "payment",
];

type Scenario = {
  name: string;
  /** "mixed": reads measured beside writes; reported, not part of the issue's goal. */
  kind: "read" | "write" | "floor" | "mixed";
  /** The key of last round's figures for the same work (LAST_ROUND). */
  previous?: string;
  /** The session the warm-up renders are asked for with (the answer cache keys by it). */
  headers?: Record<string, string>;
  options: Partial<autocannon.Options>;
  /** Every address the load will read, asked for once before it (the answer cache's misses). */
  addresses?: string[];
  /** Load running beside the measured one (not measured): autocannon options. */
  beside?: Partial<autocannon.Options>;
};

/** 5,000 timeline events of short texts (about 550 KB of JSON): the page a pasted chat export makes. */
function hugeTimelineDocument() {
  const start = Date.parse("2024-03-13T21:00:00Z");
  const kinds = ["action", "note", "communication", "alert"];
  return {
    title: `Bench: a 5,000-event timeline ${Date.now().toString(36)}`,
    timezone: "Europe/Berlin",
    summary: "A long incident whose chat log became the timeline.",
    timeline: Array.from({ length: 5000 }, (_, i) => ({
      at: new Date(start + i * 30_000).toISOString(),
      kind: i === 0 ? "trigger" : i === 40 ? "detected" : i === 4999 ? "resolved" : kinds[i % kinds.length],
      text: `Step ${i + 1}: checked shard ${i % 97} and noted the queue depth.`,
      link: null,
    })),
  };
}

async function scenarios(sessions: Sessions): Promise<Scenario[]> {
  const slugs = sampleSlugs(500);
  let next = 0;
  const pick = () => slugs[next++ % slugs.length];

  // Saves: each connection takes the next of 500 postmortems and PUTs it back with the version it last saw.
  const docs = new Map<string, Doc>();
  for (const slug of new Set(sampleSlugs(500, { editable: true }))) {
    const response = await fetch(`${origin}/api/postmortems/${slug}`, { headers: sessions.editor });
    if (response.ok) docs.set(slug, (await response.json()) as Doc);
  }
  const saveSlugs = [...docs.keys()];
  let nextSave = 0;

  const huge = await fetch(`${origin}/api/postmortems`, {
    method: "POST",
    headers: { ...sessions.editor, "content-type": "application/json" },
    body: JSON.stringify(hugeTimelineDocument()),
  });
  if (huge.status !== 201) throw new Error(`Could not create the 5,000-event postmortem: ${huge.status} ${await huge.text()}`);
  const hugeSlug = ((await huge.json()) as Doc).slug;

  const searchPath = (i: number) => `/api/search?q=${SEARCHES[i % SEARCHES.length].replace(/ /g, "+").replace(/"/g, "%22")}`;
  const viewer = { url: origin, headers: sessions.viewer };
  const postmortemPages = { ...viewer, requests: [{ setupRequest: (request: autocannon.Request) => ({ ...request, path: `/postmortems/${pick()}` }) }] };
  const saves = (options: Partial<autocannon.Options> = {}): Partial<autocannon.Options> => ({
    url: origin,
    headers: sessions.editor,
    ...options,
    requests: [
      {
        setupRequest: (request, context) => {
          const slug = saveSlugs[nextSave++ % saveSlugs.length];
          (context as { slug?: string }).slug = slug;
          const doc = docs.get(slug)!;
          return {
            ...request,
            method: "PUT",
            path: `/api/postmortems/${slug}`,
            headers: { ...request.headers, ...sessions.editor, "content-type": "application/json" },
            body: JSON.stringify({ ...doc, summary: `${String(doc.summary ?? "").slice(0, 2000)} (bench save)` }),
          };
        },
        onResponse: (status, body, context) => {
          if (status === 200) docs.set((context as { slug: string }).slug, JSON.parse(body) as Doc);
          if (status === 409) {
            const current = (JSON.parse(body) as { current?: Doc }).current;
            if (current) docs.set((context as { slug: string }).slug, current);
          }
        },
      },
    ],
  });

  return [
    // The cheapest answer Next gives (one tiny query, no page): the stack's own floor under the same load.
    { name: "floor: GET /api/health", kind: "floor", previous: "health", options: { url: `${origin}/api/health` } },
    // A route that checks the viewer's session and answers a few fields (never cached): the floor of a signed-in request.
    { name: "session floor: GET /api/me (viewer)", kind: "floor", options: { ...viewer, url: `${origin}/api/me` } },
    { name: "library page / (viewer)", kind: "read", previous: "library", headers: sessions.viewer, options: { ...viewer, url: `${origin}/` }, addresses: ["/"] },
    {
      name: "library page / (editor)",
      kind: "read",
      previous: "library",
      headers: sessions.editor,
      options: { url: `${origin}/`, headers: sessions.editor },
      addresses: ["/"],
    },
    {
      name: "postmortem page (viewer)",
      kind: "read",
      previous: "postmortem",
      headers: sessions.viewer,
      options: postmortemPages,
      addresses: [...new Set(slugs)].map((slug) => `/postmortems/${slug}`),
    },
    {
      name: "search /api/search (viewer)",
      kind: "read",
      previous: "search",
      headers: sessions.viewer,
      options: { ...viewer, requests: [{ setupRequest: (request) => ({ ...request, path: searchPath(next++) }) }] },
      addresses: SEARCHES.map((_, i) => searchPath(i)),
    },
    { name: "save PUT (editor; 409s apart)", kind: "write", previous: "save", options: saves() },
    {
      name: "5,000-event postmortem page (viewer)",
      kind: "read",
      previous: "huge",
      headers: sessions.viewer,
      options: { ...viewer, url: `${origin}/postmortems/${hugeSlug}` },
      addresses: [`/postmortems/${hugeSlug}`],
    },
    // Reads while a team member saves once a second: each save empties every worker's cache.
    { name: "postmortem page (viewer), 1 save/s beside (editor)", kind: "mixed", previous: "mixed", options: postmortemPages, beside: saves({ connections: 1, overallRate: 1 }) },
  ];
}

type Row = {
  scenario: string;
  kind: string;
  /** CPU time the server's processes spent per request of the load (Linux /proc): what a request costs, however busy the machine is. */
  serverCpuMsPerRequest: number | null;
  /** Answers by status code, when any was not 2xx. */
  statuses: Record<string, number>;
  /** Last round's figures for the same work, when there were any. */
  last: (typeof LAST_ROUND)[string] | null;
  /** Median latency of the first request for each address, four at a time: a render, not the cache. */
  renderMs: number | null;
  /** Median latency of one request at a time: what a request costs with no queue. */
  aloneMs: number;
  requests: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  non2xx: number;
  conflicts409: number;
};

/** GETs `address` on a new connection; answers the latency in ms and whether the answer cache served it. */
function getOnNewConnection(address: string, headers: Record<string, string> = {}): Promise<{ ms: number; cached: boolean }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    http
      .get(`${origin}${address}`, { agent: false, headers }, (response) => {
        response.resume();
        response.on("end", () => resolve({ ms: performance.now() - started, cached: response.headers["x-hindsight-cache"] === "hit" }));
      })
      .on("error", reject);
  });
}

/**
 * Asks for each address once per worker, one request at a time on a new
 * connection each (the cluster hands new connections to the workers in
 * turn), so that every worker's cache holds every address, as it would
 * after a while of use. Answers the median latency of the renders (misses).
 */
async function renderEach(addresses: string[], headers: Record<string, string> = {}): Promise<number | null> {
  const renders: number[] = [];
  for (const address of addresses) {
    for (let i = 0; i < WORKERS; i++) {
      const { ms, cached } = await getOnNewConnection(address, headers);
      if (!cached) renders.push(ms);
    }
  }
  renders.sort((a, b) => a - b);
  return renders.length ? Math.round(renders[Math.floor(renders.length / 2)]) : null;
}



async function run(scenario: Scenario, server: { pid: number }): Promise<Row> {
  const renderMs = scenario.addresses && !flags["no-cache"] ? await renderEach(scenario.addresses, scenario.headers) : null;
  const alone = await autocannon({ connections: 1, amount: 40, ...scenario.options } as autocannon.Options);
  const pids = processTree(server.pid);
  const cpuBefore = cpuMsOf(pids);
  const beside = scenario.beside ? autocannon({ duration: DURATION, ...scenario.beside } as autocannon.Options) : null;
  const result = await autocannon({ connections: CONNECTIONS, duration: DURATION, ...scenario.options } as autocannon.Options);
  await beside;
  const cpuMs = cpuMsOf(pids) - cpuBefore;
  const statusCodes = (result as unknown as { statusCodeStats?: Record<string, { count: number }> }).statusCodeStats ?? {};
  const conflicts = statusCodes["409"]?.count ?? 0;
  const statuses = Object.fromEntries(Object.entries(statusCodes).map(([code, { count }]) => [code, count]));
  return {
    scenario: scenario.name,
    serverCpuMsPerRequest: pids.length && result.requests.total ? Math.round((cpuMs / result.requests.total) * 100) / 100 : null,
    statuses: Object.keys(statuses).some((code) => !code.startsWith("2")) ? statuses : {},
    kind: scenario.kind,
    last: scenario.previous ? LAST_ROUND[scenario.previous] : null,
    renderMs,
    aloneMs: alone.latency.p50,
    requests: result.requests.total,
    requestsPerSecond: Math.round(result.requests.average * 10) / 10,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx - conflicts,
    conflicts409: conflicts,
  };
}

function printTable(rows: Row[]) {
  const header = ["scenario", "render ms", "alone ms", "req/s", "p50 ms", "p99 ms", "errors", "non-2xx", "409s", "requests", "CPU ms/req", "last: req/s", "p50", "p99", "errors"];
  const lines = rows.map((row) => [
    row.scenario,
    row.renderMs === null ? "–" : String(row.renderMs),
    String(row.aloneMs),
    String(row.requestsPerSecond),
    String(row.p50Ms),
    String(row.p99Ms),
    String(row.errors),
    String(row.non2xx),
    String(row.conflicts409),
    fmt.format(row.requests),
    row.serverCpuMsPerRequest === null ? "–" : String(row.serverCpuMsPerRequest),
    ...(row.last ? [fmt.format(row.last.requestsPerSecond), String(row.last.p50Ms), String(row.last.p99Ms), String(row.last.errors)] : ["–", "–", "–", "–"]),
  ]);
  const widths = header.map((title, i) => Math.max(title.length, ...lines.map((line) => line[i].length)));
  const format = (cells: string[]) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join("  ");
  say(format(header));
  say(widths.map((width) => "-".repeat(width)).join("  "));
  for (const line of lines) say(format(line));
}

/**
 * What checking credentials costs a whole request to the server: GET /api/me
 * (authenticates, answers a few fields, never cached) one request at a time
 * on a kept-alive connection, without credentials (401: nothing looked up),
 * with the viewer's session and with a token. The three alternate in blocks
 * of `block` requests, `blocks` times over, so that the machine's load,
 * which changes by the second here, weighs on each alike. The server's CPU
 * time per request (Linux /proc, all its processes; ticks of 10 ms, summed
 * over the blocks) is what that load inflates least; the median latency is
 * given too.
 */
async function credentialCostOverHttp(server: { pid: number }, credentials: { session: Record<string, string>; token: Record<string, string> }, { blocks = 20, block = 40 } = {}) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const getMe = (headers: Record<string, string>) =>
    new Promise<void>((resolve, reject) => {
      http
        .get(`${origin}/api/me`, { agent, headers }, (response) => {
          response.resume();
          response.on("end", resolve);
        })
        .on("error", reject);
    });
  const pids = processTree(server.pid);
  const cases = [
    { what: "GET /api/me without credentials (401)", headers: {}, cpuMs: 0, times: [] as number[] },
    { what: "GET /api/me with the viewer's session", headers: credentials.session, cpuMs: 0, times: [] as number[] },
    { what: "GET /api/me with a read-only token", headers: credentials.token, cpuMs: 0, times: [] as number[] },
  ];
  for (const entry of cases) for (let i = 0; i < 20; i++) await getMe(entry.headers);
  for (let b = 0; b < blocks; b++) {
    for (const entry of cases) {
      const cpuBefore = cpuMsOf(pids);
      for (let i = 0; i < block; i++) {
        const started = performance.now();
        await getMe(entry.headers);
        entry.times.push(performance.now() - started);
      }
      entry.cpuMs += cpuMsOf(pids) - cpuBefore;
    }
  }
  agent.destroy();
  const round = (ms: number) => Math.round(ms * 100) / 100;
  return cases.map(({ what, cpuMs, times }) => {
    times.sort((x, y) => x - y);
    return { what, requests: times.length, serverCpuMsPerRequest: pids.length ? round(cpuMs / times.length) : null, p50Ms: round(times[Math.floor(times.length / 2)]) };
  });
}

function printTimings(timings: { what: string; timing: Timing }[]) {
  const width = Math.max(...timings.map((entry) => entry.what.length));
  say(`${"in-process, one at a time".padEnd(width)}  CPU ms  mean ms  p50 ms  p99 ms`);
  for (const { what, timing } of timings) {
    const cells = [timing.cpuMs, timing.meanMs, timing.p50Ms, timing.p99Ms].map((ms, i) => ms.toFixed(3).padStart(i === 0 ? 6 : i === 1 ? 7 : 6));
    say(`${what.padEnd(width)}  ${cells.join("  ")}`);
  }
}

async function main() {
  const seedSeconds = await prepareBenchLibrary({ file, count: COUNT, reuse: Boolean(flags.reuse) });
  await ensureBenchPeople(file, Object.values(BENCH_PEOPLE));
  // A read-only token of the viewer's, for timing the token path too (a new one each run: a token is shown once).
  const { token } = await createToken({ databaseUrl: `file:${file}`, email: BENCH_PEOPLE.viewer.email, name: `bench ${new Date().toISOString()}`, readOnly: true });
  ensureBuild();
  const cache = flags["no-cache"] ? "without the answer cache" : "with the answer cache";
  say(
    `Library: ${fmt.format(COUNT)} postmortems; ${CONNECTIONS} connections, ${DURATION} s per scenario; ${WORKERS} server ${WORKERS === 1 ? "process" : "processes"} as npm start runs them, ${cache}; ${os.cpus().length} cores, Node ${process.version}`,
  );
  const server = startServer({ port: PORT, workers: WORKERS, env: flags["no-cache"] ? { HINDSIGHT_CACHE_MB: "0" } : {} });
  await waitUntilAnswering(server, { timeoutMs: 120_000 });
  const cookies = { viewer: await signIn(server, BENCH_PEOPLE.viewer), editor: await signIn(server, BENCH_PEOPLE.editor) };
  // A browser sends its Origin with a write; the edge checks it against ours (decision 021).
  const sessions: Sessions = { viewer: { cookie: cookies.viewer }, editor: { cookie: cookies.editor, origin } };
  const loadBefore = os.loadavg();
  const rows: Row[] = [];
  let overHttp: Awaited<ReturnType<typeof credentialCostOverHttp>> = [];
  try {
    const only = flags.only?.split(",").map((word) => word.trim().toLowerCase());
    for (const scenario of await scenarios(sessions)) {
      if (only && !only.some((word) => scenario.name.toLowerCase().includes(word))) continue;
      process.stderr.write(`Running ${scenario.name} for ${DURATION} s…\n`);
      rows.push(await run(scenario, server));
    }
    process.stderr.write("Timing credential checks over HTTP…\n");
    overHttp = await credentialCostOverHttp(server, { session: sessions.viewer, token: { authorization: `Bearer ${token}` } });
  } finally {
    server.kill("SIGTERM");
  }
  const loadAfter = os.loadavg();
  await server.exited;
  process.stderr.write("Timing the credential checks in this process…\n");
  const timings = await timeCredentialChecks({ file, cookie: cookies.viewer, token });
  say("");
  printTable(rows);
  say(`\nLoad average (1/5/15 min) before: ${loadBefore.map((n) => n.toFixed(2)).join(" ")}, after: ${loadAfter.map((n) => n.toFixed(2)).join(" ")}`);
  if (seedSeconds !== null) say(`Seeding ${fmt.format(COUNT)} postmortems took ${seedSeconds.toFixed(1)} s`);
  say("\nWhat checking credentials costs a request:");
  printTimings(timings);
  say("\nOver HTTP, one request at a time, the three interleaved (server CPU per request from /proc; median latency):");
  for (const entry of overHttp) say(`  ${entry.what.padEnd(40)} ${String(entry.serverCpuMsPerRequest ?? "–").padStart(6)} ms CPU  p50 ${entry.p50Ms} ms  (${entry.requests} requests)`);
  const [anonymous, session, tokenRow] = overHttp;
  if (anonymous?.serverCpuMsPerRequest != null && session.serverCpuMsPerRequest !== null && tokenRow.serverCpuMsPerRequest !== null) {
    say(
      `  a session check adds ${(session.serverCpuMsPerRequest - anonymous.serverCpuMsPerRequest).toFixed(2)} ms of server CPU (${(session.p50Ms - anonymous.p50Ms).toFixed(2)} ms of latency), ` +
        `a token check ${(tokenRow.serverCpuMsPerRequest - anonymous.serverCpuMsPerRequest).toFixed(2)} ms (${(tokenRow.p50Ms - anonymous.p50Ms).toFixed(2)} ms)`,
    );
  }
  for (const row of rows) {
    if (Object.keys(row.statuses).length) say(`Answers of "${row.scenario}" by status: ${Object.entries(row.statuses).map(([code, count]) => `${code}×${count}`).join(", ")}`);
  }
  const sessionCheck = timings.find((entry) => entry.what.startsWith("authenticate(): session"))!.timing;
  say(`Session check goal (under 2 ms a request): ${sessionCheck.cpuMs < 2 && sessionCheck.p50Ms < 2 ? "met" : "not met"} (CPU ${sessionCheck.cpuMs} ms, p50 ${sessionCheck.p50Ms} ms a check)`);
  const reads = rows.filter((row) => row.kind === "read" && !row.scenario.startsWith("5,000"));
  const goal = reads.every((row) => row.errors === 0 && row.non2xx === 0 && row.p99Ms < 250) && rows.every((row) => row.kind === "mixed" || row.errors === 0);
  say(`Goal (no errors; reads p99 < 250 ms): ${goal ? "met" : "not met"}`);
  mkdirSync(path.join(root, "test-reports"), { recursive: true });
  const report = {
    at: new Date().toISOString(),
    count: COUNT,
    connections: CONNECTIONS,
    workers: WORKERS,
    cache: !flags["no-cache"],
    durationSeconds: DURATION,
    cores: os.cpus().length,
    node: process.version,
    loadBefore,
    loadAfter,
    seedSeconds,
    rows,
    credentialChecks: timings,
    credentialChecksOverHttp: overHttp,
  };
  writeFileSync(path.join(root, "test-reports", "bench-load.json"), `${JSON.stringify(report, null, 2)}\n`);
  say("Written to test-reports/bench-load.json");
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
