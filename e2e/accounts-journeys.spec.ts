import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test, uniqueTitle } from "./fixtures";

/** axe finds nothing on the page as it is now. */
async function expectNoAxeViolations(page: Page) {
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
