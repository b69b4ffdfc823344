import { expect, test } from "./fixtures";

// The page must show the document's own zone, whatever the reader's zone is.
test.use({ timezoneId: "America/Los_Angeles" });

test("a reader finds a postmortem in the library and reads every part of it", async ({ page, makePostmortem }) => {
  const doc = await makePostmortem();

  await test.step("find it in the library and open it", async () => {
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1, name: "Incident library" })).toBeVisible();
    await page.getByRole("link", { name: doc.title, exact: true }).click();
    await expect(page).toHaveURL(`/postmortems/${doc.slug}`);
    await expect(page).toHaveTitle(`${doc.title} · Hindsight`);
  });

  const article = page.getByRole("article");

  await test.step("header: title, severity, status", async () => {
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(doc.title);
    await expect(article.getByText("SEV2", { exact: true })).toBeVisible();
    await expect(article.getByText("In review", { exact: true })).toBeVisible();
    await expect(article.getByText("Europe/Berlin", { exact: true })).toBeVisible();
  });

  await test.step("every section has its heading, in order", async () => {
    const names = [
      "Impact",
      "Timeline",
      "Root cause",
      "Contributing factors",
      "Corrective actions",
      "Lessons",
      "Customer communication",
      "Internal notes",
    ];
    for (const name of names) {
      await expect(page.getByRole("heading", { level: 2, name: new RegExp(`^${name}`) })).toBeVisible();
    }
    await expect(page.getByRole("heading", { level: 2 })).toHaveText([...names.slice(0, -1), /^Internal notes\s*Internal$/]);
  });

  await test.step("the Markdown table in Impact is a real table", async () => {
    const impact = page.getByRole("region", { name: "Impact" });
    const table = impact.getByRole("table");
    await expect(table).toBeVisible();
    await expect(table.getByRole("columnheader")).toHaveText(["Region", "Orders failed"]);
    await expect(table.getByRole("row", { name: /EU/ }).getByRole("cell")).toHaveText(["EU", "1,240"]);
    await expect(impact.getByRole("strong").first()).toHaveText("400 ms");
  });

  await test.step("the code block in the root cause is preformatted", async () => {
    const rootCause = page.getByRole("region", { name: "Root cause" });
    const pre = rootCause.locator("pre");
    await expect(pre).toHaveCount(1);
    await expect(pre.getByRole("code")).toContainText("ttl: 24h   # no jitter");
    await expect(rootCause.getByRole("listitem")).toHaveCount(3);
  });

  await test.step("timeline times are in Europe/Berlin, with a date line when the day changes", async () => {
    const timeline = page.getByRole("region", { name: "Timeline" });
    const events = timeline.getByRole("listitem");
    await expect(events).toHaveCount(7);
    await expect(timeline.getByRole("time")).toHaveText(["23:40", "00:05", "00:12", "00:15", "00:41", "00:57"]);
    await expect(events.nth(0)).toHaveText(/^Wed, 13 Mar 2024\s*23:40\s*Trigger/);
    await expect(events.nth(1)).toHaveText(/^Thu, 14 Mar 2024\s*00:05\s*Impact start/);
    await expect(events.nth(2)).not.toContainText("2024");
    await expect(events.nth(0).getByRole("time")).toHaveAttribute("datetime", "2024-03-13T23:40:00+01:00");
  });

  await test.step("an event without a time says so", async () => {
    const untimed = page.getByRole("region", { name: "Timeline" }).getByRole("listitem").filter({ hasText: "Support reports customers" });
    await expect(untimed).toContainText("no time");
    await expect(untimed.getByRole("time")).toHaveCount(0);
  });

  await test.step("corrective actions and lessons", async () => {
    const actions = page.getByRole("region", { name: "Corrective actions" });
    await expect(actions.getByRole("heading", { level: 3 })).toHaveText([
      "Add TTL jitter to the product cache",
      "Alert on cache hit ratio below 80 %",
      "Cold-cache load test before cache config changes",
    ]);
    await expect(actions.getByRole("link", { name: /Tracker/ })).toHaveAttribute("href", "https://tracker.example.com/SHOP-1201");
    const lessons = page.getByRole("region", { name: "Lessons" });
    await expect(lessons.getByRole("heading", { level: 3 })).toHaveText(["What went well", "What went wrong", "Where we got lucky"]);
  });
});

