/** `hindsight backup FILE` and `hindsight restore FILE`: the SQLite database copied out, and a checked backup put back. */
import { pointDatabaseAtProject } from "./prepare-database";
import { UsageError } from "./usage-error";

type Run = { values: { force?: boolean }; positionals: string[]; out: NodeJS.WritableStream };

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? "" : "s"}`;

/** `backup FILE [--force]`: an online backup (servers may keep running), with its size and how many postmortems it holds. */
export async function runBackup({ values, positionals, out }: Run): Promise<number> {
  if (positionals.length !== 1) throw new UsageError("backup needs one FILE argument: where to write the backup");
  await pointDatabaseAtProject();
  const { backupDatabase } = await import("@/lib/server/backup");
  const result = await backupDatabase({ to: positionals[0], force: values.force ?? false });
  out.write(`Backed up ${plural(result.postmortems, "postmortem")} to ${result.file} (${formatBytes(result.bytes)}).\n`);
  return 0;
}

/** `restore FILE`: refused unless FILE is a sound Hindsight database; the current one is kept beside it first. */
export async function runRestore({ positionals, out }: Run): Promise<number> {
  if (positionals.length !== 1) throw new UsageError("restore needs one FILE argument: the backup to restore");
  const root = await pointDatabaseAtProject();
  const { restoreDatabase } = await import("@/lib/server/backup");
  const result = await restoreDatabase({ from: positionals[0], root });
  const lines = [
    `Restored ${plural(result.postmortems, "postmortem")} from ${positionals[0]}.`,
    result.savedAs ? `The database as it was is kept in ${result.savedAs}.` : "There was no database before: nothing to keep.",
    ...(result.pendingMigrations.length
      ? [`The backup predates ${plural(result.pendingMigrations.length, "migration")}: npm start (or any hindsight command) applies them.`]
      : []),
    "Restart any running Hindsight server: it still has the old database open.",
  ];
  out.write(`${lines.join("\n")}\n`);
  return 0;
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
