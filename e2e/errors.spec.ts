import { expect, test } from "./fixtures";

for (const path of ["/postmortems/does-not-exist", "/no/such/page", "/postmortems/does-not-exist/extra"]) {
  test(`${path} shows the not-found page with a way back`, async ({ page }) => {
    const response = await page.goto(path);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
    await page.getByRole("main").getByRole("link", { name: "Back to the incident library" }).click();
    await expect(page).toHaveURL("/");
    await expect(page.getByRole("heading", { level: 1, name: "Incident library" })).toBeVisible();
  });
}

test("an archived postmortem's page is still readable", async ({ page, makePostmortem, request }) => {
  const doc = await makePostmortem();
  await request.delete(`/api/postmortems/${doc.slug}`);
  const response = await page.goto(`/postmortems/${doc.slug}`);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(doc.title);
  await expect(page.getByRole("article").getByText("Archived", { exact: true })).toBeVisible();
});

// The edge absorbs weirdness: odd addresses and query strings never become a 500.
for (const path of [
  "/?page=-1",
  "/?page=abc&status=bogus",
  "/?page=99999",
  "/?page=1&page=2",
  "/?status=archived",
  "/postmortems/" + "a".repeat(2000),
  "/postmortems/Ünïcödé-slug",
  "/postmortems/..%2F..%2Fetc%2Fpasswd",
]) {
  test(`${path.slice(0, 60)} answers without a server error`, async ({ page }) => {
    const response = await page.goto(path);
    const status = response?.status() ?? 0;
    expect(status, path).toBeLessThan(500);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Incident library|Page not found/);
  });
}

for (const path of ["/postmortems/%E0%A4%A", "/postmortems/100%"]) {
  test(`${path} (a malformed percent-escape) answers without a server error`, async ({ page }) => {
    const response = await page.goto(path);
    expect(response?.status()).toBeLessThan(500);
    await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  });
}
