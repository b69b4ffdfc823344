// `npm start`: install, check settings, migrate, build as needed, then serve.
import { databaseUrlFrom } from "../lib/database-url.mjs";
import { serveCluster, workerCount } from "./lib/serve-cluster.mjs";
import { checkConfig, ensureBuild, ensureDependencies, loadDotEnv, migrate, say } from "./lib/steps.mjs";

process.env.NEXT_TELEMETRY_DISABLED = "1";
loadDotEnv();
try {
  ensureDependencies();
  checkConfig();
  const databaseUrl = databaseUrlFrom(process.env);
  say(`Migrating the database (${databaseUrl})…`);
  migrate(databaseUrl);
  ensureBuild();
} catch (error) {
  process.stderr.write(`\n${error.message}\n`);
  process.exit(error.exitCode ?? 1);
}

const port = process.env.PORT || "3000";
const host = process.env.HOST?.trim() || undefined;
const workers = workerCount();
say(`Starting Hindsight on http://${host && host !== "0.0.0.0" && host !== "::" ? host : "localhost"}:${port} (${workers} ${workers === 1 ? "worker" : "workers"}; HINDSIGHT_WORKERS to change)`);
say(host ? `Listening on ${host} only (HOST).` : "Listening on every network interface (set HOST=127.0.0.1 to accept only this machine).");
say(
  process.env.HINDSIGHT_PUBLIC_URL?.trim()
    ? `Answering only for ${new URL(process.env.HINDSIGHT_PUBLIC_URL.trim()).host} and loopback names (HINDSIGHT_PUBLIC_URL).`
    : "Answering requests for any host name: set HINDSIGHT_PUBLIC_URL to answer only yours (protects against DNS rebinding).",
);
serveCluster({ port, host, workers });
