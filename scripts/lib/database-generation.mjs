// Which state of the world an answer was rendered in, for the answer cache
// (decision 020): the database file (a restore puts a new one in its place),
// its data_version (SQLite changes it whenever any other connection commits,
// from any process) and the UTC day (the tracker and insights count "today").
import { statSync } from "node:fs";
import Database from "better-sqlite3";

/**
 * A function answering the current generation as a string, or null when the
 * file cannot be read (not created yet, damaged): then nothing is cached.
 * The read-only connection it keeps never writes, so every commit counts.
 */
export function databaseGeneration(file, { today = () => new Date().toISOString().slice(0, 10) } = {}) {
  let connection = null;
  let inode = null;
  let openings = 0;
  const close = () => {
    connection?.close();
    connection = null;
  };
  return () => {
    try {
      const { ino } = statSync(file);
      if (!connection || ino !== inode) {
        close();
        connection = new Database(file, { readonly: true, fileMustExist: true });
        inode = ino;
        openings++;
      }
      return `${openings}:${connection.pragma("data_version", { simple: true })}:${today()}`;
    } catch {
      close();
      return null;
    }
  };
}
