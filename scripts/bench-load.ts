/**
 * `npm run bench:load [-- --reuse] [--count N] [--duration S] [--connections N] [--workers N] [--no-cache] [--only a,b]`
 * (through bench-load.mjs).
 *
 * Load on loopback with autocannon against the production build: seeds a
 * library of 10,000 synthetic postmortems into data/bench/load-10000.db (or
 * reuses it with --reuse), starts the server on it as `npm start` does (one
 * worker per core; --workers 1 for a single `next start`), then runs each scenario
 * for --duration seconds with --connections connections: the library page,
 * postmortem pages, searches, saves (PUT with the version read; a 409 from two
 * connections saving the same postmortem is counted apart from errors), and
 * one postmortem with 5,000 timeline events (render time of a huge page),
 * after a floor: GET /api/health, the least work a request to Next can be.
 * A read scenario first asks for each address it will use once per worker,
 * one at a time (the "render" column, median of the misses: what a page
 * costs when the answer cache does not have it, decision 020); every scenario then sends 40
 * requests one at a time (the "alone" column: a request's cost with no
 * queue, from the cache for reads), then the load. The last scenario reads
 * postmortem pages while another connection saves one postmortem a second,
 * each save emptying the answer cache, as a team writing while others read
 * would. --no-cache runs the server without the cache (HINDSIGHT_CACHE_MB=0).
 * Prints requests/s, p50/p99 latency, errors and non-2xx per scenario, and
 * writes test-reports/bench-load.json. Figures, not assertions.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import Database from "better-sqlite3";
import { createRandom } from "@/lib/domain/synthetic/random";
import { prepareBenchLibrary } from "./lib/bench-library";
import { workerCount } from "./lib/serve-cluster.mjs";
import { startServer, waitUntilAnswering } from "./lib/server-process.mjs";
import { ensureBuild, root } from "./lib/steps.mjs";

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
  /** "mixed": reads measured beside writes; reported, not part of the goal. */
  kind: "read" | "write" | "floor" | "mixed";
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

async function scenarios(): Promise<Scenario[]> {
  const slugs = sampleSlugs(500);
  let next = 0;
  const pick = () => slugs[next++ % slugs.length];

  // Saves: each connection takes the next of 500 postmortems and PUTs it back with the version it last saw.
  const docs = new Map<string, Doc>();
  for (const slug of new Set(sampleSlugs(500, { editable: true }))) {
    const response = await fetch(`${origin}/api/postmortems/${slug}`);
    if (response.ok) docs.set(slug, (await response.json()) as Doc);
  }
  const saveSlugs = [...docs.keys()];
  let nextSave = 0;

  const huge = await fetch(`${origin}/api/postmortems`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(hugeTimelineDocument()) });
  if (huge.status !== 201) throw new Error(`Could not create the 5,000-event postmortem: ${huge.status} ${await huge.text()}`);
  const hugeSlug = ((await huge.json()) as Doc).slug;

  const searchPath = (i: number) => `/api/search?q=${SEARCHES[i % SEARCHES.length].replace(/ /g, "+").replace(/"/g, "%22")}`;
  const postmortemPages = { url: origin, requests: [{ setupRequest: (request: autocannon.Request) => ({ ...request, path: `/postmortems/${pick()}` }) }] };
  const saves = (options: Partial<autocannon.Options> = {}): Partial<autocannon.Options> => ({
    url: origin,
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
            headers: { "content-type": "application/json", "x-hindsight-author": "bench" },
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
    { name: "floor: GET /api/health", kind: "floor", options: { url: `${origin}/api/health` } },
    { name: "library page /", kind: "read", options: { url: `${origin}/` }, addresses: ["/"] },
    { name: "postmortem page", kind: "read", options: postmortemPages, addresses: [...new Set(slugs)].map((slug) => `/postmortems/${slug}`) },
    {
      name: "search /api/search",
      kind: "read",
      options: { url: origin, requests: [{ setupRequest: (request) => ({ ...request, path: searchPath(next++) }) }] },
      addresses: SEARCHES.map((_, i) => searchPath(i)),
    },
    { name: "save PUT (409s apart)", kind: "write", options: saves() },
    { name: "5,000-event postmortem page", kind: "read", options: { url: `${origin}/postmortems/${hugeSlug}` }, addresses: [`/postmortems/${hugeSlug}`] },
    // Reads while a team member saves once a second: each save empties every worker's cache.
    { name: "postmortem page, 1 save/s beside", kind: "mixed", options: postmortemPages, beside: saves({ connections: 1, overallRate: 1 }) },
  ];
}

