/**
 * The app the browser benchmarks measure (`npm run bench:pages`, `npm run
 * bench:lighthouse`): the production build (built when missing or stale) on
 * a fresh database file with one postmortem, created through the API, and
 * an admin (who sees every control) signed in through the login endpoint.
 */
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { addPerson, jsonRequest, createToken, signIn, startServer, stopAllServers, waitUntilAnswering, type Server } from "./server-process.mjs";
import { ensureBuild, ensureChromium, migrate, root } from "./steps.mjs";

export type BenchApp = {
  server: Server;
  /** The one postmortem's slug. */
  slug: string;
  /** The admin's session as a Cookie header ("hindsight.session_token=…"). */
  cookie: string;
  stop(): Promise<void>;
};

/** Builds if needed, starts `next start` on `port` with data/bench/`name`.db made afresh, and signs in. */
export async function startBenchApp({ name, port }: { name: string; port: number }): Promise<BenchApp> {
  ensureChromium();
  ensureBuild();
  const dir = path.join(root, "data", "bench");
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.db`);
  for (const suffix of ["", "-wal", "-shm"]) rmSync(`${file}${suffix}`, { force: true });
  const databaseUrl = `file:${file}`;
  migrate(databaseUrl);
  const admin = { email: `bench-${name}@example.test`, name: `Bench ${name[0].toUpperCase()}${name.slice(1)}`, role: "admin", password: "violet harbour 58 lantern" } as const;
  await addPerson({ databaseUrl, ...admin });
  const { token } = await createToken({ databaseUrl, email: admin.email, name: `bench ${name}` });

  const server = startServer({ port, env: { DATABASE_URL: databaseUrl } });
  const stop = async () => {
    await server.stop();
    stopAllServers();
  };
  try {
    await waitUntilAnswering(server);
    const created = await jsonRequest(`${server.url}/api/postmortems`, "POST", { ...ONE_POSTMORTEM, authors: [admin.name] }, { authorization: `Bearer ${token}` });
    if (created.status !== 201 && created.status !== 200) throw new Error(`Creating the postmortem answered ${created.status}: ${JSON.stringify(created.body)}`);
    const slug = (created.body as { slug: string }).slug;
    const cookie = await signIn(server, admin);
    return { server, slug, cookie, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

const ONE_POSTMORTEM = {
  title: "Checkout latency after a cache eviction storm",
  summary: "For 42 minutes checkout requests were slow because the session cache evicted hot keys.",
  severity: "SEV2",
  status: "draft",
  timezone: "Europe/Berlin",
  incidentDate: "2026-03-14",
  services: ["checkout", "session-cache"],
  tags: ["cache", "latency"],
  impact: "About 12% of checkouts took longer than 5 seconds.",
  timeline: [
    { at: "2026-03-14T10:02:00+01:00", kind: "trigger", text: "A deploy lowered the cache's memory limit." },
    { at: "2026-03-14T10:09:00+01:00", kind: "detected", text: "Latency alert for checkout p99." },
    { at: "2026-03-14T10:44:00+01:00", kind: "resolved", text: "The memory limit was restored." },
  ],
  rootCause: { trigger: "A lower memory limit", narrative: "Hot keys were evicted under load.", whys: ["The limit was lowered in a refactor."] },
  contributingFactors: [{ category: "process", text: "The limit had no review." }],
  correctiveActions: [{ title: "Alert on eviction rate", status: "open", owner: "platform", dueDate: "2026-04-01" }],
};
