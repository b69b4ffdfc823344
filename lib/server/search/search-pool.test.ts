/**
 * Searches on threads (issue 15): the pool answers exactly what the same
 * search answers on the caller's thread, restricted postmortems included;
 * the caller's event loop keeps turning while a thread searches; errors come
 * back as the caller would have had them.
 */
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "@/lib/domain/access/roles";
import { ACTION_VALUES, SEVERITY_VALUES } from "@/lib/domain/search/facets";
import { FACTOR_CATEGORIES, STATUSES } from "@/lib/domain/postmortem";
import { createRandom } from "@/lib/domain/synthetic/random";
import { SERVICES, TAGS } from "@/lib/domain/synthetic/vocabulary";
import { postmortemInputSchema, type PostmortemInput } from "@/lib/schemas/postmortem";
import { parseSearchParams, type SearchRequest } from "@/lib/schemas/search";
import { appErrorOf } from "@/lib/server/testing/app-error-of";
import { giveTestFileFreshDatabase } from "@/lib/server/testing/fresh-database";
import { forgetConfig } from "../config";

const file = giveTestFileFreshDatabase();
const { runAs } = await import("@/lib/server/auth/actor");
const { createPostmortem } = await import("@/lib/server/postmortems");
const { seedSyntheticPostmortems } = await import("@/lib/server/postmortems/seed-synthetic");
const { getDb } = await import("@/lib/server/db");
const { runningSearchThreads, searchPostmortems, searchReaderFor, stopSearchThreads } = await import("@/lib/server/search");
const { runSearch } = await import("./run-search");
const { startSearchPool } = await import("./search-pool");

type Person = { kind: "user"; userId: string; email: string; name: string; role: Role };
const pools: { close(): Promise<void> }[] = [];
const pool = (threads = 2, on = file) => {
  const started = startSearchPool({ file: on, threads, busyTimeoutMs: 5_000 });
  pools.push(started);
  return started;
};

let secretIds: number[] = [];
let outsider: Person;

async function person(id: string, role: Role): Promise<Person> {
  const db = await getDb();
  const email = `${id}@example.com`;
  await db.user.create({ data: { id, name: id, email, role } });
  return { kind: "user", userId: id, email, name: id, role };
}

beforeAll(async () => {
  await seedSyntheticPostmortems({ count: 1500, useWorker: false });
  const creator = await person("cora", "editor");
  outsider = await person("val", "viewer");
  const restricted = (input: Partial<PostmortemInput>) =>
    runAs(creator, () => createPostmortem({ draft: postmortemInputSchema.parse({ title: "Zorblax ledger exposed", restricted: true, ...input }) }));
  await restricted({ summary: "The zorblaxleak showed invoices; the cache and the database were fine.", services: ["secret-billing"], severity: "SEV1" });
  await restricted({ summary: "A second zorblaxleak, through the deploy pipeline.", tags: ["secret-tag"], severity: "SEV2" });
  const db = await getDb();
  secretIds = (await db.postmortem.findMany({ where: { restricted: true }, select: { id: true } })).map((row) => row.id);
}, 120_000);

afterAll(async () => {
  await Promise.all(pools.map((started) => started.close()));
  await stopSearchThreads();
});

/** Searches of every shape: words or none, ranked or newest first, filters, pages, exclusions, typos, half-typed words. */
function requests(count: number): SearchRequest[] {
  const random = createRandom(15);
  const words = ["cache", "database failover", "deploy", "certificate expired", "latency -cache", "-deploy", "dns OR tls", "failovr", "confi", '"feature flag"', ""];
  return Array.from({ length: count }, (_, i) => {
    const pick = <T>(values: readonly T[], max: number) => random.sample([...values], random.int(0, max));
    const params: Record<string, string | string[]> = { q: `${random.pick(words)}${i % 3 ? " " : ""}`, perPage: String(random.pick([5, 20, 50])) };
    if (i % 2) {
      params.severity = pick(SEVERITY_VALUES, 2);
      params.status = pick(STATUSES, 2);
      params.service = pick(SERVICES.slice(0, 6), 2);
      params.tag = pick(TAGS.slice(0, 6), 1);
      params.factor = pick(FACTOR_CATEGORIES, 1);
      params.action = pick(ACTION_VALUES, 1);
    }
    if (i % 5 === 0) params.from = "2022-01-01";
    if (i % 4 === 1) params.sort = random.pick(["relevance", "date", "updated"]);
    if (i % 6 === 2) params.page = "2";
    return parseSearchParams(params);
  });
}

