/**
 * The synthetic library the benchmarks measure: a database file seeded with
 * `count` postmortems through the data-access layer, or the one seeded
 * before when `reuse` is set and it exists (migrated to the current schema).
 * Returns the seeding time in seconds, or null when the file was reused.
 * DATABASE_URL must already name `file` (the data-access layer reads it).
 * Benchmarks work on the database directly, as the CLI does: this process
 * acts as the operator (decision 021); the servers they start do not.
 *
 * Also the people the load benchmark signs in as (added with the CLI), and
 * the cost of checking a session measured in-process.
 */
import { existsSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import Database from "better-sqlite3";
import { addPerson } from "./server-process.mjs";
import { migrate, root } from "./steps.mjs";

const fmt = new Intl.NumberFormat("en-US");

export async function prepareBenchLibrary(options: { file: string; count: number; reuse: boolean }): Promise<number | null> {
  const { file, count, reuse } = options;
  mkdirSync(path.dirname(file), { recursive: true });
  const { actAsOperatorForThisProcess } = await import("@/lib/server/auth/actor");
  actAsOperatorForThisProcess();
  if (reuse && existsSync(file)) {
    process.stdout.write(`Reusing ${path.relative(root, file)}\n`);
    // A library seeded by an older version gets the tables added since (people, tokens, …).
    migrate(`file:${file}`);
    return null;
  }
  for (const suffix of ["", "-wal", "-shm"]) rmSync(`${file}${suffix}`, { force: true });
  migrate(`file:${file}`);
  const { seedSyntheticPostmortems } = await import("@/lib/server/postmortems/seed-synthetic");
  const started = performance.now();
  await seedSyntheticPostmortems({
    count,
    onProgress: (done, total) =>
      process.stderr.write(`\rSeeding ${fmt.format(done)} of ${fmt.format(total)} (${((performance.now() - started) / 1000).toFixed(0)} s)`),
  });
  process.stderr.write("\n");
  return (performance.now() - started) / 1000;
}

export type BenchPerson = { email: string; name: string; role: "viewer" | "editor" | "admin"; password: string };

/** The benchmarks' people (test data only): signed in through the login endpoint, as a browser would. */
export const BENCH_PEOPLE = {
  viewer: { email: "bench-viewer@example.test", name: "Bench Viewer", role: "viewer", password: "harbor-lantern-quartz-7716" },
  editor: { email: "bench-editor@example.test", name: "Bench Editor", role: "editor", password: "meadow-sprocket-fjord-2290" },
} satisfies Record<string, BenchPerson>;

/** Adds those of `people` the library at `file` does not have yet, with `hindsight user add` (a reused library keeps them). */
export async function ensureBenchPeople(file: string, people: BenchPerson[]): Promise<void> {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  let existing: Set<string>;
  try {
    existing = new Set((db.prepare(`SELECT "email" FROM "User"`).all() as { email: string }[]).map((row) => row.email));
  } finally {
    db.close();
  }
  await Promise.all(people.filter((person) => !existing.has(person.email)).map((person) => addPerson({ databaseUrl: `file:${file}`, ...person })));
}

/** Wall-clock times of one call (inflated when the machine is busy) and the CPU time one call used (this process, every thread), in ms. */
export type Timing = { iterations: number; cpuMs: number; meanMs: number; p50Ms: number; p99Ms: number };

/** Runs `work` `iterations` times one after another (after a warm-up) and summarises the times. */
async function time(work: () => Promise<unknown> | unknown, iterations: number): Promise<Timing> {
  for (let i = 0; i < Math.min(200, iterations); i++) await work();
  const times: number[] = [];
  const cpuBefore = process.cpuUsage();
  for (let i = 0; i < iterations; i++) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  const cpu = process.cpuUsage(cpuBefore);
  times.sort((a, b) => a - b);
  const round = (ms: number) => Math.round(ms * 1000) / 1000;
  return {
    iterations,
    cpuMs: round((cpu.user + cpu.system) / 1000 / iterations),
    meanMs: round(times.reduce((sum, ms) => sum + ms, 0) / times.length),
    p50Ms: round(times[Math.floor(times.length / 2)]),
    p99Ms: round(times[Math.floor(times.length * 0.99)]),
  };
}

/**
 * What checking credentials costs per request, in this process, on the
 * library at `file` (DATABASE_URL): authenticate() as every route and page
 * calls it (lib/server/auth/authenticate.ts: the cookie's HMAC and one
 * indexed read, or a token's hash and one read), and the answer cache's
 * re-check on every hit (scripts/lib/credential-check.mjs).
 */
export async function timeCredentialChecks(options: { file: string; cookie: string; token?: string; iterations?: number }) {
  const iterations = options.iterations ?? 2000;
  const { authenticate } = await import("@/lib/server/auth/authenticate");
  // Plain JavaScript beside the server workers (no types of its own): loaded by its path.
  const checkerModule = (await import(pathToFileURL(path.join(root, "scripts", "lib", "credential-check.mjs")).href)) as {
    credentialChecker: (file: string, options: { maxSessionAgeMs: number }) => (credentials: { kind: string; value: string }) => boolean;
  };
  const stillValid = checkerModule.credentialChecker(options.file, { maxSessionAgeMs: 30 * 86_400_000 });
  const sessionHeaders = new Headers({ cookie: options.cookie });
  const cookieValue = options.cookie.slice(options.cookie.indexOf("=") + 1);
  const session = await authenticate(sessionHeaders);
  if (session.kind !== "user") throw new Error("The benchmark's session cookie did not authenticate: is the library the server's?");
  const results: { what: string; timing: Timing }[] = [
    { what: "authenticate(): session cookie (HMAC + one read)", timing: await time(() => authenticate(sessionHeaders), iterations) },
    { what: "answer cache re-check on a hit: session", timing: await time(() => stillValid({ kind: "session", value: cookieValue }), iterations) },
  ];
  if (options.token) {
    const tokenHeaders = new Headers({ authorization: `Bearer ${options.token}` });
    const actor = await authenticate(tokenHeaders);
    if (actor.kind !== "user") throw new Error("The benchmark's API token did not authenticate.");
    results.push(
      { what: "authenticate(): API token (SHA-256 + one read)", timing: await time(() => authenticate(tokenHeaders), iterations) },
      { what: "answer cache re-check on a hit: token", timing: await time(() => stillValid({ kind: "bearer", value: options.token! }), iterations) },
    );
  }
  const anonymous = new Headers();
  results.push({ what: "authenticate(): no credentials (baseline)", timing: await time(() => authenticate(anonymous), iterations) });
  return results;
}
