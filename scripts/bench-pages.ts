/**
 * `npm run bench:pages`: the JavaScript each route ships, from the production
 * build, counted as scripts/lib/page-weight.ts counts it (every script loaded
 * in Chromium until the network is idle, each gzipped), beside its budget
 * and the figure issue 15 started from. A fresh database with one
 * postmortem, signed in as an admin (who sees every control). Figures, not
 * assertions: e2e/page-weight.spec.ts holds the budgets in the test command.
 */
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { chromium } from "@playwright/test";
import { PAGE_BUDGETS, kb, measurePageScripts } from "./lib/page-weight";
import { addPerson, jsonRequest, createToken, signIn, startServer, stopAllServers, waitUntilAnswering } from "./lib/server-process.mjs";
import { CHROMIUM, ensureBuild, ensureChromium, migrate, root, say } from "./lib/steps.mjs";

/** Issue 15's "JS now" column: the figures before this round's work. */
const BEFORE_KB: Record<string, number> = { library: 195, "postmortem page": 166, editor: 272, insights: 167, "actions tracker": 169, import: 245, export: 218 };
const ADMIN = { email: "bench-pages@example.test", name: "Bench Pages", role: "admin", password: "violet harbour 58 lantern" } as const;

async function main() {
  ensureChromium();
  ensureBuild();
  const dir = path.join(root, "data", "bench");
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, "pages.db");
  for (const suffix of ["", "-wal", "-shm"]) rmSync(`${file}${suffix}`, { force: true });
  const databaseUrl = `file:${file}`;
  migrate(databaseUrl);
  await addPerson({ databaseUrl, ...ADMIN });
  const { token } = await createToken({ databaseUrl, email: ADMIN.email, name: "bench pages" });

  const server = startServer({ port: 3151, env: { DATABASE_URL: databaseUrl } });
  const browser = await chromium.launch({ executablePath: CHROMIUM });
  try {
    await waitUntilAnswering(server);
    const created = await jsonRequest(`${server.url}/api/postmortems`, "POST", ONE_POSTMORTEM, { authorization: `Bearer ${token}` });
    if (created.status !== 201 && created.status !== 200) throw new Error(`Creating the postmortem answered ${created.status}: ${JSON.stringify(created.body)}`);
    const slug = (created.body as { slug: string }).slug;
    const cookie = await signIn(server, ADMIN);
    const [name, value] = cookie.split(/=(.*)/s);
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.addCookies([{ name, value, url: server.url }]);
    const page = await context.newPage();

    const rows = [];
    for (const { route, budgetKb, path: pathOf } of PAGE_BUDGETS) {
      const weight = await measurePageScripts(page, `${server.url}${pathOf(slug)}`);
      rows.push({ route, kb: kb(weight.gzipBytes), rawKb: kb(weight.bytes), files: weight.scripts.length, budgetKb, beforeKb: BEFORE_KB[route], all: weight.scripts });
    }
    say("JavaScript per route, gzipped (every script loaded until the network is idle):");
    console.log(["route".padEnd(16), "KB gz".padStart(7), "budget".padStart(7), "before".padStart(7), "raw KB".padStart(7), "files".padStart(6), "  within"].join(" "));
    for (const row of rows) {
      console.log([row.route.padEnd(16), String(row.kb).padStart(7), String(row.budgetKb).padStart(7), String(row.beforeKb).padStart(7), String(row.rawKb).padStart(7), String(row.files).padStart(6), row.kb <= row.budgetKb ? "  yes" : "  NO"].join(" "));
    }
    if (process.argv.includes("--files")) {
      for (const row of rows) console.log(`\n${row.route}: ${row.all.map((s) => `${s.url} ${kb(s.gzipBytes)} KB`).join(", ")}`);
    }
  } finally {
    await browser.close();
    await server.stop();
    stopAllServers();
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
  authors: ["Bench Pages"],
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

main().catch((error) => {
  console.error(error);
  stopAllServers();
  process.exit(1);
});
