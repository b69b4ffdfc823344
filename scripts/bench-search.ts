/**
 * `npm run bench:search [-- --reuse] [--count N] [--skip-http] [--quick] [--dist DIR] [--workers N] [--clients N] [--per-client N]`
 * (through bench-search.mjs)
 *
 * Seeds a fresh database of 50,000 synthetic postmortems (data/bench/, or
 * reuses it with --reuse), then measures, for 200 queries of 1–3 words
 * (common, selective, zero-hit, prefix, filtered):
 *   (a) searchPostmortems end to end, with facets (in this process),
 *   (b) GET /api/search over HTTP against the production server as `npm start`
 *       runs it, answer cache off, one query at a time; then --clients (10)
 *       clients at once, --per-client (100) searches each
 *       (bench-search-http.ts; --dist DIR measures a build made before),
 *   (c) the raw FTS5 query alone: top 20 by bm25 with a snippet (the floor),
 *   (d) a naive LIKE '%word%' scan over the same text, newest first.
 * Prints p50 and p95 of each, a/c and d/a, the issue's figures over HTTP
 * (selective p95, common p95, concurrent p99), the cost of keeping the index
 * in step on a save, index build time and database size, with the machine's
 * load averages. --quick leaves out the index rebuild, the LIKE scan and the
 * save timings (minutes on a large library). Figures, not assertions:
 * docs/search.md records a run.
 */
import { existsSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import { createRandom } from "@/lib/domain/synthetic/random";
import { SEARCH_FIELDS } from "@/lib/domain/search/search-document";
import { prepareBenchLibrary } from "./lib/bench-library";
import { measureOverHttp, type HttpFigures } from "./bench-search-http";
import { root } from "./lib/steps.mjs";

const { values: flags } = parseArgs({
  options: {
    reuse: { type: "boolean", default: false },
    count: { type: "string", default: "50000" },
    "skip-http": { type: "boolean", default: false },
    quick: { type: "boolean", default: false },
    dist: { type: "string" },
    workers: { type: "string" },
    clients: { type: "string", default: "10" },
    "per-client": { type: "string", default: "100" },
  },
});
const COUNT = Number(flags.count);
const file = path.join(root, "data", "bench", `search-${COUNT}.db`);
process.env.DATABASE_URL = `file:${file}`;
process.env.HINDSIGHT_LOG_LEVEL ??= "warn";

type Kind = "common" | "selective" | "zero" | "prefix" | "filtered";
type Query = { kind: Kind; q: string; params: string };

const say = (text: string) => process.stdout.write(`${text}\n`);
const ms = (value: number) => (value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2));
const fmt = new Intl.NumberFormat("en-US");

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

async function time<T>(action: () => Promise<T> | T): Promise<[number, T]> {
  const started = performance.now();
  const result = await action();
  return [performance.now() - started, result];
}

