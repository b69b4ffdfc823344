// `npm run bench:actions`: installs dependencies on a fresh clone (as npm start
// and npm test do), then runs the benchmark (scripts/bench-actions.ts) under the
// same flags as the CLI. See docs/actions.md.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { ensureDependencies, root } from "./lib/steps.mjs";

process.env.NEXT_TELEMETRY_DISABLED = "1";
ensureDependencies();
const result = spawnSync(
  process.execPath,
  ["--conditions=react-server", "--import", "tsx", path.join(root, "scripts", "bench-actions.ts"), ...process.argv.slice(2)],
  { cwd: root, stdio: "inherit" },
);
process.exit(result.status ?? 1);
