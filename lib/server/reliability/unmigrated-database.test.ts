// A database file nobody migrated (a new server whose deploy skipped
// `npm run db:migrate`): every entry point says so and how to fix it, as an
// UNAVAILABLE error (503), instead of crashing on "no such table".
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/domain/errors";
import { postmortemInputSchema } from "@/lib/schemas/postmortem";
import { appErrorOf } from "@/lib/server/testing/app-error-of";

const file = path.join(mkdtempSync(path.join(os.tmpdir(), "hindsight-unmigrated-")), "empty.db");
process.env.DATABASE_URL = `file:${file}`;
const { createPostmortem, getPostmortem, listPostmortems } = await import("@/lib/server/postmortems");
const { searchPostmortems } = await import("@/lib/server/search");
const { parseSearchParams } = await import("@/lib/schemas/search");
const { checkHealth } = await import("@/lib/server/health");
const { apiRoute } = await import("@/lib/server/http/responses");

const NOT_MIGRATED = /^The database is not migrated: run `npm run db:migrate`/;

describe("a database that was never migrated", () => {
  it("is reported by the health check with the pending migrations", async () => {
    const health = await checkHealth();
    expect(health).toMatchObject({ ok: false, database: "reachable", migrations: { applied: 0 } });
    expect(health.migrations.pending.length).toBeGreaterThan(0);
    expect(health.message).toMatch(/Migrations are pending/);
  });

  it("answers reads, searches and writes with UNAVAILABLE and the command that fixes it", async () => {
    for (const attempt of [
      listPostmortems({ page: 1, perPage: 20 }),
      getPostmortem({ slug: "anything" }),
      searchPostmortems(parseSearchParams(new URLSearchParams("q=outage"))),
      createPostmortem({ draft: postmortemInputSchema.parse({ title: "Written to an unmigrated database" }) }),
    ]) {
      const error = await appErrorOf(attempt);
      expect(error.code).toBe("UNAVAILABLE");
      expect(error.message).toMatch(NOT_MIGRATED);
      // Pages get it through this digest (app/error.tsx shows the message).
      expect((error as AppError & { digest?: string }).digest).toBe(`hindsight-unavailable:${error.message}`);
    }
  });

  it("is a 503 with the reason at the API", async () => {
    const handler = apiRoute(async () => Response.json(await listPostmortems({ page: 1, perPage: 20 })));
    const response = await handler(new Request("http://localhost/api/postmortems"), {});
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ error: { code: "UNAVAILABLE", message: expect.stringMatching(NOT_MIGRATED) }, reason: "not-migrated" });
  });
});
