import { expect, test } from "./fixtures";

test("blaming phrasing is pointed out as you type, listed on review, and confirmed before publishing", async ({ page, makePostmortem }) => {
  const doc = await makePostmortem({ status: "draft" });
  await page.goto(`/postmortems/${doc.slug}/edit?step=lessons`);

  await page.getByLabel("What went wrong").fill("It was human error: Dave was careless with the config.");
  const hints = page.getByRole("list", { name: "Language suggestions" });
  await expect(hints).toContainText("human error");
  await expect(hints).toContainText("Try:");

  await page.getByRole("navigation", { name: "Postmortem steps" }).getByRole("link", { name: /Review/ }).click();
  const language = page.getByRole("region", { name: "Blameless language" });
  await expect(language).toContainText("human error");
  await expect(language).toContainText("lessons.wentWrong");

  await expect(page.locator("[data-save-state]")).toHaveAttribute("data-save-state", "saved");
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(page.getByRole("alertdialog")).toContainText("Reword “human error”");

  await page.getByRole("button", { name: "Cancel" }).click();
  await page.getByRole("link", { name: /Go to Lessons/ }).first().click();
  await page.getByLabel("What went wrong").fill("The config format made a typo easy and its effect large.");
  await expect(page.getByRole("list", { name: "Language suggestions" })).toHaveCount(0);
});
