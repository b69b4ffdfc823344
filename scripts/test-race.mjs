// `npm run test:race`: the production build tested from outside, as it is
// deployed — two servers on one SQLite file under simultaneous writes, a
// server killed with SIGKILL during a bulk import, starts with bad settings
// and on an unmigrated database. Prints each check, writes
// test-reports/race.json, exits 1 when any check failed. Ports 3131–3139.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createChecks } from "./lib/checks.mjs";
import { killDuringImport } from "./lib/race-kill-import.mjs";
import { checkBadSettings, checkClusterLauncher, checkClusterWithoutBusyWait, checkUnmigratedDatabase } from "./lib/race-start-checks.mjs";
import { raceTwoInstances } from "./lib/race-two-instances.mjs";
import { startServer, stopAllServers, waitUntilAnswering } from "./lib/server-process.mjs";
import { ensureBuild, migrate, root, say } from "./lib/steps.mjs";

process.env.NEXT_TELEMETRY_DISABLED = "1";
const dir = path.join(root, "data", "race");
const reportFile = path.join(root, "test-reports", "race.json");

/** A freshly migrated database file under data/race/. */
function freshDatabase(name) {
  const file = path.join(dir, name);
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(`${file}${suffix}`, { force: true });
  migrate(`file:${file}`);
  return file;
}

const checks = createChecks();
const started = Date.now();
try {
  mkdirSync(dir, { recursive: true });
  ensureBuild();

  await checks.group("Two servers, one database (ports 3131, 3132)", async () => {
    const file = freshDatabase("two-instances.db");
    const servers = [startServer({ port: 3131, env: { DATABASE_URL: `file:${file}` } }), startServer({ port: 3132, env: { DATABASE_URL: `file:${file}` } })];
    try {
      await Promise.all(servers.map((server) => waitUntilAnswering(server)));
      await raceTwoInstances({ servers, file, checks });
    } finally {
      await Promise.all(servers.map((server) => server.stop()));
    }
  });

  await checks.group("kill -9 during a bulk import (port 3138)", () =>
    killDuringImport({ port: 3138, file: freshDatabase("kill-import.db"), checks }),
  );

  await checks.group("Starting with bad settings (ports 3133–3136)", () => checkBadSettings({ ports: [3133, 3134, 3135, 3136], checks }));

  await checks.group("Starting on an unmigrated database (port 3137)", () => checkUnmigratedDatabase({ port: 3137, dir, checks }));

  await checks.group("npm start's two workers on one port (port 3139)", () => checkClusterLauncher({ port: 3139, file: freshDatabase("cluster.db"), checks }));
  await checks.group("npm start with a busy timeout of 0 (port 3139)", () => checkClusterWithoutBusyWait({ port: 3139, file: freshDatabase("cluster-no-wait.db"), checks }));
} catch (error) {
  checks.check("the race test ran to the end", false, error.message);
} finally {
  stopAllServers();
}

const seconds = (Date.now() - started) / 1000;
mkdirSync(path.dirname(reportFile), { recursive: true });
writeFileSync(reportFile, `${JSON.stringify({ passed: checks.passed, failed: checks.failed, seconds, checks: checks.results }, null, 2)}\n`);
say(`Race and crash checks: ${checks.passed} passed, ${checks.failed} failed (${seconds.toFixed(1)} s; ${path.relative(root, reportFile)})`);
process.exit(checks.failed === 0 ? 0 : 1);
