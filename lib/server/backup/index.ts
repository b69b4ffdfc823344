import "server-only";
/** Backing up and restoring the SQLite database (`hindsight backup` / `hindsight restore`). */
export { backupDatabase, countPostmortems, type BackupResult } from "./backup-database";
export { inspectBackup, type BackupReport } from "./inspect-backup";
export { restoreDatabase, type RestoreResult } from "./restore-database";
