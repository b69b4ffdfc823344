// The `npm run bench:*` launchers: install dependencies on a fresh clone (as
// npm start and npm test do), then run a TypeScript script under the same
// flags as the CLI (tsx, the react-server condition), passing our arguments on.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { ensureDependencies, root } from "./steps.mjs";

export function runTsScript(name) {
  process.env.NEXT_TELEMETRY_DISABLED = "1";
  ensureDependencies();
  const result = spawnSync(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", path.join(root, "scripts", name), ...process.argv.slice(2)],
    { cwd: root, stdio: "inherit" },
  );
  process.exit(result.status ?? 1);
}
