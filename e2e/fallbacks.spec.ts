import AxeBuilder from "@axe-core/playwright";
import { rmSync } from "node:fs";
import path from "node:path";
import type { Server } from "../scripts/lib/server-process.mjs";
import { expect, test } from "./fixtures";

/**
 * A second production server, on a database file nobody migrated (a deploy
 * that skipped `npm run db:migrate`): pages explain it and the API answers
 * 503, instead of "Something went wrong". Missing postmortems (404) are
 * covered by errors.spec.ts; a locked, full or damaged database by the
 * data-access tests in lib/server/reliability/.
 */
const PORT = 3139;
let server: Server;

// Starting a second server and running axe at two widths takes a while on a busy machine.
test.describe.configure({ mode: "serial", timeout: 90_000 });

test.beforeAll(async () => {
  const { startServer, waitUntilAnswering } = await import("../scripts/lib/server-process.mjs");
  const file = path.join(__dirname, "..", "data", "e2e", `unmigrated-${PORT}.db`);
  for (const suffix of ["", "-wal", "-shm"]) rmSync(`${file}${suffix}`, { force: true });
  server = startServer({ port: PORT, env: { DATABASE_URL: `file:${file}` } });
  await waitUntilAnswering(server);
});

test.afterAll(async () => {
  await server?.stop();
});

test("an unmigrated database: the library page says so and how to fix it, without axe violations", async ({ page }) => {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 800 });
    await page.goto(`${server.url}/`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("The database is unavailable");
    await expect(page.getByText("The database is not migrated")).toBeVisible();
    await expect(page.locator("code", { hasText: "npm run db:migrate" })).toBeVisible();
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  }
});

test("an unmigrated database: the API answers 503 UNAVAILABLE with the reason, and health says migrations are pending", async ({ request }) => {
  const list = await request.get(`${server.url}/api/postmortems`);
  expect(list.status()).toBe(503);
  expect(await list.json()).toMatchObject({ error: { code: "UNAVAILABLE", message: expect.stringContaining("npm run db:migrate") }, reason: "not-migrated" });
  const health = await request.get(`${server.url}/api/health`);
  expect(health.status()).toBe(503);
  expect((await health.json()).migrations.pending.length).toBeGreaterThan(0);
});
