/**
 * `node scripts/bench-export.mjs [--reuse] [--count N] [--workers N] [--runs N] [--dist DIR]`
 *
 * The zip export of every published postmortem (GET /api/export, issue 15)
 * against the production build, on the load benchmark's library
 * (data/bench/load-10000.db, seeded once; --reuse afterwards): how long the
 * answer takes to start and to finish, how big it is, the server's memory at
 * its highest (RSS of its processes, Linux /proc), and what it does to
 * GET /api/health asked one after another all the while (the worst and the
 * typical latency, beside the same health checks for 20 s with no export
 * running).
 * One server process by default (--workers 1), so that every health check
 * goes to the process doing the export. --dist DIR runs a build made before
 * (say, a copy of the build before issue 15) instead of building.
 * Figures, not assertions; written to test-reports/bench-export.json.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { unzipSync } from "fflate";
import { BENCH_PEOPLE, ensureBenchPeople, prepareBenchLibrary } from "./lib/bench-library";
import { signIn, startServer, waitUntilAnswering } from "./lib/server-process.mjs";
import { ensureBuild, root } from "./lib/steps.mjs";
import { cpuMsOf, processTree } from "./lib/process-usage";

const { values: flags } = parseArgs({
  options: {
    reuse: { type: "boolean", default: false },
    count: { type: "string", default: "10000" },
    // Apart from the other benchmarks' (bench:load 3149, bench:pages 3151, bench:lighthouse 3152): they may run at the same time.
    port: { type: "string", default: "3158" },
    workers: { type: "string", default: "1" },
    runs: { type: "string", default: "2" },
    dist: { type: "string" },
  },
});
const COUNT = Number(flags.count);
const PORT = Number(flags.port);
const WORKERS = Number(flags.workers);
const RUNS = Number(flags.runs);
/** How long GET /api/health is measured with no export running, before the exports. */
const ALONE_SECONDS = 20;
const file = path.join(root, "data", "bench", `load-${COUNT}.db`);
const origin = `http://127.0.0.1:${PORT}`;
process.env.DATABASE_URL = `file:${file}`;

const say = (text: string) => process.stdout.write(`${text}\n`);
const round = (ms: number) => Math.round(ms * 10) / 10;

type Latencies = { count: number; p50Ms: number; p99Ms: number; maxMs: number; over50Ms: number };

function summarise(times: number[]): Latencies {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => round(sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] ?? 0);
  return { count: sorted.length, p50Ms: at(0.5), p99Ms: at(0.99), maxMs: round(sorted.at(-1) ?? 0), over50Ms: sorted.filter((ms) => ms > 50).length };
}

/**
 * One GET /api/health on a new connection (a kept-alive one may be closed by
 * the server just as it is reused, when its event loop was blocked); its
 * latency in ms.
 */
function health(): Promise<number> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    http
      .get(`${origin}/api/health`, { agent: false }, (response) => {
        response.resume();
        response.on("end", () => resolve(performance.now() - started));
      })
      .on("error", reject);
  });
}

/** GET /api/health one after another until `until` settles: the latencies. */
async function probeHealth(until: Promise<unknown>): Promise<number[]> {
  let done = false;
  void until.finally(() => (done = true));
  const times: number[] = [];
  while (!done) {
    times.push(await health());
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return times;
}

/** The server's processes' resident memory in MB (Linux), or null. */
function rssMb(pids: number[]): number | null {
  let kb = 0;
  for (const pid of pids) {
    try {
      kb += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
    } catch {
      return null;
    }
  }
  return Math.round(kb / 1024);
}



/** One export, as a browser downloads it; times to the first byte and to the end. */
function exportOnce(cookie: string): Promise<{ status: number; firstByteMs: number; totalMs: number; bytes: number; body: Buffer }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    http
      .get(`${origin}/api/export`, { agent: false, headers: { cookie } }, (response) => {
        let firstByteMs = -1;
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => {
          if (firstByteMs < 0) firstByteMs = performance.now() - started;
          chunks.push(chunk);
        });
        response.on("end", () => {
          const body = Buffer.concat(chunks);
          resolve({ status: response.statusCode ?? 0, firstByteMs: round(firstByteMs), totalMs: round(performance.now() - started), bytes: body.length, body });
        });
        response.on("error", reject);
      })
      .on("error", reject);
  });
}

/** Refuses to start when the port is taken: the health checks would otherwise measure someone else's server. */
function ensurePortFree(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", () => reject(new Error(`Port ${port} is taken (another benchmark?): pass --port.`)));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve()));
  });
}

