import { copyFileSync } from "node:fs";
import path from "node:path";
import { inject } from "vitest";

/**
 * Gives the calling test file its own SQLite file, copied from the migrated
 * template, and points DATABASE_URL at it. Call before importing lib/server.
 */
export function giveTestFileFreshDatabase(): string {
  const template = inject("templateDb");
  const file = path.join(path.dirname(template), `test-${process.pid}-${Math.random().toString(36).slice(2)}.db`);
  copyFileSync(template, file);
  process.env.DATABASE_URL = `file:${file}`;
  return file;
}
