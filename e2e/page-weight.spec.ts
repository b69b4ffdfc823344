import { kb, measurePageScripts, PAGE_BUDGETS } from "../scripts/lib/page-weight";
import { expect, test, uniqueTitle } from "./fixtures";

/**
 * Issue 15's JavaScript budgets, held in the test command: each route's
 * scripts, counted as `npm run bench:pages` counts them (every script loaded
 * in Chromium until the network is idle, each gzipped). Sizes are fixed for
 * a build, so this is a check, not a timed test. A failure names the
 * route's largest scripts: look there for a library that crept into the
 * browser (zod, Luxon, the Markdown parser, the diff library).
 */
test("every route ships no more JavaScript than its budget", async ({ page, makePostmortem }) => {
  test.setTimeout(120_000);
  const { slug } = await makePostmortem({ title: uniqueTitle("Page weight"), summary: "A postmortem to weigh the pages with." });
  const overBudget: string[] = [];
  for (const { route, budgetKb, path } of PAGE_BUDGETS) {
    const weight = await measurePageScripts(page, path(slug));
    expect(weight.scripts.length, `${route} loaded no script at all: the count is broken`).toBeGreaterThan(0);
    if (kb(weight.gzipBytes) > budgetKb) {
      const largest = weight.scripts.slice(0, 4).map((script) => `${script.url} ${kb(script.gzipBytes)} KB`);
      overBudget.push(`${route}: ${kb(weight.gzipBytes)} KB > ${budgetKb} KB (largest: ${largest.join(", ")})`);
    }
  }
  expect(overBudget).toEqual([]);
});
