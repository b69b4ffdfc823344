import "server-only";
import Database from "better-sqlite3";
import { AppError } from "@/lib/domain/errors";

export type BackupReport = { postmortems: number; migrations: string[] };

// The tables without which the file is not a Hindsight library; later migrations add more.
const REQUIRED_TABLES = ["_prisma_migrations", "Postmortem", "TimelineEvent", "ContributingFactor", "CorrectiveAction", "Revision"];

/**
 * Whether `file` is a sound Hindsight database this app can run: SQLite's
 * integrity check passes, the core tables are there, and it has no migration
 * this app does not know (a backup from a newer Hindsight). Opens it read-only;
 * throws INVALID with a sentence a person can act on.
 */
export function inspectBackup({ file, label = file, knownMigrations }: { file: string; label?: string; knownMigrations: string[] }): BackupReport {
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new AppError("INVALID", `${label} cannot be opened: ${(error as Error).message}.`);
  }
  try {
    const problems = integrityProblems(db, label);
    if (problems.length) throw new AppError("INVALID", `${label} is damaged (SQLite's integrity check: ${problems.slice(0, 3).join("; ")}).`);
    const tables = new Set((db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((row) => row.name));
    const missing = REQUIRED_TABLES.filter((table) => !tables.has(table));
    if (missing.length) throw new AppError("INVALID", `${label} is not a Hindsight database: it has no ${missing.join(", ")} table${missing.length === 1 ? "" : "s"}.`);
    const migrations = (
      db.prepare("SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name").all() as { migration_name: string }[]
    ).map((row) => row.migration_name);
    const unknown = migrations.filter((name) => !knownMigrations.includes(name));
    if (unknown.length) {
      throw new AppError("INVALID", `${label} comes from a newer Hindsight (migration ${unknown.join(", ")} is unknown here): upgrade Hindsight before restoring it.`);
    }
    if (migrations.length === 0) throw new AppError("INVALID", `${label} is not a Hindsight database: no migration was ever applied to it.`);
    const postmortems = (db.prepare('SELECT count(*) AS n FROM "Postmortem"').get() as { n: number }).n;
    return { postmortems, migrations };
  } catch (error) {
    if (error instanceof AppError) throw error;
    // SQLITE_NOTADB, SQLITE_CORRUPT: a random or truncated file fails its first read.
    throw new AppError("INVALID", `${label} is not a usable SQLite database: ${(error as Error).message}.`);
  } finally {
    db.close();
  }
}

function integrityProblems(db: Database.Database, label: string): string[] {
  const rows = db.pragma("integrity_check") as { integrity_check: string }[];
  const problems = rows.map((row) => row.integrity_check).filter((message) => message !== "ok");
  if (rows.length === 0) return [`${label} gave no answer`];
  return problems;
}
