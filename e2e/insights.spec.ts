import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "./fixtures";

test("insights chart incidents, time to resolve, factors and actions, with filters and table alternatives", async ({ page, makePostmortem }) => {
  const service = `svc-${Date.now().toString(36)}`;
  await makePostmortem({ services: [service], severity: "SEV1", incidentDate: "2024-03-13" });
  await makePostmortem({ services: [service], severity: "SEV3", incidentDate: "2024-05-02", timeline: [] });

  await page.goto("/");
  await page.getByRole("link", { name: "Insights" }).click();
  await page.getByRole("combobox", { name: "Service" }).selectOption(service);
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(new RegExp(`service=${service}`));

  const perMonth = page.getByRole("region", { name: "Incidents per month" });
  await perMonth.getByText("Show as a table").click();
  const table = perMonth.getByRole("table");
  await expect(table.getByRole("row", { name: /2024-03/ })).toContainText("1");
  await expect(table.getByRole("row", { name: /2024-05/ })).toBeVisible();

  const resolve = page.getByRole("region", { name: "Time to resolve" });
  await resolve.getByText("Show as a table").click();
  // The fixture's impact starts 00:05 and is resolved 00:57 (Europe/Berlin).
  await expect(resolve.getByRole("table")).toContainText("52 minutes");

  const services = page.getByRole("region", { name: "Services with the most incidents" });
  await expect(services.getByRole("row", { name: new RegExp(service) })).toContainText("2");

  const actions = page.getByRole("region", { name: "Corrective actions" });
  await actions.getByText("Show as a table").click();
  await expect(actions.getByRole("table")).toContainText("2024-Q1");

  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
});

test("junk filters are ignored, not an error", async ({ page }) => {
  const response = await page.goto("/insights?from=yesterday&severity=SEV9&service=");
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { name: "Insights", level: 1 })).toBeVisible();
});