/** 200 queries, the same for the same library: words chosen by how many postmortems use them. */
function chooseQueries(raw: Database.Database, total: number): Query[] {
  const r = createRandom(2024);
  const words = (raw.prepare(`SELECT "word" FROM "SearchWord" WHERE length("word") >= 4 AND "word" GLOB '[a-z]*' AND "word" NOT GLOB '*[0-9]*'`).all() as { word: string }[]).map((w) => w.word);
  const count = raw.prepare(`SELECT count(*) AS n FROM "SearchIndex" WHERE "SearchIndex" MATCH ?`);
  const common: string[] = [];
  const selective: string[] = [];
  for (const word of r.sample(words, Math.min(words.length, 3000))) {
    const n = (count.get(`"${word}"`) as { n: number }).n;
    if (n > total * 0.2) common.push(word);
    else if (n >= total * 0.002 && n <= total * 0.02) selective.push(word);
    if (common.length >= 60 && selective.length >= 60) break;
  }
  if (common.length < 5 || selective.length < 5) throw new Error("The library is too small to choose common and selective words from.");
  const zero = Array.from({ length: 30 }, (_, i) => `qzx${"abcdefghij"[i % 10]}vor${"klmnopqrst"[Math.floor(i / 10)]}`);
  const services = (raw.prepare(`SELECT DISTINCT value FROM "SearchDocument", json_each("services") LIMIT 200`).all() as { value: string }[]).map((s) => s.value);
  const tags = (raw.prepare(`SELECT DISTINCT value FROM "SearchDocument", json_each("tags") LIMIT 200`).all() as { value: string }[]).map((s) => s.value);

  const queries: Query[] = [];
  const add = (kind: Kind, q: string, filter = "") => queries.push({ kind, q, params: `q=${encodeURIComponent(q)}${filter}` });
  for (let i = 0; i < 50; i++) {
    const n = 1 + (i % 3);
    add("common", r.sample(common, n).join(" ") + " ");
  }
  for (let i = 0; i < 50; i++) {
    const shape = i % 3;
    add("selective", (shape === 0 ? [r.pick(selective)] : shape === 1 ? [r.pick(selective), r.pick(common)] : r.sample(selective, 2)).join(" ") + " ");
  }
  for (let i = 0; i < 30; i++) add("zero", (i % 2 ? `${r.pick(common)} ${zero[i]}` : zero[i]) + " ");
  for (let i = 0; i < 40; i++) {
    // As typed: the last word cut after 3 to 6 letters, no space after it.
    const word = r.pick(i % 2 ? common : selective);
    const cut = word.slice(0, Math.min(word.length - 1, 3 + (i % 4)));
    add("prefix", i % 4 === 3 ? `${r.pick(common)} ${cut}` : cut);
  }
  const filters = [
    () => "&severity=SEV1",
    () => `&service=${encodeURIComponent(r.pick(services))}`,
    () => `&tag=${encodeURIComponent(r.pick(tags))}`,
    () => "&from=2023-01-01&to=2023-12-31",
    () => "&action=open&severity=SEV1,SEV2",
  ];
  for (let i = 0; i < 30; i++) add("filtered", `${r.pick(i % 2 ? common : selective)} `, filters[i % filters.length]());
  return queries;
}

function summarize(name: string, samples: number[]) {
  return { name, p50: percentile(samples, 50), p95: percentile(samples, 95) };
}

