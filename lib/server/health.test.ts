import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { giveTestFileFreshDatabase } from "@/lib/server/testing/fresh-database";

giveTestFileFreshDatabase();
const { appVersion, checkHealth, shippedMigrations } = await import("./health");

const scratch = mkdtempSync(path.join(os.tmpdir(), "hindsight-health-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("checkHealth", () => {
  it("reports a freshly migrated database as healthy with nothing pending", async () => {
    const shipped = shippedMigrations();
    expect(shipped.length).toBeGreaterThan(0);
    expect(await checkHealth()).toEqual({
      ok: true,
      database: "reachable",
      migrations: { applied: shipped.length, pending: [] },
    });
  });

  it("names a shipped migration the database has not applied", async () => {
    const root = path.join(scratch, "project");
    for (const name of [...shippedMigrations(), "29990101000000_from_the_future"]) {
      mkdirSync(path.join(root, "prisma", "migrations", name), { recursive: true });
    }
    const health = await checkHealth({ root });
    expect(health.ok).toBe(false);
    expect(health.database).toBe("reachable");
    expect(health.migrations.pending).toEqual(["29990101000000_from_the_future"]);
    expect(health.message).toMatch(/npm run db:migrate/);
  });
});

describe("shippedMigrations", () => {
  it("lists migration folders in order and nothing for a folder without migrations", () => {
    const names = shippedMigrations();
    expect(names).toEqual([...names].sort());
    expect(names).not.toContain("migration_lock.toml");
    expect(shippedMigrations(scratch)).toEqual([]);
  });
});

describe("appVersion", () => {
  it("reads the version from package.json, and says unknown where there is none", () => {
    expect(appVersion()).toMatch(/^\d+\.\d+\.\d+/);
    expect(appVersion(scratch)).toBe("unknown");
  });
});
