import { mkdirSync } from "node:fs";
import { expect, test, type Doc } from "./fixtures";

/**
 * What issue 15 saw on the first screens: facet labels over their counts and
 * counts over the results, Markdown in snippets, gaps in time closed up, no
 * time to resolve for imported (wall-clock) timelines, "0 open actions", and
 * doubled quotation marks in quotes. Screenshots at 1280 and 390 px wide go
 * to SHOTS for people to look at.
 */
const SHOTS = "/tmp/shots-issue15";
mkdirSync(SHOTS, { recursive: true });

/** A word no other test (or earlier run) uses. */
function uniqueWord(): string {
  return `zq${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}`.replace(/[^a-z0-9]/g, "");
}

const HEADER_IMAGE = "![Real Life Postmortem Header](/assets/images/postmortem_500.png)";

test("library: long facet labels wrap inside the sidebar, counts stay in their column, snippets and summaries are plain text", async ({ page, makePostmortem }) => {
  const word = uniqueWord();
  let docs: Doc[] = [];
  await test.step("two postmortems whose summaries open with an image; the fixture's factors include configuration drift", async () => {
    docs = [
      // The word in the title only: no snippet, the summary is shown instead.
      await makePostmortem({ title: `Bad deploy ${word}`, summary: `${HEADER_IMAGE}\n\nA **config** change locked [accounts](https://x.example/a) for \`40%\` of users.` }),
      // The word in the summary, after the image: the snippet comes from it.
      await makePostmortem({ title: "Tokens rejected", summary: `${HEADER_IMAGE}\n\nThe _${word}_ parser rejected [valid tokens](https://x.example/t).` }),
    ];
  });

  for (const width of [1280, 390]) {
    await test.step(`at ${width} px`, async () => {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`/?q=${word}`);
      const results = page.locator("#search-results > li");
      await expect(results).toHaveCount(2);
      for (const text of await results.allTextContents()) {
        expect(text).not.toContain("![");
        expect(text).not.toContain("](");
        expect(text).not.toMatch(/\*\*|`/);
      }
      await expect(results.filter({ hasText: docs[0].title })).toContainText("A config change locked accounts for 40% of users.");
      await expect(results.filter({ hasText: docs[1].title })).toContainText(`The ${word} parser rejected valid tokens.`);

      if (width < 768) await page.getByRole("button", { name: /^Filters/ }).click();
      const sidebar = page.getByRole("complementary", { name: "Filters" });
      const checkbox = sidebar.getByRole("checkbox", { name: /^Configuration \/ environment drift \(\d+\)$/ });
      await expect(checkbox).toBeVisible();
      const row = checkbox.locator("xpath=..");
      const label = row.locator("span").first();
      const count = row.locator("span").last();
      const [sidebarBox, labelBox, countBox, resultsBox] = await Promise.all([
        sidebar.boundingBox(),
        label.boundingBox(),
        count.boundingBox(),
        page.locator("#search-results").boundingBox(),
      ]);
      expect(await count.textContent()).toMatch(/^\d+$/);
      // The count stays in its column, inside the sidebar; the label wraps before it.
      expect(countBox!.x + countBox!.width).toBeLessThanOrEqual(sidebarBox!.x + sidebarBox!.width + 0.5);
      expect(labelBox!.x + labelBox!.width).toBeLessThanOrEqual(countBox!.x + 0.5);
      expect(await label.evaluate((element) => element.scrollWidth <= element.clientWidth + 1)).toBe(true);
      if (width >= 768) {
        // Side by side: nothing of the sidebar reaches into the results column.
        expect(sidebarBox!.x + sidebarBox!.width).toBeLessThanOrEqual(resultsBox!.x);
        expect(await sidebar.evaluate((element) => element.scrollWidth <= element.clientWidth + 1)).toBe(true);
        expect(labelBox!.height, "the long label wraps onto a second line").toBeGreaterThan(countBox!.height * 1.5);
      }
      await page.screenshot({ path: `${SHOTS}/library-${width}.png`, fullPage: true });
    });
  }
});

test("insights: every month between the first and the last, time to resolve from wall-clock times, no note about zero actions", async ({ page, makePostmortem }) => {
  const service = `svc-${uniqueWord()}`;
  // Times without a zone, as the importer reads "**10:47 AM**" lines: stored as wall-clock times.
  const timeline = [
    { at: "2025-05-25T10:47:00", kind: "trigger", text: "The new config is deployed to production." },
    { at: "2025-05-25T10:50:00", kind: "detected", text: "Datadog reports a sudden drop in logins." },
    { at: "2025-05-25T12:12:00", kind: "resolved", text: "All systems operational." },
  ];
  const doneWithoutDueDate = [{ title: "Add a canary for config changes", status: "done" }];
  await makePostmortem({ services: [service], severity: "SEV1", incidentDate: "2025-05-25", timezone: null, timeline, correctiveActions: doneWithoutDueDate });
  await makePostmortem({ services: [service], severity: "SEV2", incidentDate: "2026-03-02", timeline: [], correctiveActions: doneWithoutDueDate });
  await makePostmortem({ services: [service], severity: "SEV3", incidentDate: "2026-12-01", timeline: [], correctiveActions: doneWithoutDueDate });

  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(`/insights?service=${service}`);
    const perMonth = page.getByRole("region", { name: "Incidents per month" });
    await perMonth.getByText("Show as a table").click();
    const rows = perMonth.getByRole("table").locator("tbody tr");
    // 2025-05 to 2026-12: twenty months, seventeen of them without incidents.
    await expect(rows).toHaveCount(20);
    await expect(rows.first()).toContainText("2025-05");
    await expect(perMonth.getByRole("table").getByRole("row", { name: /2025-06/ })).toContainText("0");
    await expect(rows.last()).toContainText("2026-12");

    const resolve = page.getByRole("region", { name: "Time to resolve" });
    await expect(resolve).not.toContainText("No data for these filters");
    await resolve.getByText("Show as a table").click();
    await expect(resolve.getByRole("table").getByRole("row", { name: /2025-05/ })).toContainText("1 hour, 25 minutes");

    await expect(page.getByRole("region", { name: "Corrective actions" })).not.toContainText("no due date");
    await page.screenshot({ path: `${SHOTS}/insights-${width}.png`, fullPage: true });
  }
});

test("a quote that has its own quotation marks shows them once", async ({ page, makePostmortem }) => {
  const quote = "It was just a small config change\u2014how bad could it be?";
  const doc = await makePostmortem({
    summary: `> *\u201c${quote}\u201d*\n\nThat was our thinking the morning we pushed it.`,
    sections: [{ title: "What people said", body: `> "${quote}"\n>\n> \u2014 the on-call engineer`, internal: false }],
  });
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(`/postmortems/${doc.slug}`);
    const paragraphs = page.locator("blockquote p");
    await expect(paragraphs.first()).toContainText(quote);
    expect(await paragraphs.count()).toBeGreaterThanOrEqual(2);
    const added = await paragraphs.evaluateAll((elements) =>
      elements.flatMap((element) => [getComputedStyle(element, "::before").content, getComputedStyle(element, "::after").content]),
    );
    // "none" (or "normal"): no generated quotation mark before or after any quoted paragraph.
    for (const content of added) expect(content).toMatch(/^(none|normal)$/);
    await page.screenshot({ path: `${SHOTS}/quote-${width}.png`, fullPage: true });
    await page.screenshot({ path: `${SHOTS}/quote-${width}-top.png` });
  }
});
