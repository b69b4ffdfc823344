import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test, uniqueTitle } from "./fixtures";
import { startOwnServer } from "./own-server";

/**
 * axe finds nothing on the page once it has settled. After a client-side
 * navigation (the invite page leads to /login) Next writes the new <title>
 * a moment after the URL changes, so wait for it rather than catch the gap.
 */
async function expectNoAxeViolations(page: Page) {
  await expect(page).toHaveTitle(/\S/);
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
}

test("an admin adds a person; the invite link sets their password; they sign in and out, as a person would", async ({ page, browser, baseURL }) => {
  const stamp = Date.now().toString(36);
  const email = `newcomer-${stamp}@example.com`;
  let inviteUrl = "";

  await test.step("Admin → People: add a person and get the invite link", async () => {
    await page.goto("/admin/people");
    await expectNoAxeViolations(page);
    await page.getByLabel("Name", { exact: true }).fill(`Newcomer ${stamp}`);
    await page.getByLabel("Email", { exact: true }).fill(email);
    await page.getByLabel("Role", { exact: true }).first().selectOption("editor");
    await page.getByRole("button", { name: "Add person" }).click();
    inviteUrl = await page.getByRole("textbox", { name: `Invite link for Newcomer ${stamp}` }).inputValue();
    expect(inviteUrl).toMatch(/\/invite\/[\w-]+$/);
  });

  const newcomer = await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  const guest = await newcomer.newPage();
  await test.step("the invite page sets a password", async () => {
    await guest.goto(new URL(inviteUrl).pathname);
    await expectNoAxeViolations(guest);
    await guest.getByLabel("Password", { exact: true }).fill("lantern orchard 42 breeze");
    await guest.getByLabel("Repeat the password").fill("lantern orchard 42 breeze");
    await guest.getByRole("button", { name: "Set my password" }).click();
    await expect(guest).toHaveURL(/\/login/);
  });

  await test.step("sign in with Email and Password, land on the library, and the menu names them", async () => {
    await expectNoAxeViolations(guest);
    await guest.getByLabel("Email").fill(email);
    await guest.getByLabel("Password").fill("lantern orchard 42 breeze");
    await guest.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(guest).toHaveURL(/\/$/);
    await expect(guest.getByText(`Newcomer ${stamp}`).first()).toBeVisible();
  });

  await test.step("sign out ends the session: the library leads to the login page again", async () => {
    await guest.getByText(`Newcomer ${stamp}`).first().click();
    await guest.getByRole("button", { name: "Sign out" }).click();
    await expect(guest).toHaveURL(/\/login/);
    await guest.goto("/");
    await expect(guest).toHaveURL(/\/login\?next=%2F/);
  });
  await newcomer.close();
});

test("a restricted postmortem does not exist for a non-member: page, editor, history, export, API and search", async ({ makePostmortem, makePerson }) => {
  const word = `zqsecret${Date.now().toString(36)}`;
  const doc = await makePostmortem({ title: uniqueTitle(`Security incident ${word}`), restricted: true, members: [] });
  const outsider = await makePerson({ role: "editor" });
  const context = await outsider.browserContext();
  const page = await context.newPage();
  for (const path of [`/postmortems/${doc.slug}`, `/postmortems/${doc.slug}/edit`, `/postmortems/${doc.slug}/history`, `/postmortems/${doc.slug}/export`]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
  }
  await page.goto(`/?q=${word}`);
  await expect(page.getByText(`Security incident ${word}`)).toHaveCount(0);
  const api = await outsider.tokenRequest();
  expect((await api.get(`/api/postmortems/${doc.slug}`)).status()).toBe(404);
  const search = await (await api.get(`/api/search?q=${word}`)).json();
  expect(search.total).toBe(0);
});

test("the account pages pass axe at 390 px too", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  for (const path of ["/admin/people", "/admin/audit", "/settings", "/settings/tokens"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectNoAxeViolations(page);
  }
});

test("a fresh install: every page leads to setup, the form refuses a weak password, then creates the first admin, who signs in", async ({ browser }) => {
  test.setTimeout(240_000);
  const server = await startOwnServer({ E2E_NO_ACCOUNTS: "1" });
  const context = await browser.newContext({ baseURL: server.origin, storageState: { cookies: [], origins: [] } });
  try {
    const page = await context.newPage();
    await test.step("the library leads to the setup screen, which passes axe at 1280 and 390 px", async () => {
      await page.goto("/");
      await expect(page).toHaveURL(/\/setup$/);
      await expect(page.getByRole("heading", { name: "Set up Hindsight" })).toBeVisible();
      await expectNoAxeViolations(page);
      await page.setViewportSize({ width: 390, height: 844 });
      await expectNoAxeViolations(page);
      await page.setViewportSize({ width: 1280, height: 800 });
    });

    await test.step("a common password is refused with a message, and what was typed stays", async () => {
      await page.getByLabel("Name", { exact: true }).fill("First Admin");
      await page.getByLabel("Email", { exact: true }).fill("first.admin@example.com");
      await page.getByLabel("Password", { exact: true }).fill("aaaaaaaaaaaaaa");
      await page.keyboard.press("Enter");
      await expect(page.getByRole("alert").filter({ hasText: "one of the most common ones" })).toBeVisible();
      await expect(page.getByLabel("Email", { exact: true })).toHaveValue("first.admin@example.com");
      await expect(page).toHaveURL(/\/setup$/);
    });

    await test.step("a good password creates the admin; the login page says so with the email filled in; they sign in and reach Admin → People", async () => {
      await page.getByLabel("Password", { exact: true }).fill("copper kettle 71 meadow");
      await page.getByRole("button", { name: "Create the admin account" }).click();
      await expect(page.getByRole("status").filter({ hasText: "Your admin account is ready" })).toBeVisible();
      await expect(page.getByLabel("Email")).toHaveValue("first.admin@example.com");
      await page.getByLabel("Password").fill("copper kettle 71 meadow");
      await page.getByRole("button", { name: "Sign in", exact: true }).click();
      await expect(page).toHaveURL(/\/$/);
      await expect(page.getByText("First Admin").first()).toBeVisible();
      await page.goto("/admin/people");
      await expect(page.getByRole("cell", { name: "first.admin@example.com" })).toBeVisible();
    });

    await test.step("the setup screen is gone once someone has an account", async () => {
      const stranger = await browser.newContext({ baseURL: server.origin, storageState: { cookies: [], origins: [] } });
      const guest = await stranger.newPage();
      await guest.goto("/setup");
      await expect(guest).toHaveURL(/\/login/);
      await stranger.close();
    });
  } finally {
    await context.close();
    await server.stop();
  }
});
