/**
 * The HTTP half of `npm run bench:search`: GET /api/search from outside,
 * against the production build started as `npm start` runs it (one server
 * process per core, decision 019) with the answer cache off
 * (HINDSIGHT_CACHE_MB=0), so that every request is searched; signed in as a
 * viewer through the login endpoint, as a browser is. Measures the queries
 * one at a time (p50/p95 by kind: the issue's "selective p95" and "common
 * p95"), then `clients` clients searching at once, each going through the
 * queries from its own starting point (the issue's "10 clients p99"), with
 * GET /api/health asked every 50 ms beside them: how long any other request
 * waits while searches run. Also the search's own time as the server reports
 * it (Server-Timing: from the access check to the answer, thread included)
 * and the server processes' CPU time per search of the concurrent phase
 * (Linux /proc): on a busy machine, steadier than latency.
 */
import { readFileSync } from "node:fs";
import os from "node:os";
import { BENCH_PEOPLE, ensureBenchPeople } from "./lib/bench-library";
import { workerCount } from "./lib/serve-cluster.mjs";
import { signIn, startServer, waitUntilAnswering } from "./lib/server-process.mjs";
import { ensureBuild } from "./lib/steps.mjs";
import { cpuMsOf, processTree } from "./lib/process-usage";

export type HttpQuery = { kind: string; params: string };

export type HttpFigures = {
  dist: string;
  workers: number;
  /** Every query one at a time, two passes: milliseconds by kind, and all of them. */
  alone: Map<string, number[]>;
  all: number[];
  /** The same requests' Server-Timing (the search function's own time, on the server). */
  serverTiming: number[];
  concurrent: { clients: number; times: number[]; seconds: number; health: number[]; failures: number; cpuMsPerSearch: number | null };
  /** Resident memory of the server's processes after the last search (Linux /proc), MB. */
  rssMb: number | null;
  /** 1-, 5- and 15-minute load averages before the server started and after the last request. */
  loadBefore: number[];
  loadAfter: number[];
};

/** Starts the server on `file`, measures, stops it. `dist`: a build made before (otherwise the current one, built when stale). */
export async function measureOverHttp(options: {
  file: string;
  queries: HttpQuery[];
  dist?: string;
  workers?: number;
  clients: number;
  perClient: number;
}): Promise<HttpFigures> {
  const { file, queries, clients, perClient } = options;
  if (!options.dist) ensureBuild();
  const dist = options.dist ?? process.env.NEXT_DIST_DIR ?? ".next";
  const workers = options.workers ?? workerCount();
  await ensureBenchPeople(file, [BENCH_PEOPLE.viewer]);
  const loadBefore = os.loadavg();
  const port = 3900 + Math.floor(Math.random() * 90);
  const server = startServer({
    port,
    workers,
    env: { DATABASE_URL: `file:${file}`, NEXT_DIST_DIR: dist, HINDSIGHT_CACHE_MB: "0", HINDSIGHT_LOG_LEVEL: "warn" },
  });
  try {
    await waitUntilAnswering(server, { timeoutMs: 180_000 });
    const cookie = await signIn(server, BENCH_PEOPLE.viewer);
    let failures = 0;
    const serverTiming: number[] = [];
    const get = async (path: string): Promise<number> => {
      const started = performance.now();
      const response = await fetch(`${server.url}${path}`, { headers: { cookie } });
      await response.arrayBuffer();
      const elapsed = performance.now() - started;
      if (response.status !== 200) failures++;
      const timing = /dur=([\d.]+)/.exec(response.headers.get("server-timing") ?? "");
      if (timing) serverTiming.push(Number(timing[1]));
      return elapsed;
    };
    const search = (query: HttpQuery) => get(`/api/search?${query.params}`);

    // Warm-up: every query once per server process (connections are handed out in turn), so that each has its facet cache.
    for (let i = 0; i < workers; i++) for (const query of queries) await search(query);
    if (failures) throw new Error(`${failures} warm-up searches did not answer 200: is the viewer signed in?`);

    serverTiming.length = 0;
    const alone = new Map<string, number[]>();
    const all: number[] = [];
    for (let pass = 0; pass < 2; pass++) {
      for (const query of queries) {
        const ms = await search(query);
        all.push(ms);
        alone.set(query.kind, [...(alone.get(query.kind) ?? []), ms]);
      }
    }

    const aloneServerTiming = serverTiming.splice(0);
    const times: number[] = [];
    const health: number[] = [];
    const pids = processTree(server.pid);
    const cpuBefore = cpuMsOf(pids);
    let running = true;
    const watcher = (async () => {
      while (running) {
        health.push(await get("/api/health"));
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();
    const started = performance.now();
    await Promise.all(
      Array.from({ length: clients }, async (_, client) => {
        const offset = Math.floor((client * queries.length) / clients);
        for (let i = 0; i < perClient; i++) times.push(await search(queries[(offset + i) % queries.length]));
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const cpuMsPerSearch = pids.length ? (cpuMsOf(pids) - cpuBefore) / times.length : null;
    const rssMb = pids.length ? rssMbOf(processTree(server.pid)) : null;
    running = false;
    await watcher;
    return {
      dist,
      workers,
      alone,
      all,
      serverTiming: aloneServerTiming,
      concurrent: { clients, times, seconds, health, failures, cpuMsPerSearch },
      rssMb,
      loadBefore,
      loadAfter: os.loadavg(),
    };
  } finally {
    await server.stop();
  }
}



/** Resident memory (MB) of the processes `pids` now. */
function rssMbOf(pids: number[]): number {
  let kb = 0;
  for (const pid of pids) {
    try {
      kb += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
    } catch {
      // Gone meanwhile.
    }
  }
  return kb / 1024;
}
