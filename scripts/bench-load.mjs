// `npm run bench:load`: installs dependencies on a fresh clone (as npm start
// and npm test do), then runs the load benchmark (scripts/bench-load.ts)
// under the flags given: --reuse, --count N, --duration S, --connections N, --only a,b.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { ensureDependencies, root } from "./lib/steps.mjs";

process.env.NEXT_TELEMETRY_DISABLED = "1";
ensureDependencies();
const result = spawnSync(
  process.execPath,
  ["--conditions=react-server", "--import", "tsx", path.join(root, "scripts", "bench-load.ts"), ...process.argv.slice(2)],
  { cwd: root, stdio: "inherit" },
);
process.exit(result.status ?? 1);
