/**
 * `npx hindsight backup` and `restore`, spawned for real on their own
 * database: a round trip, the refusals (existing file, missing file, a file
 * that is not a backup) and the exit codes.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runHindsight, type CliRun as Run } from "./testing/run-hindsight";

const dir = mkdtempSync(path.join(os.tmpdir(), "hindsight-cli-backup-"));
const databaseFile = path.join(dir, "library.db");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function hindsight(args: string[]): Promise<Run> {
  return runHindsight(args, { env: { DATABASE_URL: `file:${databaseFile}` } });
}

function post(name: string, title: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, `# ${title}\n\nThe queue backed up for an hour.\n`);
  return file;
}

const slugs = async () => JSON.parse((await hindsight(["list", "--json"])).stdout).items.map((item: { slug: string }) => item.slug).sort();

describe("npx hindsight backup and restore", () => {
  const backup = path.join(dir, "backup.db");

  it("backs up with the size and the postmortem count, and will not overwrite without --force", async () => {
    expect((await hindsight(["import", post("one.md", "Queue backlog")])).code).toBe(0);
    const first = await hindsight(["backup", backup]);
    expect(first.stderr).toBe("");
    expect(first.stdout).toMatch(new RegExp(`^Backed up 1 postmortem to ${backup} \\(\\d+\\.\\d KB\\)\\.\\n$`));
    expect(first.code).toBe(0);

    const again = await hindsight(["backup", backup]);
    expect(again.code).toBe(1);
    expect(again.stderr).toBe(`hindsight: ${backup} already exists: choose another name, or add --force to replace it.\n`);
    expect((await hindsight(["backup", backup, "--force"])).code).toBe(0);
  }, 120_000);

  it("refuses what is not a Hindsight backup and keeps the current data", async () => {
    expect((await hindsight(["import", post("two.md", "Disk full")])).code).toBe(0);
    const notes = path.join(dir, "notes.txt");
    writeFileSync(notes, "not a database\n".repeat(100));
    const refused = await hindsight(["restore", notes]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^hindsight: .*notes\.txt is not a usable SQLite database: /);
    const missing = await hindsight(["restore", path.join(dir, "nope.db")]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("There is no backup at");
    expect(await slugs()).toEqual(["disk-full", "queue-backlog"]);
  }, 120_000);

  it("restores a backup, keeps the replaced database and says to restart servers", async () => {
    const restored = await hindsight(["restore", backup]);
    expect(restored.stderr).toBe("");
    expect(restored.code).toBe(0);
    expect(restored.stdout).toContain(`Restored 1 postmortem from ${backup}.\n`);
    expect(restored.stdout).toMatch(/The database as it was is kept in .*library\.db\.before-restore-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ\./);
    expect(restored.stdout).toContain("Restart any running Hindsight server");
    expect(await slugs()).toEqual(["queue-backlog"]);
    expect(readdirSync(dir).filter((name) => name.startsWith("library.db.before-restore-"))).toHaveLength(1);
  }, 120_000);

  it("asks for exactly one file (exit 2)", async () => {
    const [backupUsage, restoreUsage] = await Promise.all([hindsight(["backup"]), hindsight(["restore", "a.db", "b.db"])]);
    expect(backupUsage.code).toBe(2);
    expect(backupUsage.stderr).toContain("hindsight: backup needs one FILE argument");
    expect(restoreUsage.code).toBe(2);
    expect(restoreUsage.stderr).toContain("hindsight: restore needs one FILE argument");
    expect(existsSync(path.join(dir, "a.db"))).toBe(false);
  }, 120_000);
});
