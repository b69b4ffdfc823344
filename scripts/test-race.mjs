// `npm run test:race`: the production build tested from outside, as it is
// deployed — two servers on one SQLite file under simultaneous writes, a
// server killed with SIGKILL during a bulk import, starts with bad settings
// and on an unmigrated database, and people and access from outside: the
// answer cache never serving one person's answer to another, credentials
// that stop holding stopping at once, host names and the listening address.
// Every database gets an admin and a viewer with API tokens through the
// operator's CLI (a template made once, then copied); every API request
// carries a token. Prints each check, writes test-reports/race.json, exits 1
// when any check failed. Ports 3131–3141.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createChecks } from "./lib/checks.mjs";
import { checkAnswersPerPerson, checkHostNamesAndAddress, copyTemplate, prepareAccountsTemplate } from "./lib/race-accounts.mjs";
import { killDuringImport } from "./lib/race-kill-import.mjs";
import { checkBadSettings, checkClusterLauncher, checkClusterWithoutBusyWait, checkUnmigratedDatabase } from "./lib/race-start-checks.mjs";
import { raceTwoInstances } from "./lib/race-two-instances.mjs";
import { bearer, startServer, stopAllServers, waitUntilAnswering } from "./lib/server-process.mjs";
import { ensureBuild, root, say } from "./lib/steps.mjs";

process.env.NEXT_TELEMETRY_DISABLED = "1";
const dir = path.join(root, "data", "race");
const reportFile = path.join(root, "test-reports", "race.json");

const template = path.join(dir, "accounts-template.db");
/** A freshly migrated database file under data/race/, with the race test's people and tokens. */
const freshDatabase = (name) => copyTemplate(template, path.join(dir, name));

const checks = createChecks();
const started = Date.now();
try {
  mkdirSync(dir, { recursive: true });
  ensureBuild();
  say("Adding the race test's people and tokens with the CLI (hindsight user add, token create)…");
  const accounts = await prepareAccountsTemplate(template);
  const headers = bearer(accounts.tokens.admin);

  await checks.group("Two servers, one database (ports 3131, 3132)", async () => {
    const file = freshDatabase("two-instances.db");
    const servers = [startServer({ port: 3131, env: { DATABASE_URL: `file:${file}` } }), startServer({ port: 3132, env: { DATABASE_URL: `file:${file}` } })];
    try {
      await Promise.all(servers.map((server) => waitUntilAnswering(server)));
      await raceTwoInstances({ servers, file, checks, headers, signer: accounts.people.admin.name });
    } finally {
      await Promise.all(servers.map((server) => server.stop()));
    }
  });

  await checks.group("kill -9 during a bulk import (port 3138)", () =>
    killDuringImport({ port: 3138, file: freshDatabase("kill-import.db"), checks, headers }),
  );

  await checks.group("Starting with bad settings (ports 3133–3136)", () => checkBadSettings({ ports: [3133, 3134, 3135, 3136], checks }));

  await checks.group("Starting on an unmigrated database (port 3137)", () => checkUnmigratedDatabase({ port: 3137, dir, checks, accounts }));

  await checks.group("npm start's two workers on one port (port 3139)", () => checkClusterLauncher({ port: 3139, file: freshDatabase("cluster.db"), checks, accounts }));
  await checks.group("npm start with a busy timeout of 0 (port 3139)", () => checkClusterWithoutBusyWait({ port: 3139, file: freshDatabase("cluster-no-wait.db"), checks, accounts }));

  await checks.group("People and the answer cache (port 3140)", () => checkAnswersPerPerson({ port: 3140, file: freshDatabase("accounts.db"), checks, accounts }));
  await checks.group("Host names (HINDSIGHT_PUBLIC_URL) and the listening address (HOST) (port 3141)", () =>
    checkHostNamesAndAddress({ port: 3141, file: freshDatabase("host-names.db"), checks, accounts }),
  );
} catch (error) {
  checks.check("the race test ran to the end", false, error.message);
} finally {
  stopAllServers();
}

const seconds = (Date.now() - started) / 1000;
mkdirSync(path.dirname(reportFile), { recursive: true });
writeFileSync(reportFile, `${JSON.stringify({ passed: checks.passed, failed: checks.failed, skipped: checks.skipped, seconds, checks: checks.results }, null, 2)}\n`);
say(`Race and crash checks: ${checks.passed} passed, ${checks.failed} failed, ${checks.skipped} skipped (${seconds.toFixed(1)} s; ${path.relative(root, reportFile)})`);
process.exit(checks.failed === 0 ? 0 : 1);
