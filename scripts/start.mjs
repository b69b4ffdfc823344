// `npm start`: install, check settings, migrate, build as needed, then serve.
import { serveCluster, workerCount } from "./lib/serve-cluster.mjs";
import { checkConfig, ensureBuild, ensureDependencies, loadDotEnv, migrate, say } from "./lib/steps.mjs";

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
const workers = workerCount();
say(`Starting Hindsight on http://localhost:${port} (${workers} ${workers === 1 ? "worker" : "workers"}; HINDSIGHT_WORKERS to change)`);
serveCluster({ port, workers });
