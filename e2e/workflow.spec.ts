import { ADMIN } from "./auth";
import { expect, test } from "./fixtures";

test("publishing confirms what is still open, locks the postmortem, and reopening asks why", async ({ page, request, makePostmortem }) => {
  const doc = await makePostmortem({ status: "draft" });
  await page.goto(`/postmortems/${doc.slug}/edit?step=review`);
  // No name box any more: the history is signed with the signed-in person's name (issue 14).
  await expect(page.getByLabel("Your name (for the history)")).toHaveCount(0);

  await test.step("publish: the open items are listed and must be confirmed", async () => {
    await page.getByRole("button", { name: "Publish", exact: true }).click();
    const confirm = page.getByRole("alertdialog");
    await expect(confirm).toContainText("Give 1 action an owner");
    await confirm.getByRole("button", { name: "Publish anyway" }).click();
    await expect(page.getByRole("note")).toContainText("Published — read-only");
  });

  await test.step("a published postmortem cannot be changed, in the editor or through the API", async () => {
    await page.getByRole("navigation", { name: "Postmortem steps" }).getByRole("link", { name: /Overview/ }).click();
    await expect(page.getByLabel("Title")).toBeDisabled();
    const current = await (await request.get(`/api/postmortems/${doc.slug}`)).json();
    expect(current.status).toBe("published");
    const put = await request.put(`/api/postmortems/${doc.slug}`, { data: { ...current, title: "Sneaky edit" } });
    expect(put.status()).toBe(409);
    expect((await put.json()).error.message).toContain("read-only");
    expect((await (await request.get(`/api/postmortems/${doc.slug}`)).json()).title).toBe(doc.title);
  });

  await test.step("reopening needs a reason, which the history keeps", async () => {
    const refused = await request.post(`/api/postmortems/${doc.slug}/status`, { data: { status: "in_review" } });
    expect(refused.status()).toBe(422);
    await page.getByRole("button", { name: "Reopen…" }).click();
    await page.getByLabel("Why reopen it?").fill("New figures on the impact");
    await page.getByRole("button", { name: "Reopen for editing" }).click();
    await expect(page.getByRole("note")).toHaveCount(0);
    await expect(page.getByLabel("Title")).toBeEnabled();
    const revisions = (await (await request.get(`/api/postmortems/${doc.slug}/revisions`)).json()).revisions;
    expect(revisions[0]).toMatchObject({ summary: "Reopened: New figures on the impact", authorName: ADMIN.name });
    expect(revisions[1]).toMatchObject({ summary: "Published", authorName: ADMIN.name });
  });

  await test.step("the API refuses a move the workflow does not allow", async () => {
    const response = await request.post(`/api/postmortems/${doc.slug}/status`, { data: { status: "bogus" } });
    expect(response.status()).toBe(422);
    expect((await response.json()).error.fields.status).toBeTruthy();
  });
});