async function main() {
  await ensurePortFree(PORT);
  await prepareBenchLibrary({ file, count: COUNT, reuse: Boolean(flags.reuse) });
  await ensureBenchPeople(file, [BENCH_PEOPLE.viewer]);
  if (!flags.dist) ensureBuild();
  const dist = flags.dist ?? process.env.NEXT_DIST_DIR ?? ".next";
  say(`Library: ${COUNT} postmortems; build ${dist}; ${WORKERS} server process${WORKERS === 1 ? "" : "es"}; ${os.cpus().length} cores, Node ${process.version}`);
  // More than 3 runs a minute for the benchmark's one viewer (the build before issue 15 ignores it).
  const server = startServer({ port: PORT, workers: WORKERS, env: { NEXT_DIST_DIR: dist, HINDSIGHT_EXPORTS_PER_MINUTE: "1000" } });
  const loadBefore = os.loadavg();
  const runs: Record<string, unknown>[] = [];
  let idle: Latencies;
  try {
    await waitUntilAnswering(server, { timeoutMs: 120_000 });
    const cookie = await signIn(server, BENCH_PEOPLE.viewer);
    for (let i = 0; i < 50; i++) await health();
    // As many checks as an export lasts, asked the same way: the worst of 900 is higher than the worst of 200.
    idle = summarise(await probeHealth(new Promise((resolve) => setTimeout(resolve, ALONE_SECONDS * 1000))));
    for (let run = 1; run <= RUNS; run++) {
      process.stderr.write(`Export ${run} of ${RUNS}…\n`);
      const pids = processTree(server.pid);
      let peakRss = rssMb(pids) ?? 0;
      const sampler = setInterval(() => (peakRss = Math.max(peakRss, rssMb(processTree(server.pid)) ?? 0)), 100);
      const rssBefore = peakRss;
      const cpuBefore = cpuMsOf(pids);
      const download = exportOnce(cookie);
      const healthTimes = await probeHealth(download);
      const result = await download;
      clearInterval(sampler);
      // The server's CPU for the export and the health checks beside it (each a few ms): what the machine's load inflates least.
      const serverCpuMs = cpuMsOf(pids) - cpuBefore;
      if (result.status !== 200) throw new Error(`The export answered ${result.status}: ${result.body.subarray(0, 300).toString()}`);
      const files = Object.keys(unzipSync(new Uint8Array(result.body))).length;
      runs.push({ run, files, firstByteMs: result.firstByteMs, totalMs: result.totalMs, serverCpuMs, megabytes: round(result.bytes / 1e6), rssBeforeMb: rssBefore, rssPeakMb: peakRss, health: summarise(healthTimes) });
      await new Promise((resolve) => setTimeout(resolve, 2_000));
    }
  } finally {
    server.kill("SIGTERM");
  }
  await server.exited;
  const loadAfter = os.loadavg();
  say(`\nGET /api/health alone: ${idle.count} checks, p50 ${idle.p50Ms} ms, p99 ${idle.p99Ms} ms, worst ${idle.maxMs} ms`);
  say("run  files  first byte  total   server CPU  size     RSS before → peak   health during: checks  p50    p99     worst   >50 ms");
  for (const row of runs as { run: number; files: number; firstByteMs: number; totalMs: number; serverCpuMs: number; megabytes: number; rssBeforeMb: number; rssPeakMb: number; health: Latencies }[]) {
    say(
      `${String(row.run).padStart(3)}  ${String(row.files).padStart(5)}  ${`${row.firstByteMs} ms`.padStart(10)}  ${`${(row.totalMs / 1000).toFixed(1)} s`.padStart(6)}  ${`${(row.serverCpuMs / 1000).toFixed(1)} s`.padStart(10)}  ${`${row.megabytes} MB`.padStart(8)}  ${`${row.rssBeforeMb} → ${row.rssPeakMb} MB`.padStart(17)}  ${String(row.health.count).padStart(20)}  ${`${row.health.p50Ms}`.padStart(5)}  ${`${row.health.p99Ms}`.padStart(6)}  ${`${row.health.maxMs}`.padStart(7)}  ${String(row.health.over50Ms).padStart(6)}`,
    );
  }
  say(`Load average (1/5/15 min) before: ${loadBefore.map((n) => n.toFixed(2)).join(" ")}, after: ${loadAfter.map((n) => n.toFixed(2)).join(" ")}`);
  mkdirSync(path.join(root, "test-reports"), { recursive: true });
  const report = { at: new Date().toISOString(), count: COUNT, dist, workers: WORKERS, cores: os.cpus().length, node: process.version, loadBefore, loadAfter, healthAlone: idle, runs };
  writeFileSync(path.join(root, "test-reports", "bench-export.json"), `${JSON.stringify(report, null, 2)}\n`);
  say("Written to test-reports/bench-export.json");
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
