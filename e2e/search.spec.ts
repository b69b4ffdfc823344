import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Doc } from "./fixtures";

/** A word no other test (or earlier run) uses, so that every search here sees only this test's postmortems. */
function uniqueWord(): string {
  return `zq${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}`.replace(/[^a-z0-9]/g, "");
}

test.describe("library search", () => {
  test("type a query, see highlighted results and counts, filter, share the URL, go back, open a result and a related incident", async ({
    page,
    context,
    makePostmortem,
  }) => {
    const word = uniqueWord();
    const service = `svc-${word}`;
    let docs: Doc[] = [];
    await test.step("three postmortems that use the word, two on the same service", async () => {
      docs = [
        await makePostmortem({ title: `Checkout ${word} outage`, severity: "SEV1", services: [service], tags: ["cache"] }),
        await makePostmortem({ title: `Login slowness`, summary: `The ${word} queue backed up.`, severity: "SEV2", services: [service] }),
        await makePostmortem({ title: `Search delays`, impact: `Reports mentioned ${word} twice.`, severity: "SEV3", services: ["other"] }),
      ];
    });

    await test.step("`/` focuses the search box; results, highlights and counts follow the typing", async () => {
      await page.goto("/");
      await page.locator("body").press("/");
      const box = page.getByRole("searchbox", { name: "Search postmortems" });
      await expect(box).toBeFocused();
      await box.pressSequentially(word, { delay: 15 });
      await expect(page).toHaveURL(new RegExp(`[?&]q=${word}`));
      await expect(page.getByRole("heading", { name: /^3 postmortems match/ })).toBeVisible();
      const results = page.locator("#search-results > li");
      await expect(results).toHaveCount(3);
      // Title match ranks first, then summary, then body; the matched word is marked.
      await expect(results.nth(0).getByRole("link")).toHaveText(docs[0].title);
      await expect(results.nth(0).locator("mark").first()).toHaveText(word);
      await expect(results.nth(1).locator("mark")).toHaveText(word);
      await expect(results.nth(2)).toContainText("Impact");
      await expect(page.getByRole("checkbox", { name: "SEV1 (1)" })).toBeVisible();
      await expect(page.getByRole("checkbox", { name: `${service} (2)` })).toBeVisible();
    });

    let filteredUrl = "";
    await test.step("a filter narrows the results and lands in the URL", async () => {
      await page.getByRole("checkbox", { name: `${service} (2)` }).check();
      await expect(page).toHaveURL(new RegExp(`service=${service}`));
      await expect(page.getByRole("heading", { name: /^2 postmortems match/ })).toBeVisible();
      await page.getByRole("checkbox", { name: "SEV2 (1)" }).check();
      await expect(page.getByRole("heading", { name: /^1 postmortem match/ })).toBeVisible();
      await expect(page.locator("#search-results > li")).toHaveCount(1);
      await expect(page.getByRole("button", { name: "Remove filter: SEV2" })).toBeVisible();
      filteredUrl = page.url();
    });

    await test.step("the shared URL shows the same results in a new page", async () => {
      const shared = await context.newPage();
      await shared.goto(filteredUrl);
      await expect(shared.getByRole("searchbox", { name: "Search postmortems" })).toHaveValue(word);
      await expect(shared.getByRole("heading", { name: /^1 postmortem match/ })).toBeVisible();
      await expect(shared.locator("#search-results > li").getByRole("link")).toHaveText(docs[1].title);
      await expect(shared.getByRole("checkbox", { name: "SEV2 (1)" })).toBeChecked();
      await shared.close();
    });

    await test.step("the back button undoes the filters one by one", async () => {
      await page.goBack();
      await expect(page.getByRole("heading", { name: /^2 postmortems match/ })).toBeVisible();
      await expect(page.getByRole("checkbox", { name: "SEV2 (1)" })).not.toBeChecked();
      await page.goBack();
      await expect(page.getByRole("heading", { name: /^3 postmortems match/ })).toBeVisible();
    });

    await test.step("arrows move through the results and Enter opens one", async () => {
      const box = page.getByRole("searchbox", { name: "Search postmortems" });
      await box.focus();
      await box.press("ArrowDown");
      await expect(page.locator("#search-results > li").nth(0).getByRole("link")).toBeFocused();
      await page.keyboard.press("ArrowDown");
      await expect(page.locator("#search-results > li").nth(1).getByRole("link")).toBeFocused();
      await page.keyboard.press("ArrowUp");
      await page.keyboard.press("Enter");
      await expect(page).toHaveURL(new RegExp(`/postmortems/${docs[0].slug}$`));
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(docs[0].title);
    });

    await test.step("the postmortem page lists a related incident, with why, and it opens", async () => {
      const related = page.getByRole("navigation", { name: "Related incidents" });
      const item = related.getByRole("listitem").filter({ hasText: docs[1].title });
      await expect(item).toContainText(`same service: ${service}`);
      await item.getByRole("link", { name: docs[1].title }).click();
      await expect(page).toHaveURL(new RegExp(`/postmortems/${docs[1].slug}$`));
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(docs[1].title);
    });
  });

  test("typing on a slow page keeps every key; the Library link, back and forward move the search", async ({ page, makePostmortem }) => {
    test.slow(); // typing on a page slowed down 12×
    const word = uniqueWord();
    await makePostmortem({ title: `Queue ${word} stall` });
    await page.goto("/");
    const box = page.getByRole("searchbox", { name: "Search postmortems" });
    const heading = page.getByRole("heading", { name: /postmortems? match/ });

    await test.step("on a page slowed down 12× (as on a loaded machine) the box keeps every key and the address catches up", async () => {
      // Next echoes each history write back through its router; when the page is slow it replays older
      // addresses after newer ones. The box once followed those echoes and lost keys mid-word.
      const cdp = await page.context().newCDPSession(page);
      await cdp.send("Emulation.setCPUThrottlingRate", { rate: 12 });
      await box.pressSequentially(word, { delay: 15 });
      await box.press("x");
      await box.press("Backspace");
      await expect(box).toHaveValue(word);
      await expect(page).toHaveURL(new RegExp(`[?&]q=${word}$`));
      await cdp.send("Emulation.setCPUThrottlingRate", { rate: 1 });
      await expect(heading).toHaveText(/^1 postmortem match/);
    });

    await test.step("the Library link starts a new search; back and forward bring the typed one back and forth", async () => {
      await page.getByRole("link", { name: "Library", exact: true }).click();
      await expect(page).toHaveURL(/\/$/);
      await expect(box).toHaveValue("");
      await expect(heading).toHaveCount(0);
      await page.goBack();
      await expect(box).toHaveValue(word);
      await expect(heading).toHaveText(/^1 postmortem match/);
      await page.goForward();
      await expect(box).toHaveValue("");
      await expect(heading).toHaveCount(0);
    });
  });

  test("a half-typed word, a phrase and an exclusion; stray syntax shows results instead of an error", async ({ page, makePostmortem }) => {
    const word = uniqueWord();
    // "authentication" is stored as the stem "authent": only the completion from the word list finds it from "authentica".
    const config = await makePostmortem({ title: `${word} authentication drift`, severity: "SEV2" });
    const other = await makePostmortem({ title: `${word} certificate expiry`, severity: "SEV3" });
    const box = page.getByRole("searchbox", { name: "Search postmortems" });
    const titles = page.locator("#search-results > li").getByRole("link");

    await page.goto("/");
    await box.fill(`${word} authentica`);
    await expect(titles).toHaveText([config.title]);
    await box.fill(`"${word} certificate"`);
    await expect(titles).toHaveText([other.title]);
    await box.fill(`${word} -authentication `);
    await expect(titles).toHaveText([other.title]);
    await box.fill(`${word} AND (" `);
    await expect(titles).toHaveCount(2);
    await box.fill(`${word}nothing`);
    await expect(page.getByText(`Nothing matches “${word}nothing”.`)).toBeVisible();
  });

  test("GET /api/search answers JSON with results, snippets, facets and timing, and never fails on junk", async ({ request, makePostmortem }) => {
    const word = uniqueWord();
    const doc = await makePostmortem({ title: `Pager storm`, summary: `The ${word} job paged everyone.`, severity: "SEV1", tags: [`tag-${word}`] });
    const response = await request.get(`/api/search?q=${word}&severity=SEV1,SEV4&tag=tag-${word}`);
    expect(response.status()).toBe(200);
    const body = await response.json();
    expect(body.total).toBe(1);
    expect(body.results[0]).toMatchObject({ slug: doc.slug, title: "Pager storm", severity: "SEV1", snippet: { field: "summary" } });
    expect(body.results[0].snippet.parts).toContainEqual({ text: word, isMatch: true });
    expect(body.facets.tag).toEqual([{ value: `tag-${word}`, count: 1 }]);
    expect(body.timing.totalMs).toEqual(expect.any(Number));
    expect(response.headers()["server-timing"]).toMatch(/^search;dur=/);

    for (const junk of ["q=%22&page=-3&perPage=abc", "severity=SEV9&from=2024-13-45&to=yesterday", "q=" + "x".repeat(3000), "sort[]=1&status=%F0%9F%92%A5", "q=NEAR(&q=OR"]) {
      const answer = await request.get(`/api/search?${junk}`);
      expect(answer.status(), junk).toBe(200);
      expect((await answer.json()).results).toEqual(expect.any(Array));
    }
  });

  test("readable at 390 px: filters fold away and nothing overflows", async ({ page, makePostmortem }) => {
    const word = uniqueWord();
    await makePostmortem({ title: `A very long title about ${word} that has to wrap on a phone screen without overflowing anything`, severity: "SEV2" });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`/?q=${word}`);
    await expect(page.getByRole("heading", { name: /^1 postmortem match/ })).toBeVisible();
    const severity = page.getByRole("checkbox", { name: "SEV2 (1)" });
    await expect(severity).toBeHidden();
    await page.getByRole("button", { name: "Filters" }).click();
    await severity.check();
    await expect(page).toHaveURL(/severity=SEV2/);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});

test("the library with results and filters, and a postmortem with related incidents, have no axe violations", async ({ page, makePostmortem }) => {
  // Four axe runs: slow on a busy 2-core machine, as the editor's axe checks are.
  test.setTimeout(90_000);
  const word = uniqueWord();
  const first = await makePostmortem({ title: `Queue ${word} stall`, services: [`svc-${word}`], severity: "SEV1" });
  await makePostmortem({ title: `Another ${word} stall`, services: [`svc-${word}`], severity: "SEV2" });
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(`/?q=${word}&severity=SEV1`);
    await expect(page.locator("#search-results > li")).toHaveCount(1);
    if (width === 390) await page.getByRole("button", { name: /^Filters/ }).click();
    const library = await new AxeBuilder({ page }).analyze();
    expect(library.violations.map((v) => `library@${width}: ${v.id} — ${v.help} at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
    await page.goto(`/postmortems/${first.slug}`);
    await expect(page.getByRole("navigation", { name: "Related incidents" })).toBeVisible();
    const article = await new AxeBuilder({ page }).analyze();
    expect(article.violations.map((v) => `postmortem@${width}: ${v.id} — ${v.help} at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  }
});
