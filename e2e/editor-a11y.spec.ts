import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "./fixtures";

const STEPS = ["overview", "timeline", "root-cause", "factors", "actions", "lessons", "review"];

for (const width of [1280, 390]) {
  test(`every editor step has no axe violations and no sideways scroll at ${width} px`, async ({ page, makePostmortem }) => {
    test.setTimeout(120_000);
    const doc = await makePostmortem();
    await page.setViewportSize({ width, height: 900 });
    for (const step of STEPS) {
      await page.goto(`/postmortems/${doc.slug}/edit?step=${step}`);
      await expect(page.locator("#step-title")).toBeVisible();
      const results = await new AxeBuilder({ page }).analyze();
      expect(results.violations.map((v) => `${step}@${width}: ${v.id} — ${v.help} (${v.nodes.length})`)).toEqual([]);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${step} at ${width}px scrolls sideways`).toBeLessThanOrEqual(0);
    }
  });
}

test("the library, a postmortem and the new-postmortem page have no axe violations", async ({ page, makePostmortem }) => {
  const doc = await makePostmortem();
  for (const path of ["/", `/postmortems/${doc.slug}`, "/postmortems/new"]) {
    await page.goto(path);
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `${path}: ${v.id} — ${v.help} at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  }
});
