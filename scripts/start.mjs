// `npm start`: install, check settings, migrate, build as needed, then serve.
import { spawn } from "node:child_process";
import path from "node:path";
import { checkConfig, ensureBuild, ensureDependencies, loadDotEnv, migrate, root, say } from "./lib/steps.mjs";

process.env.NEXT_TELEMETRY_DISABLED = "1";
loadDotEnv();
try {
  ensureDependencies();
  checkConfig();
  const databaseUrl = process.env.DATABASE_URL || "file:./data/hindsight.db";
  say(`Migrating the database (${databaseUrl})…`);
  migrate(databaseUrl);
  ensureBuild();
} catch (error) {
  process.stderr.write(`\n${error.message}\n`);
  process.exit(error.exitCode ?? 1);
}

const port = process.env.PORT || "3000";
say(`Starting Hindsight on http://localhost:${port}`);
const server = spawn(path.join(root, "node_modules", ".bin", "next"), ["start", "-p", port], {
  cwd: root,
  stdio: "inherit",
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
