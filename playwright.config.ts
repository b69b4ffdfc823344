import { defineConfig, devices } from "@playwright/test";
import { BASE_URL as baseURL, PORT, storageStateFile } from "./e2e/auth";

/**
 * End-to-end tests drive the production build (next build && next start) on
 * its own fresh SQLite file, in Debian's Chromium (never a downloaded browser).
 * Every test runs signed in as the suite's admin (e2e/auth.ts): the server
 * script adds them, the global setup signs them in (Playwright starts the
 * web server first); a test that needs someone else says so.
 */
export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: "test-reports/playwright.json" }]],
  globalSetup: "./e2e/global-setup.ts",
  use: {
    baseURL,
    storageState: storageStateFile("admin"),
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath: "/usr/bin/chromium",
          args: ["--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        },
      },
    },
  ],
  webServer: {
    command: "node scripts/e2e-server.mjs",
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 240_000,
    stdout: "pipe",
    stderr: "pipe",
    env: { PORT: String(PORT) },
  },
});
