// The server the Playwright suite runs against: the production build on a
// fresh SQLite file of its own (data/e2e/), migrated from scratch each run,
// with the suite's admin (e2e/accounts.json) added through the CLI before the
// server starts (e2e/global-setup.ts signs in as them) unless E2E_NO_ACCOUNTS=1.
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { ensureBuild, migrate, root } from "./lib/steps.mjs";

const dir = path.join(root, "data", "e2e");
// One file per port, so that two suites (say, on a developer's machine) never share data.
const file = path.join(dir, `e2e-${process.env.PORT ?? "3100"}.db`);
mkdirSync(dir, { recursive: true });
for (const suffix of ["", "-wal", "-shm"]) rmSync(`${file}${suffix}`, { force: true });

const env = {
  ...process.env,
  DATABASE_URL: `file:${file}`,
  NEXT_TELEMETRY_DISABLED: "1",
  HINDSIGHT_LOG_LEVEL: process.env.HINDSIGHT_LOG_LEVEL ?? "warn",
  // Every test is the same admin, many at once, and the bad-input corpus exports dozens of times a
  // minute: the zip export's per-client limits would refuse them. e2e/export-limits.spec.ts runs a
  // server of its own with the defaults (1 at once, 3 a minute).
  HINDSIGHT_EXPORTS_AT_ONCE: process.env.HINDSIGHT_EXPORTS_AT_ONCE ?? "100",
  HINDSIGHT_EXPORTS_PER_MINUTE: process.env.HINDSIGHT_EXPORTS_PER_MINUTE ?? "10000",
};
migrate(env.DATABASE_URL);
// E2E_NO_ACCOUNTS=1: a database nobody has an account on yet (the setup screen's tests).
if (process.env.E2E_NO_ACCOUNTS !== "1") addAdmin();
ensureBuild();

/** The suite's admin, as an operator adds one: `hindsight user add … --password-stdin` (the password never on a command line). */
function addAdmin() {
  const { admin } = JSON.parse(readFileSync(path.join(root, "e2e", "accounts.json"), "utf8"));
  const result = spawnSync(
    process.execPath,
    [path.join(root, "cli", "hindsight.mjs"), "user", "add", admin.email, "--name", admin.name, "--role", "admin", "--password-stdin"],
    { cwd: root, env, input: admin.password, encoding: "utf8" },
  );
  if (result.status !== 0) {
    process.stderr.write(`${result.stdout}${result.stderr}`);
    throw new Error(`Could not add the e2e admin ${admin.email} (hindsight user add exited ${result.status ?? result.signal}).`);
  }
}

// Served as npm start serves: workers behind the answer cache (scripts/serve.mjs).
const server = spawn(process.execPath, [path.join(root, "scripts", "serve.mjs")], {
  cwd: root,
  env: { ...env, PORT: process.env.PORT ?? "3100", HOST: "127.0.0.1" },
  stdio: "inherit",
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