async function main() {
  const seedSeconds = await prepareBenchLibrary({ file, count: COUNT, reuse: Boolean(flags.reuse) });
  const { searchPostmortems, compileQuery, reindexPostmortem, searchReaderFor } = await import("@/lib/server/search");
  const { getDb } = await import("@/lib/server/db");
  const { getPostmortem } = await import("@/lib/server/postmortems");
  const { parseSearchParams } = await import("@/lib/schemas/search");
  const db = await getDb();

  const raw = new Database(file);
  raw.pragma("journal_mode = WAL");
  const total = (raw.prepare(`SELECT count(*) AS n FROM "SearchDocument"`).get() as { n: number }).n;
  say(`\nLibrary: ${fmt.format(total)} postmortems, ${os.cpus().length} cores, ${os.cpus()[0]?.model ?? ""}, Node ${process.version}, SQLite ${(raw.prepare("SELECT sqlite_version() AS v").get() as { v: string }).v}`);
  const loadAtStart = os.loadavg()[0];

  let buildMs: number | null = null;
  if (!flags.quick) {
    say("Rebuilding the FTS5 index from scratch (index build time)…");
    [buildMs] = await time(() => raw.prepare(`INSERT INTO "SearchIndex" ("SearchIndex") VALUES ('rebuild')`).run());
    raw.pragma("wal_checkpoint(TRUNCATE)");
  }

  const queries = chooseQueries(raw, total);
  const compiled = new Map<string, string>();
  const reader = searchReaderFor(db);
  for (const query of queries) compiled.set(query.q, compileQuery(reader, query.q).match ?? '""');

  // (c) the floor: what FTS5 itself needs for the top 20 by bm25 with a snippet.
  const weights = `bm25(10.0, 5.0, 2.0, ${SEARCH_FIELDS.slice(3).map(() => "1.0").join(", ")})`;
  const floor = raw.prepare(
    `SELECT "rowid", highlight("SearchIndex", 0, char(2), char(3)) AS t, snippet("SearchIndex", -1, char(2), char(3), '…', 16) AS s
     FROM "SearchIndex" WHERE "SearchIndex" MATCH ? AND "rank" MATCH '${weights}' ORDER BY "rank" LIMIT 20`,
  );
  say(`Plan of the floor query: ${(raw.prepare(`EXPLAIN QUERY PLAN SELECT "rowid" FROM "SearchIndex" WHERE "SearchIndex" MATCH ? AND "rank" MATCH '${weights}' ORDER BY "rank" LIMIT 20`).all("x") as { detail: string }[]).map((row) => row.detail).join("; ")}`);

  // (d) what a simple tool does: LIKE over every text column, newest first.
  const likeFor = (q: string) => {
    const words = q.trim().split(/\s+/).map((w) => w.replace(/^"|"$/g, ""));
    const any = `(${SEARCH_FIELDS.map((f) => `"${f}" LIKE ?`).join(" OR ")})`;
    const sql = `SELECT "id" FROM "SearchDocument" WHERE "status" != 'archived' AND ${words.map(() => any).join(" AND ")} ORDER BY "day" DESC LIMIT 20`;
    return { statement: raw.prepare(sql), params: words.flatMap((w) => SEARCH_FIELDS.map(() => `%${w}%`)) };
  };

  const samples = { a: [] as number[], b: [] as number[], c: [] as number[], d: [] as number[] };
  const byKind = new Map<Kind, { a: number[]; c: number[] }>();
  say("Warming up (facet cache, JIT)…");
  for (const query of queries) await searchPostmortems(parseSearchParams(new URLSearchParams(query.params)));

  say("Measuring (a) searchPostmortems and (c) the raw FTS5 floor, two passes…");
  for (let pass = 0; pass < 2; pass++) {
    for (const query of queries) {
      const [a] = await time(() => searchPostmortems(parseSearchParams(new URLSearchParams(query.params))));
      const [c] = await time(() => floor.all(compiled.get(query.q)));
      samples.a.push(a);
      samples.c.push(c);
      const kind = byKind.get(query.kind) ?? { a: [], c: [] };
      kind.a.push(a);
      kind.c.push(c);
      byKind.set(query.kind, kind);
    }
  }

  let http: HttpFigures | null = null;
  if (!flags["skip-http"]) {
    say(`Measuring (b) GET /api/search against the production server, alone and with ${flags.clients} clients at once…`);
    http = await measureOverHttp({
      file,
      queries,
      dist: flags.dist,
      workers: flags.workers ? Number(flags.workers) : undefined,
      clients: Number(flags.clients),
      perClient: Number(flags["per-client"]),
    });
    samples.b.push(...http.all);
  }

  if (!flags.quick) say("Measuring (d) the LIKE scan, one pass…");
  for (const query of flags.quick ? [] : queries) {
    const { statement, params } = likeFor(query.q);
    samples.d.push((await time(() => statement.all(...params)))[0]);
  }

  say("Measuring the cost of keeping the index in step on a save…");
  const sync: number[] = [];
  const saves: number[] = [];
  const r = createRandom(7);
  const slugs = (raw.prepare(`SELECT "slug" FROM "Postmortem" ORDER BY "id" LIMIT 2000`).all() as { slug: string }[]).map((row) => row.slug);
  for (const slug of flags.quick ? [] : r.sample(slugs, 200)) {
    const doc = await getPostmortem({ slug });
    const changed = { ...doc, summary: `${doc.summary} Edited during the benchmark.` };
    // The re-index of a changed text, timed inside a transaction that is then rolled back.
    await db
      .$transaction(async (tx) => {
        const id = (await tx.postmortem.findUniqueOrThrow({ where: { slug }, select: { id: true } })).id;
        sync.push((await time(() => reindexPostmortem(tx, id, changed)))[0]);
        throw new Rollback();
      })
      .catch((error) => {
        if (!(error instanceof Rollback)) throw error;
      });
  }
  const { savePostmortem } = await import("@/lib/server/postmortems");
  const { postmortemUpdateSchema } = await import("@/lib/schemas/postmortem");
  for (const slug of flags.quick ? [] : r.sample(slugs, 50)) {
    const doc = await getPostmortem({ slug });
    if (doc.status === "published") continue;
    const draft = postmortemUpdateSchema.parse({ ...doc, summary: `${doc.summary} Saved during the benchmark.` });
    saves.push((await time(() => savePostmortem({ slug, version: doc.version, draft })))[0]);
  }

  const size = (name: string) => (existsSync(name) ? statSync(name).size : 0);
  const dbBytes = size(file) + size(`${file}-wal`);
  let indexBytes: number | null = null;
  try {
    indexBytes = (raw.prepare(`SELECT sum("pgsize") AS n FROM "dbstat" WHERE "name" LIKE 'SearchIndex%'`).get() as { n: number }).n;
  } catch {
    indexBytes = null;
  }
  raw.close();

  const rows = [
    summarize("(a) searchPostmortems, with facets", samples.a),
    ...(samples.b.length ? [summarize("(b) GET /api/search over HTTP", samples.b)] : []),
    summarize("(c) raw FTS5 top 20 + snippet (floor)", samples.c),
    ...(samples.d.length ? [summarize("(d) LIKE '%word%' scan", samples.d)] : []),
  ];
  const a = rows[0];
  const c = rows.find((row) => row.name.startsWith("(c)"))!;
  const d = rows.find((row) => row.name.startsWith("(d)"));
  const mb = (bytes: number) => `${fmt.format(Math.round(bytes / 1024 / 1024))} MB`;

  say("");
  say(`Hindsight search benchmark: ${fmt.format(total)} postmortems, ${queries.length} queries (${[...byKind.keys()].map((k) => `${queries.filter((q) => q.kind === k).length} ${k}`).join(", ")})`);
  // Other work on the machine slows every figure alike; say how busy it was.
  say(`Machine load (1-minute average): ${loadAtStart.toFixed(1)} at the start, ${os.loadavg()[0].toFixed(1)} at the end, on ${os.cpus().length} cores`);
  say(`Load averages (1, 5, 15 min) at the end: ${loads(os.loadavg())}`);
  if (seedSeconds !== null) say(`Seeding ${fmt.format(COUNT)} postmortems: ${seedSeconds.toFixed(1)} s`);
  say(`${buildMs === null ? "" : `Index build (FTS5 rebuild): ${(buildMs / 1000).toFixed(1)} s · `}database ${mb(dbBytes)}${indexBytes ? ` · FTS5 index ${mb(indexBytes)}` : ""}`);
  say("");
  say(`${"".padEnd(40)}${"p50 ms".padStart(10)}${"p95 ms".padStart(10)}`);
  for (const row of rows) say(`${row.name.padEnd(40)}${ms(row.p50).padStart(10)}${ms(row.p95).padStart(10)}`);
  say(`${"a/c (our search over the floor)".padEnd(40)}${(a.p50 / c.p50).toFixed(2).padStart(10)}${(a.p95 / c.p95).toFixed(2).padStart(10)}`);
  if (d) say(`${"d/a (LIKE over our search)".padEnd(40)}${(d.p50 / a.p50).toFixed(1).padStart(10)}${(d.p95 / a.p95).toFixed(1).padStart(10)}`);
  say("");
  say(`${"By kind".padEnd(40)}${"a p50".padStart(10)}${"a p95".padStart(10)}${"c p50".padStart(10)}${"c p95".padStart(10)}`);
  for (const [kind, s] of byKind) {
    say(`${kind.padEnd(40)}${ms(percentile(s.a, 50)).padStart(10)}${ms(percentile(s.a, 95)).padStart(10)}${ms(percentile(s.c, 50)).padStart(10)}${ms(percentile(s.c, 95)).padStart(10)}`);
  }
  say("");
  if (sync.length) say(`Index sync per save (reindexPostmortem, text changed): p50 ${ms(percentile(sync, 50))} ms, p95 ${ms(percentile(sync, 95))} ms`);
  if (saves.length) say(`Whole save (savePostmortem) for comparison: p50 ${ms(percentile(saves, 50))} ms, p95 ${ms(percentile(saves, 95))} ms`);
  say("");
  if (http) printHttp(http);
  const common = byKind.get("common")!;
  const selective = byKind.get("selective")!;
  const targets: [string, boolean, string][] = [
    ["selective p95 ≤ 30 ms (a)", percentile(selective.a, 95) <= 30, `${ms(percentile(selective.a, 95))} ms`],
    ["common p95 ≤ 150 ms (a)", percentile(common.a, 95) <= 150, `${ms(percentile(common.a, 95))} ms`],
    ["a within 1.5× of c (p95)", a.p95 / c.p95 <= 1.5, `${(a.p95 / c.p95).toFixed(2)}×`],
  ];
  if (d) targets.push(["≥ 10× faster than LIKE at p95", d.p95 / a.p95 >= 10, `${(d.p95 / a.p95).toFixed(1)}×`]);
  if (sync.length) targets.push(["index sync ≤ 5 ms at p95", percentile(sync, 95) <= 5, `${ms(percentile(sync, 95))} ms`]);
  if (http) {
    const p = (kind: string, at: number) => percentile(http.alone.get(kind) ?? [0], at);
    targets.push(
      ["HTTP: selective p95 ≤ 30 ms", p("selective", 95) <= 30, `${ms(p("selective", 95))} ms`],
      ["HTTP: common p95 < 80 ms", p("common", 95) < 80, `${ms(p("common", 95))} ms`],
      [`HTTP: ${http.concurrent.clients} clients at once, p99 < 300 ms`, percentile(http.concurrent.times, 99) < 300, `${ms(percentile(http.concurrent.times, 99))} ms`],
    );
  }
  say("Targets");
  for (const [name, isMet, value] of targets) say(`  ${isMet ? "met   " : "MISSED"}  ${name.padEnd(34)} ${value}`);
  await db.$disconnect();
}

