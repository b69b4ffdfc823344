/**
 * Backup and restore on a real migrated SQLite file: a round trip brings the
 * data back as it was; damaged, truncated, foreign or newer files are refused
 * and the current data stays; a backup taken while another connection writes
 * is whole and consistent.
 */
import Database from "better-sqlite3";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { postmortemInputSchema } from "@/lib/schemas/postmortem";
import { giveTestFileFreshDatabase } from "@/lib/server/testing/fresh-database";

const databaseFile = giveTestFileFreshDatabase();
const { createPostmortem, listPostmortems, archivePostmortem } = await import("@/lib/server/postmortems");
const { backupDatabase, restoreDatabase } = await import(".");

const scratch = mkdtempSync(path.join(os.tmpdir(), "hindsight-backup-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const create = (title: string) => createPostmortem({ draft: postmortemInputSchema.parse({ title, summary: `About ${title}.` }) });
const titles = async () => (await listPostmortems({ page: 1, perPage: 100, status: undefined })).items.map((item) => item.title).sort();
const beforeRestoreFiles = () => readdirSync(path.dirname(databaseFile)).filter((name) => name.startsWith(`${path.basename(databaseFile)}.before-restore-`));

let backupFile = "";

describe("backupDatabase and restoreDatabase", () => {
  it("backs up, and a restore brings the data back as it was at the backup", async () => {
    await create("Cache stampede");
    const kept = await create("Queue backlog");
    backupFile = path.join(scratch, "library.db");
    const result = await backupDatabase({ to: backupFile });
    expect(result).toMatchObject({ file: backupFile, postmortems: 2 });
    expect(result.bytes).toBeGreaterThan(0);

    await create("Written after the backup");
    await archivePostmortem({ slug: kept.slug });
    expect(await titles()).toEqual(["Cache stampede", "Written after the backup"]);

    const restored = await restoreDatabase({ from: backupFile, now: new Date("2026-11-23T10:00:00Z") });
    expect(restored).toMatchObject({ postmortems: 2, pendingMigrations: [] });
    expect(await titles()).toEqual(["Cache stampede", "Queue backlog"]);
    // A backup stays one file, even after being opened to be checked.
    expect(readdirSync(scratch)).toEqual(["library.db"]);
    // What was replaced is kept, whole.
    expect(restored.savedAs).toBe(`${databaseFile}.before-restore-2026-11-23T10-00-00Z`);
    const saved = new Database(restored.savedAs!, { readonly: true });
    expect(saved.prepare('SELECT count(*) AS n FROM "Postmortem"').get()).toEqual({ n: 3 });
    saved.close();
  });

  it("refuses to overwrite an existing file unless forced", async () => {
    await expect(backupDatabase({ to: backupFile })).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("--force") });
    await create("One more");
    expect(await backupDatabase({ to: backupFile, force: true })).toMatchObject({ postmortems: 3 });
  });

  it.each([
    ["a random file", () => writeFileSync(path.join(scratch, "random.db"), "just some notes, not a database\n".repeat(200)), "random.db", /is not a usable SQLite database/],
    ["a truncated backup", () => writeFileSync(path.join(scratch, "truncated.db"), readFileSync(backupFile).subarray(0, Math.floor(readFileSync(backupFile).length / 2))), "truncated.db", /damaged|not a usable SQLite database/],
    ["a damaged backup", () => writeFileSync(path.join(scratch, "damaged.db"), damage(readFileSync(backupFile))), "damaged.db", /damaged|not a usable SQLite database/],
    ["another application's SQLite file", () => foreignDatabase(path.join(scratch, "other.db")), "other.db", /is not a Hindsight database: it has no _prisma_migrations, Postmortem/],
    ["a backup from a newer Hindsight", () => newerBackup(path.join(scratch, "newer.db")), "newer.db", /comes from a newer Hindsight \(migration 29990101000000_future is unknown here\)/],
    ["a missing file", () => undefined, "missing.db", /There is no backup at/],
  ])("refuses %s and leaves the current data alone", async (_name, make, name, message) => {
    make();
    const before = await titles();
    const savedBefore = beforeRestoreFiles().length;
    await expect(restoreDatabase({ from: path.join(scratch, name) })).rejects.toThrow(message);
    expect(await titles()).toEqual(before);
    expect(beforeRestoreFiles()).toHaveLength(savedBefore);
    // Nothing staged is left beside the database.
    expect(readdirSync(path.dirname(databaseFile)).filter((file) => file.includes(".restoring-"))).toEqual([]);
  });

  it("takes a whole, consistent backup while another connection keeps writing", async () => {
    const writer = new Database(databaseFile);
    writer.pragma("journal_mode = WAL");
    // Enough pages that the copy takes several steps, so writes land in between.
    writer.exec('CREATE TABLE IF NOT EXISTS "WriteProbe" (n INTEGER PRIMARY KEY, pad BLOB)');
    const insert = writer.prepare('INSERT INTO "WriteProbe" (pad) VALUES (?)');
    writer.transaction(() => {
      for (let i = 0; i < 2_000; i++) insert.run(Buffer.alloc(4_000, i % 251));
    })();
    let isCopying = true;
    let writesDuring = 0;
    const keepWriting = () => {
      if (!isCopying) return;
      insert.run(Buffer.alloc(100, 7));
      writesDuring++;
      setImmediate(keepWriting);
    };
    setImmediate(keepWriting);
    const target = path.join(scratch, "during-writes.db");
    const result = await backupDatabase({ to: target }).finally(() => (isCopying = false));
    const total = (writer.prepare('SELECT count(*) AS n FROM "WriteProbe"').get() as { n: number }).n;
    writer.close();

    expect(writesDuring).toBeGreaterThan(0);
    const copy = new Database(target, { readonly: true });
    expect(copy.pragma("integrity_check")).toEqual([{ integrity_check: "ok" }]);
    const copied = (copy.prepare('SELECT count(*) AS n FROM "WriteProbe"').get() as { n: number }).n;
    copy.close();
    expect(copied).toBeGreaterThanOrEqual(2_000);
    expect(copied).toBeLessThanOrEqual(total);
    expect(result.postmortems).toBe(3);
  });

  it("refuses a backup onto the database itself or into a missing folder", async () => {
    await expect(backupDatabase({ to: databaseFile, force: true })).rejects.toThrow(/cannot be the database itself/);
    await expect(backupDatabase({ to: path.join(scratch, "no", "such", "folder.db") })).rejects.toThrow(/does not exist/);
    expect(existsSync(path.join(scratch, "no"))).toBe(false);
  });

  it("restores a backup older than the app and names the migrations still to apply", async () => {
    const older = path.join(scratch, "older.db");
    writeFileSync(older, readFileSync(backupFile));
    const db = new Database(older);
    const [latest] = db.prepare("SELECT migration_name FROM _prisma_migrations ORDER BY migration_name DESC LIMIT 1").pluck().all() as string[];
    db.prepare("DELETE FROM _prisma_migrations WHERE migration_name = ?").run(latest);
    db.close();
    expect(await restoreDatabase({ from: older })).toMatchObject({ postmortems: 3, pendingMigrations: [latest] });
  });
});

// Garbage over the pages after the first two: the header still says SQLite, the tables do not hold.
function damage(bytes: Buffer): Buffer {
  const copy = Buffer.from(bytes);
  const pageSize = copy.readUInt16BE(16) || 65536;
  for (let offset = pageSize * 2; offset < copy.length; offset += 7) copy[offset] = (offset * 31) & 0xff;
  return copy;
}

function foreignDatabase(file: string): void {
  const db = new Database(file);
  db.exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES ('hello');");
  db.close();
}

function newerBackup(file: string): void {
  writeFileSync(file, readFileSync(backupFile));
  const db = new Database(file);
  db.prepare(
    "INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, finished_at, applied_steps_count) VALUES ('future', 'x', '29990101000000_future', 0, 0, 1)",
  ).run();
  db.close();
}