type Row = {
  scenario: string;
  kind: string;
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
function getOnNewConnection(address: string): Promise<{ ms: number; cached: boolean }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    http
      .get(`${origin}${address}`, { agent: false }, (response) => {
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
async function renderEach(addresses: string[]): Promise<number | null> {
  const renders: number[] = [];
  for (const address of addresses) {
    for (let i = 0; i < WORKERS; i++) {
      const { ms, cached } = await getOnNewConnection(address);
      if (!cached) renders.push(ms);
    }
  }
  renders.sort((a, b) => a - b);
  return renders.length ? Math.round(renders[Math.floor(renders.length / 2)]) : null;
}

async function run(scenario: Scenario): Promise<Row> {
  const renderMs = scenario.addresses && !flags["no-cache"] ? await renderEach(scenario.addresses) : null;
  const alone = await autocannon({ connections: 1, amount: 40, ...scenario.options } as autocannon.Options);
  const beside = scenario.beside ? autocannon({ duration: DURATION, ...scenario.beside } as autocannon.Options) : null;
  const result = await autocannon({ connections: CONNECTIONS, duration: DURATION, ...scenario.options } as autocannon.Options);
  await beside;
  const statusCodes = (result as unknown as { statusCodeStats?: Record<string, { count: number }> }).statusCodeStats ?? {};
  const conflicts = statusCodes["409"]?.count ?? 0;
  return {
    scenario: scenario.name,
    kind: scenario.kind,
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
  const header = ["scenario", "render ms", "alone ms", "req/s", "p50 ms", "p99 ms", "errors", "non-2xx", "409s", "requests"];
  const lines = rows.map((row) => [row.scenario, row.renderMs === null ? "–" : String(row.renderMs), String(row.aloneMs), String(row.requestsPerSecond), String(row.p50Ms), String(row.p99Ms), String(row.errors), String(row.non2xx), String(row.conflicts409), fmt.format(row.requests)]);
  const widths = header.map((title, i) => Math.max(title.length, ...lines.map((line) => line[i].length)));
  const format = (cells: string[]) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join("  ");
  say(format(header));
  say(widths.map((width) => "-".repeat(width)).join("  "));
  for (const line of lines) say(format(line));
}

async function main() {
  const seedSeconds = await prepareBenchLibrary({ file, count: COUNT, reuse: Boolean(flags.reuse) });
  ensureBuild();
  const cache = flags["no-cache"] ? "without the answer cache" : "with the answer cache";
  say(
    `Library: ${fmt.format(COUNT)} postmortems; ${CONNECTIONS} connections, ${DURATION} s per scenario; ${WORKERS} server ${WORKERS === 1 ? "process" : "processes"} as npm start runs them, ${cache}; ${os.cpus().length} cores, Node ${process.version}`,
  );
  const server = startServer({ port: PORT, workers: WORKERS, env: flags["no-cache"] ? { HINDSIGHT_CACHE_MB: "0" } : {} });
  await waitUntilAnswering(server, { timeoutMs: 120_000 });
  const loadBefore = os.loadavg();
  const rows: Row[] = [];
  try {
    const only = flags.only?.split(",").map((word) => word.trim().toLowerCase());
    for (const scenario of await scenarios()) {
      if (only && !only.some((word) => scenario.name.toLowerCase().includes(word))) continue;
      process.stderr.write(`Running ${scenario.name} for ${DURATION} s…\n`);
      rows.push(await run(scenario));
    }
  } finally {
    server.kill("SIGTERM");
  }
  const loadAfter = os.loadavg();
  say("");
  printTable(rows);
  say(`\nLoad average (1/5/15 min) before: ${loadBefore.map((n) => n.toFixed(2)).join(" ")}, after: ${loadAfter.map((n) => n.toFixed(2)).join(" ")}`);
  if (seedSeconds !== null) say(`Seeding ${fmt.format(COUNT)} postmortems took ${seedSeconds.toFixed(1)} s`);
  const reads = rows.filter((row) => row.kind === "read" && !row.scenario.startsWith("5,000"));
  const goal = reads.every((row) => row.errors === 0 && row.non2xx === 0 && row.p99Ms < 250) && rows.every((row) => row.kind === "mixed" || row.errors === 0);
  say(`Goal (no errors; reads p99 < 250 ms): ${goal ? "met" : "not met"}`);
  mkdirSync(path.join(root, "test-reports"), { recursive: true });
  const report = { at: new Date().toISOString(), count: COUNT, connections: CONNECTIONS, workers: WORKERS, cache: !flags["no-cache"], durationSeconds: DURATION, cores: os.cpus().length, node: process.version, loadBefore, loadAfter, seedSeconds, rows };
  writeFileSync(path.join(root, "test-reports", "bench-load.json"), `${JSON.stringify(report, null, 2)}\n`);
  say("Written to test-reports/bench-load.json");
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