class Rollback extends Error {}

const loads = (averages: number[]) => averages.map((value) => value.toFixed(2)).join(", ");

/** The issue's figures: over HTTP, one at a time by kind, and many clients at once. */
function printHttp(http: HttpFigures) {
  const { concurrent } = http;
  say(`Over HTTP: build ${http.dist}, ${http.workers} server process${http.workers === 1 ? "" : "es"}, answer cache off, signed in as a viewer`);
  say(`  load averages (1, 5, 15 min): ${loads(http.loadBefore)} before the server started, ${loads(http.loadAfter)} after the last request`);
  say(`${"  one at a time, by kind".padEnd(40)}${"p50 ms".padStart(10)}${"p95 ms".padStart(10)}${"p99 ms".padStart(10)}`);
  for (const [kind, times] of http.alone) {
    say(`${`    ${kind}`.padEnd(40)}${ms(percentile(times, 50)).padStart(10)}${ms(percentile(times, 95)).padStart(10)}${ms(percentile(times, 99)).padStart(10)}`);
  }
  say(`${"    the search itself (Server-Timing)".padEnd(40)}${ms(percentile(http.serverTiming, 50)).padStart(10)}${ms(percentile(http.serverTiming, 95)).padStart(10)}${ms(percentile(http.serverTiming, 99)).padStart(10)}`);
  const rate = concurrent.times.length / concurrent.seconds;
  say(
    `${`  ${concurrent.clients} clients at once (${fmt.format(concurrent.times.length)} searches)`.padEnd(40)}${ms(percentile(concurrent.times, 50)).padStart(10)}${ms(percentile(concurrent.times, 95)).padStart(10)}${ms(percentile(concurrent.times, 99)).padStart(10)}   ${rate.toFixed(1)} searches/s`,
  );
  say(
    `${"    GET /api/health beside them".padEnd(40)}${ms(percentile(concurrent.health, 50)).padStart(10)}${ms(percentile(concurrent.health, 95)).padStart(10)}${ms(percentile(concurrent.health, 99)).padStart(10)}   ${concurrent.health.length} requests`,
  );
  if (concurrent.cpuMsPerSearch !== null) say(`    server CPU per search (all its processes and threads): ${concurrent.cpuMsPerSearch.toFixed(1)} ms`);
  if (http.rssMb !== null) say(`    server memory afterwards (resident, all processes): ${fmt.format(Math.round(http.rssMb))} MB`);
  if (concurrent.failures) say(`  ${concurrent.failures} answers were not 200`);
  say("");
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
