import "server-only";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { getDb } from "./db";

export type Health = {
  ok: boolean;
  database: "reachable" | "unreachable";
  migrations: { applied: number; pending: string[] };
  message?: string;
};

/** Migration folders shipped with the app (prisma/migrations/<name>/migration.sql). */
export function shippedMigrations(root = process.cwd()): string[] {
  try {
    return readdirSync(path.join(root, "prisma", "migrations"), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
  } catch {
    return [];
  }
}

/** The app's version from package.json, for monitors to tell deployments apart; "unknown" if it cannot be read. */
export function appVersion(root = process.cwd()): string {
  try {
    const { version } = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { version?: unknown };
    return typeof version === "string" ? version : "unknown";
  } catch {
    return "unknown";
  }
}

/** Whether the database answers and every shipped migration has been applied. */
export async function checkHealth(options: { root?: string } = {}): Promise<Health> {
  try {
    const db = await getDb();
    const tables = await db.$queryRawUnsafe<{ name: string }[]>(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'",
    );
    const applied = tables.length
      ? (
          await db.$queryRawUnsafe<{ migration_name: string }[]>(
            "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL",
          )
        ).map((row) => row.migration_name)
      : [];
    const pending = shippedMigrations(options.root).filter((name) => !applied.includes(name));
    return {
      ok: pending.length === 0,
      database: "reachable",
      migrations: { applied: applied.length, pending },
      ...(pending.length ? { message: "Migrations are pending: run `npm run db:migrate` on the server (npm start does it)." } : {}),
    };
  } catch (error) {
    return {
      ok: false,
      database: "unreachable",
      migrations: { applied: 0, pending: shippedMigrations(options.root) },
      message: `The database cannot be opened: ${(error as Error).message}`,
    };
  }
}
