import { execFileSync } from "node:child_process";
import path from "node:path";

/**
 * Points a relative DATABASE_URL at the project folder (not wherever the
 * command was typed) and applies pending migrations, so that the CLI works on
 * a fresh clone exactly like `npm start`.
 */
export async function prepareDatabase(): Promise<void> {
  const root = await pointDatabaseAtProject();

  const { checkHealth } = await import("@/lib/server/health");
  const health = await checkHealth({ root });
  if (health.migrations.pending.length === 0) return;
  // The migration needs the file to itself.
  const { closeDb } = await import("@/lib/server/db");
  await closeDb();
  process.stderr.write(`Preparing the database (${health.migrations.pending.length} migration(s))…\n`);
  try {
    // The child inherits this process's environment, DATABASE_URL anchored above.
    execFileSync(path.join(root, "node_modules", ".bin", "prisma"), ["migrate", "deploy"], { cwd: root, stdio: "pipe" });
  } catch (error) {
    const output = String((error as { stderr?: Buffer }).stderr ?? "");
    const { getConfig } = await import("@/lib/server/config");
    throw new Error(`Could not migrate the database at ${getConfig().DATABASE_URL}:\n${output.trim()}`);
  }
}

/** Resolves a relative DATABASE_URL against the project folder and validates the settings; returns the project folder. */
export async function pointDatabaseAtProject(): Promise<string> {
  const { anchorDatabaseUrl, getConfig, projectRoot } = await import("@/lib/server/config");
  const root = projectRoot();
  anchorDatabaseUrl(root);
  getConfig();
  return root;
}
