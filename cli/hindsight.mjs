#!/usr/bin/env node
// Launcher for the `hindsight` command: runs cli/main.ts with tsx, under the
// "react-server" condition so that lib/server's `import "server-only"` guard
// resolves to its empty server build, as it does inside Next.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseEnv } from "node:util";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dotEnv = path.join(root, ".env");
const fromDotEnv = existsSync(dotEnv) ? parseEnv(readFileSync(dotEnv, "utf8")) : {};
const tsx = import.meta.resolve("tsx");
const result = spawnSync(
  process.execPath,
  ["--conditions=react-server", "--import", tsx, path.join(root, "cli", "main.ts"), ...process.argv.slice(2)],
  // tsx reads the "@/…" paths from the tsconfig of the current folder: name ours, so the command works from any folder.
  { stdio: "inherit", env: { ...fromDotEnv, ...process.env, HINDSIGHT_ROOT: root, TSX_TSCONFIG_PATH: path.join(root, "tsconfig.json") } },
);
process.exit(result.status ?? 1);