test("Markdown cannot run script or carry javascript: links", async ({ page, makePostmortem }) => {
  const hostile = [
    '<script>window.__xss=1</script><img src=x onerror="window.__xss=2">',
    "",
    "[click](javascript:alert(1))",
    "",
    "[shout](JaVaScRiPt:alert(2)) and [data](data:text/html;base64,PHNjcmlwdD5hbGVydCgzKTwvc2NyaXB0Pg==)",
    "",
    '<a href="javascript:alert(4)">raw anchor</a>',
  ].join("\n");
  const doc = await makePostmortem({
    impact: hostile,
    rootCause: { trigger: hostile, narrative: hostile, whys: ['<img src=x onerror="window.__xss=3">'] },
    sections: [{ title: "<script>window.__xss=5</script>", body: hostile, internal: false }],
    timeline: [{ at: null, kind: "note", text: '<img src=x onerror="window.__xss=6">', link: null }],
  });
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });

  await page.goto(`/postmortems/${doc.slug}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(doc.title);

  const impact = page.getByRole("region", { name: "Impact" });
  const click = impact.getByRole("link", { name: "click", exact: true });
  await expect(click).toBeVisible();
  for (const link of await page.getByRole("article").getByRole("link").all()) {
    expect(await link.getAttribute("href")).not.toMatch(/^\s*(javascript|data):/i);
  }
  await expect(page.getByRole("article").locator("script, img[onerror], [onerror]")).toHaveCount(0);
  // Text that merely looks like HTML is shown as text where it is plain text.
  await expect(page.getByRole("heading", { level: 2, name: "<script>window.__xss=5</script>" })).toBeVisible();

  await click.click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(doc.title);
  expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
  expect(dialogs).toEqual([]);
});

test.describe("on a 390 px wide phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("the postmortem page and the library do not scroll sideways", async ({ page, makePostmortem }) => {
    const doc = await makePostmortem();
    for (const path of [`/postmortems/${doc.slug}`, "/"]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(scrollWidth, path).toBeLessThanOrEqual(390);
    }
  });

  test("long links and wide tables do not widen the page", async ({ page, makePostmortem }) => {
    const dashboard = `https://grafana.example.com/d/checkout-latency/checkout?orgId=1&from=1710369600000&to=1710374400000&var-region=eu-west-1&viewPanel=${"4".repeat(40)}`;
    const doc = await makePostmortem({
      impact: `Dashboard: ${dashboard}\n\n| Region | Orders failed | Revenue lost | Minutes | Requests failed | Users |\n|---|---|---|---|---|---|\n| europe-west-1 | 1,240,000 | 42,000,000 | 52 | 1,550,000 | 18,000 |`,
      timeline: [{ at: null, kind: "note", text: `Logs: ${dashboard}`, link: null }],
    });
    await page.goto(`/postmortems/${doc.slug}`);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });
});

test("a 10,000-event page weighs what a 1,000-event page does: the list and the drawing are windowed", async ({ request, makePostmortem }) => {
  test.setTimeout(120_000);
  const timelineOf = (count: number) =>
    Array.from({ length: count }, (_, index) => ({
      at: new Date(Date.UTC(2026, 2, 14, 8) + index * 30_000).toISOString().replace(".000Z", "Z"),
      kind: index === 0 ? "trigger" : index === count - 1 ? "resolved" : "action",
      text: `Step ${index + 1} of the runbook`,
    }));
  const sizes: number[] = [];
  for (const count of [1_000, 10_000]) {
    const doc = await makePostmortem({ timezone: "UTC", timeline: timelineOf(count) });
    const answer = await request.get(`/postmortems/${doc.slug}`);
    expect(answer.status()).toBe(200);
    const html = await answer.text();
    expect(html, "the page offers the rest of the events").toContain(`?events=${count}#event-201`);
    sizes.push(html.length);
  }
  // Ten times the events, about the same page: 200 rows and at most 250 markers either way (decision 018).
  expect(sizes[1] / sizes[0]).toBeLessThan(1.3);
});
