/**
 * `npm run bench:pages`: the JavaScript each route ships, from the production
 * build, counted as scripts/lib/page-weight.ts counts it (every script loaded
 * in Chromium until the network is idle, each gzipped), beside its budget
 * and the figure issue 15 started from. A fresh database with one
 * postmortem, signed in as an admin (who sees every control). Figures, not
 * assertions: e2e/page-weight.spec.ts holds the budgets in the test command.
 */
import { chromium } from "@playwright/test";
import { startBenchApp } from "./lib/bench-app";
import { PAGE_BUDGETS, kb, measurePageScripts } from "./lib/page-weight";
import { stopAllServers } from "./lib/server-process.mjs";
import { CHROMIUM, say } from "./lib/steps.mjs";

/** Issue 15's "JS now" column: the figures before this round's work. */
const BEFORE_KB: Record<string, number> = { library: 195, "postmortem page": 166, editor: 272, insights: 167, "actions tracker": 169, import: 245, export: 218 };

async function main() {
  const { server, slug, cookie, stop } = await startBenchApp({ name: "pages", port: 3151 });
  const browser = await chromium.launch({ executablePath: CHROMIUM });
  try {
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
    await stop();
  }
}

main().catch((error) => {
  console.error(error);
  stopAllServers();
  process.exit(1);
});
