import type { FullConfig } from "@playwright/test";
import { ACCOUNTS, addPersonWithCli, signedInRequest, storageStateFile, type Role } from "./auth";

/**
 * Runs once per `playwright test`, after the web server answers (Playwright
 * starts `webServer` before `globalSetup`). The server's fresh database has
 * the admin already (scripts/e2e-server.mjs); this adds the editor and the
 * viewer with the operator's CLI, then signs all three in through the API
 * and keeps their sessions in e2e/.auth/<port>/<role>.json. The admin's is every
 * test's default storage state; access.spec.ts uses the others.
 */
export default async function globalSetup(config: FullConfig): Promise<void> {
  const baseURL = config.projects[0]?.use.baseURL;
  if (!baseURL) throw new Error("playwright.config.ts must set use.baseURL");
  await Promise.all([addPersonWithCli(ACCOUNTS.editor), addPersonWithCli(ACCOUNTS.viewer)]);
  for (const role of ["admin", "editor", "viewer"] as Role[]) {
    const context = await signedInRequest(ACCOUNTS[role], { baseURL, saveTo: storageStateFile(role) });
    const me = await context.get("/api/me");
    const body = await me.text();
    await context.dispose();
    if (!me.ok() || (JSON.parse(body) as { role?: string }).role !== role) {
      throw new Error(`After signing in as ${ACCOUNTS[role].email}, GET /api/me answered ${me.status()} ${body}`);
    }
  }
}
