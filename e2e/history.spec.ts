import { ADMIN } from "./auth";
import { expect, test } from "./fixtures";

test("the history lists every save, shows a word diff and restores an old version as a new one", async ({ page, request, makePostmortem }) => {
  const doc = await makePostmortem({ summary: "The cache expired at once.", status: "draft" });
  const put = async (changes: Record<string, unknown>, version: number) => {
    const current = await (await request.get(`/api/postmortems/${doc.slug}`)).json();
    const response = await request.put(`/api/postmortems/${doc.slug}`, { data: { ...current, ...changes, version } });
    expect(response.status()).toBe(200);
  };
  await put({ summary: "The whole cache expired at once." }, 1);
  await put({ title: `${doc.title} (renamed)` }, 2);

  await page.goto(`/postmortems/${doc.slug}`);
  await page.getByRole("link", { name: "History" }).click();
  await expect(page.getByRole("heading", { name: "History", level: 1 })).toBeVisible();
  const versions = page.getByRole("region", { name: "Versions" });
  await expect(versions.getByRole("listitem")).toHaveCount(3);
  await expect(versions.getByRole("listitem").first()).toContainText("Edited title");
  await expect(versions.getByRole("listitem").nth(1)).toContainText("Edited summary");
  // Signed by whoever saved: the session's person (issue 14).
  await expect(versions.getByRole("listitem").nth(1)).toContainText(`by ${ADMIN.name}`);

  await test.step("show what version 2 changed, word by word", async () => {
    await versions.getByRole("listitem").nth(1).getByRole("link", { name: "Show changes" }).click();
    const summary = page.getByRole("region", { name: "Changes to Summary" });
    await expect(summary.locator("ins")).toHaveText("whole ");
    await expect(page.getByRole("region", { name: "Changes to Title" })).toHaveCount(0);
  });

  await test.step("restore version 1: it becomes version 4", async () => {
    page.once("dialog", (dialog) => dialog.accept());
    await versions.getByRole("button", { name: "Restore version 1" }).click();
    await expect(versions.getByRole("listitem")).toHaveCount(4);
    await expect(versions.getByRole("listitem").first()).toContainText("Restored version 1");
    const restored = await (await request.get(`/api/postmortems/${doc.slug}`)).json();
    expect(restored).toMatchObject({ version: 4, title: doc.title, summary: "The cache expired at once.", slug: doc.slug });
  });

  await test.step("the API serves any version and refuses what does not exist", async () => {
    expect((await (await request.get(`/api/postmortems/${doc.slug}/revisions/2`)).json()).summary).toBe("The whole cache expired at once.");
    expect((await request.get(`/api/postmortems/${doc.slug}/revisions/99`)).status()).toBe(404);
    expect((await request.get(`/api/postmortems/${doc.slug}/revisions/abc`)).status()).toBe(404);
    expect((await request.post(`/api/postmortems/${doc.slug}/revisions/99/restore`)).status()).toBe(404);
  });
});

test("a published postmortem's history offers no restore, and says how to get one", async ({ page, makePostmortem, request }) => {
  // Created (a draft), published, reopened and published again.
  const doc = await makePostmortem({ status: "published" });
  for (const data of [{ status: "in_review", reason: "Typo in the summary" }, { status: "published" }]) {
    const response = await request.post(`/api/postmortems/${doc.slug}/status`, { data });
    expect(response.status(), await response.text()).toBe(200);
  }
  await page.goto(`/postmortems/${doc.slug}/history`);
  const versions = page.getByRole("region", { name: "Versions" });
  await expect(versions.getByRole("listitem")).toHaveCount(4);
  await expect(versions.getByRole("button", { name: /^Restore version/ })).toHaveCount(0);
  await expect(page.getByText("This postmortem is published, so it is read-only")).toBeVisible();
  const status = page.getByRole("region", { name: "Changes to Status" });
  await expect(status.locator("del")).toHaveText("In review");
  await expect(status.locator("ins")).toHaveText("Published");
  await expect(status).toContainText("In review → Published");
  await page.getByRole("link", { name: "reopen it in the editor" }).click();
  await expect(page).toHaveURL(new RegExp(`/postmortems/${doc.slug}/edit`));
});
