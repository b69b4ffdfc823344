// DATABASE_URL pointing at a file that is not a SQLite database (a wrong
// path, a half-copied backup): a clear UNAVAILABLE error, and the file is
// left exactly as it was.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/domain/errors";

const file = path.join(mkdtempSync(path.join(os.tmpdir(), "hindsight-damaged-")), "notes.db");
const content = "These are meeting notes, not a database.\n".repeat(200);
writeFileSync(file, content);
process.env.DATABASE_URL = `file:${file}`;
const { listPostmortems } = await import("@/lib/server/postmortems");
const { checkHealth } = await import("@/lib/server/health");

describe("a database file that is not a database", () => {
  it("fails with UNAVAILABLE naming DATABASE_URL and a backup, and does not touch the file", async () => {
    const error = await listPostmortems({ page: 1, perPage: 20 }).then(
      () => new Error("Expected an AppError"),
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "UNAVAILABLE", message: expect.stringMatching(/damaged or is not a Hindsight database\. Check DATABASE_URL/) });
    expect(readFileSync(file, "utf8")).toBe(content);
  });

  it("is reported by the health check as unreachable with the same reason", async () => {
    const health = await checkHealth();
    expect(health).toMatchObject({ ok: false, database: "unreachable" });
    expect(health.message).toMatch(/damaged or is not a Hindsight database/);
  });
});