describe("the search pool", () => {
  it("answers exactly as the search on the caller's thread, with and without hidden postmortems", async () => {
    const reader = searchReaderFor(await getDb());
    const threads = pool(2);
    let nonEmpty = 0;
    for (const request of requests(60)) {
      for (const hidden of [[], secretIds]) {
        const job = { request, hidden };
        const [onThread, here] = [await threads.search(job), runSearch(reader, job)];
        expect(onThread).toEqual(here);
        if (here.total > 0) nonEmpty++;
      }
    }
    expect(nonEmpty).toBeGreaterThan(40);
  }, 60_000);

  it("answers many searches at once, each with its own answer", async () => {
    const reader = searchReaderFor(await getDb());
    const threads = pool(2);
    const jobs = requests(40).map((request, i) => ({ request, hidden: i % 2 ? secretIds : [] }));
    const answers = await Promise.all(jobs.map((job) => threads.search(job)));
    answers.forEach((answer, i) => expect(answer).toEqual(runSearch(reader, jobs[i])));
  }, 60_000);

  it("leaves the event loop free while a thread searches (and this thread's own search holds it)", async () => {
    const threads = pool(1);
    const job = { request: parseSearchParams({ q: "the" }), hidden: [] };
    await threads.search(job); // The thread has started and loaded its facet cache.

    // A ticker that advances once per turn of the event loop, as every other request of the server would.
    const tickWhile = async (work: () => Promise<unknown>) => {
      let ticks = 0;
      let isRunning = true;
      const tick = () => {
        ticks++;
        if (isRunning) setImmediate(tick);
      };
      setImmediate(tick);
      await work();
      isRunning = false;
      return ticks;
    };
    const reader = searchReaderFor(await getDb());
    const onThisThread = await tickWhile(async () => runSearch(reader, job));
    const onPool = await tickWhile(() => threads.search(job));
    expect(onThisThread).toBe(0);
    // Every match is ranked and counted (1,500 postmortems use "the"): the loop turns many times meanwhile.
    expect(onPool).toBeGreaterThan(20);
  }, 60_000);

  it("gives back a failed search's error, and keeps answering", async () => {
    const threads = pool(1);
    const broken = { request: { ...parseSearchParams({ q: "cache" }), filters: undefined as never }, hidden: [] };
    await expect(threads.search(broken)).rejects.toThrow(/A search thread failed/);
    expect((await threads.search({ request: parseSearchParams({ q: "cache " }), hidden: [] })).total).toBeGreaterThan(0);
  });

  it("reports a database that is not migrated as UNAVAILABLE, with the fix, as the caller's own query would", async () => {
    const empty = path.join(mkdtempSync(path.join(os.tmpdir(), "hindsight-pool-")), "empty.db");
    const { default: Database } = await import("better-sqlite3");
    new Database(empty).close();
    const error = await appErrorOf(pool(1, empty).search({ request: parseSearchParams({ q: "cache" }), hidden: [] }));
    expect(error.code).toBe("UNAVAILABLE");
    expect(error.message).toMatch(/^The database is not migrated/);
    expect((error as { digest?: string }).digest).toBe(`hindsight-unavailable:${error.message}`);
  });
});

describe("searchPostmortems with search threads", () => {
  it("searches on a thread and leaves restricted postmortems out for a non-member, as without threads", async () => {
    const asOutsider = (query: string) => runAs(outsider, () => searchPostmortems(parseSearchParams(new URLSearchParams(query))));
    const queries = ["q=zorblaxleak", "q=zorblaxleak&sort=date", "q=cache&service=secret-billing", "q=deploy ", "", "q=-cache", "tag=secret-tag"];
    const without = [];
    for (const query of queries) without.push(await asOutsider(query));
    expect(runningSearchThreads()).toBe(0);
    process.env.HINDSIGHT_SEARCH_THREADS = "2";
    forgetConfig();
    try {
      await stopSearchThreads();
      for (const [i, query] of queries.entries()) {
        if (i === 1) expect(runningSearchThreads()).toBe(2);
        const answer = await asOutsider(query);
        expect({ ...answer, timing: null }).toEqual({ ...without[i], timing: null });
      }
      expect((await asOutsider("q=zorblaxleak")).total).toBe(0);
      expect((await searchPostmortems(parseSearchParams({ q: "zorblaxleak" }))).total).toBe(2); // The operator sees them.
    } finally {
      delete process.env.HINDSIGHT_SEARCH_THREADS;
      forgetConfig();
      await stopSearchThreads();
    }
  }, 60_000);
});
