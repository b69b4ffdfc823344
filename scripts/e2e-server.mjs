// The server the Playwright suite runs against: the production build on a
// fresh SQLite file of its own (data/e2e/), migrated from scratch each run.
import { spawn } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
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
};
migrate(env.DATABASE_URL);
ensureBuild();

// Served as npm start serves: workers behind the answer cache (scripts/serve.mjs).
const server = spawn(process.execPath, [path.join(root, "scripts", "serve.mjs")], {
  cwd: root,
  env: { ...env, PORT: process.env.PORT ?? "3100", HOST: "127.0.0.1" },
  stdio: "inherit",
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
