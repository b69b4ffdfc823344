import AxeBuilder from "@axe-core/playwright";
import { generatePostmortem } from "../lib/domain/synthetic/generate-postmortem";
import { expect, test } from "./fixtures";

const LIBRARY_SIZE = 200;

/** Sum of every number in a chart's table alternative (each body row: a period, then one cell per series). */
async function tableTotal(region: import("@playwright/test").Locator): Promise<number> {
  const cells = await region.getByRole("table").locator("tbody td").allTextContents();
  return cells.reduce((sum, cell) => sum + Number(cell.replace(/,/g, "")), 0);
}

test("insights chart a seeded library of 200 postmortems; filters change the numbers; the tracker pages through its actions", async ({ page, makePostmortem }) => {
  test.setTimeout(300_000);
  // A service only this test's postmortems have, so that other tests' data running alongside never changes the counts.
  const service = `seeded-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const base = Math.floor(Math.random() * 1_000_000);
  const drafts = Array.from({ length: LIBRARY_SIZE }, (_, i) => {
    const draft = generatePostmortem(base + i);
    // Archived postmortems never count in insights; keep every one of the 200.
    return { ...draft, services: [service, ...draft.services], status: draft.status === "archived" ? "draft" : draft.status };
  });
  const sev1 = drafts.filter((d) => d.severity === "SEV1").length;

  await test.step(`seed ${LIBRARY_SIZE} synthetic postmortems through the API`, async () => {
    for (let i = 0; i < drafts.length; i += 4) await Promise.all(drafts.slice(i, i + 4).map((draft) => makePostmortem(draft)));
  });

  await test.step("every chart draws its bars and has a table with the same figures", async () => {
    await page.goto(`/insights?service=${service}`);
    for (const name of ["Incidents per month", "Time to resolve", "Contributing factors", "Corrective actions"]) {
      const region = page.getByRole("region", { name });
      await expect(region.locator("svg rect").first()).toBeAttached();
      expect(await region.locator("svg rect").count(), `${name} draws bars`).toBeGreaterThan(1);
      await region.getByText("Show as a table").click();
      expect(await region.getByRole("table").locator("tbody tr").count(), `${name} has table rows`).toBeGreaterThan(1);
    }
    expect(await tableTotal(page.getByRole("region", { name: "Incidents per month" }))).toBe(LIBRARY_SIZE);
    const services = page.getByRole("region", { name: "Services with the most incidents" });
    await expect(services.getByRole("row", { name: new RegExp(service) })).toContainText(String(LIBRARY_SIZE));
  });

  await test.step("screenshots at 1280 and 390 px, with no axe violations", async () => {
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`/insights?service=${service}`);
      await page.screenshot({ path: `/tmp/shots-b/insights-seeded-${width}.png`, fullPage: true });
      const results = await new AxeBuilder({ page }).analyze();
      expect(results.violations.map((v) => `${width}: ${v.id} — ${v.help}`)).toEqual([]);
    }
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  await test.step("a severity filter changes the numbers to that severity's count", async () => {
    await page.goto(`/insights?service=${service}`);
    await page.getByRole("combobox", { name: "Severity" }).selectOption("SEV1");
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/severity=SEV1/);
    const perMonth = page.getByRole("region", { name: "Incidents per month" });
    await perMonth.getByText("Show as a table").click();
    expect(sev1).toBeGreaterThan(0);
    expect(await tableTotal(perMonth)).toBe(sev1);
  });

  await test.step("the tracker lists the library's actions a page at a time", async () => {
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto("/actions");
      await page.screenshot({ path: `/tmp/shots-b/tracker-seeded-${width}.png` });
    }
    const summary = page.getByText(/^[\d,]+ actions/);
    const total = Number((await summary.textContent())!.match(/^([\d,]+)/)![1].replace(/,/g, ""));
    expect(total).toBeGreaterThanOrEqual(LIBRARY_SIZE * 3);
    await expect(page.getByRole("table", { name: "Corrective actions" }).locator("tbody tr")).toHaveCount(50);
    await page.getByRole("navigation", { name: "Pages" }).getByRole("link", { name: "Next →" }).click();
    await expect(page).toHaveURL(/page=2/);
    await expect(page.getByText(/page 2 of/)).toBeVisible();
  });
});
