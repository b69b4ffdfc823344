import AxeBuilder from "@axe-core/playwright";
import { createPostmortem, expect, getPostmortem, test, type Doc } from "./fixtures";

/**
 * Limits (issue 7 item 9): oversized bodies and imports are refused clearly
 * and lose nothing; a postmortem with 5,000 timeline events saves, reads,
 * and opens in the page and the editor without thousands of rows at once.
 */
const TWO_MB = 2 * 1024 * 1024;
const FIVE_MB = 5 * 1024 * 1024;
const KINDS = ["action", "note", "communication", "action", "alert"] as const;

/** 5,000 events, one every 30 seconds from 22:00 Berlin time (so the list crosses midnight), with the milestones in place. */
function hugeTimeline(count = 5000) {
  const start = Date.parse("2024-03-13T21:00:00Z");
  return Array.from({ length: count }, (_, i) => {
    const kind = i === 0 ? "trigger" : i === 10 ? "impact_start" : i === 40 ? "detected" : i === 3000 ? "mitigated" : i === count - 1 ? "resolved" : KINDS[i % KINDS.length];
    return { at: new Date(start + i * 30_000).toISOString(), kind, text: `Step ${i + 1}: checked shard ${i % 97} and noted the queue depth.`, link: null };
  });
}

test.describe("5,000 timeline events", () => {
  test.describe.configure({ mode: "serial" });
  let doc: Doc;

  test("the API saves them and reads them back, and the body stays far below 2 MB", async ({ request }) => {
    const timeline = hugeTimeline();
    expect(JSON.stringify(timeline).length).toBeLessThan(TWO_MB);
    // Shared by the page and editor tests below; archived in afterAll.
    doc = await createPostmortem(request, { timeline, status: "draft" });
    const stored = await getPostmortem(request, doc.slug);
    expect((stored.timeline as unknown[]).length).toBe(5000);
    expect((stored.timeline as { text: string }[])[4999].text).toBe("Step 5000: checked shard 52 and noted the queue depth.");
  });

  test("the postmortem page lists 200 at a time, draws at most 250 markers, and stays small", async ({ page }) => {
    test.setTimeout(90_000);
    await page.goto(`/postmortems/${doc.slug}`);
    const timeline = page.getByRole("region", { name: "Timeline" });
    const rows = timeline.locator("ol > li");
    await expect(rows).toHaveCount(200);
    await expect(timeline.getByText("Showing events 1–200 of 5,000.")).toBeVisible();
    const figure = timeline.getByRole("img", { name: /^Visual timeline\. 5000 timed events/ });
    await expect(figure).toHaveAttribute("aria-label", /drawn together as \d+ markers/);
    const markers = await figure.locator("g > title").count();
    expect(markers).toBeGreaterThan(20);
    expect(markers).toBeLessThanOrEqual(250);
    const nodes = await page.evaluate(() => document.querySelectorAll("*").length);
    expect(nodes, "DOM elements on the page").toBeLessThan(5000);
    const results = await new AxeBuilder({ page }).include("section[aria-labelledby='timeline-title']").analyze();
    expect(results.violations.map((v) => `${v.id} — ${v.help} at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);

    await timeline.getByRole("link", { name: "Show 200 more" }).click();
    await expect(rows).toHaveCount(400);
    expect(new URL(page.url()).searchParams.get("events")).toBe("400");
    await expect(page.locator("#event-201")).toBeInViewport();
    await expect(timeline.getByText("Showing events 1–400 of 5,000.")).toBeVisible();
  });

  test("odd ?events= values fall back to the first page, never an error", async ({ page }) => {
    test.setTimeout(90_000);
    for (const odd of ["-1", "abc", "99999999999999999999", "%"]) {
      const response = await page.goto(`/postmortems/${doc.slug}?events=${odd}`);
      expect(response?.status(), `?events=${odd}`).toBe(200);
      await expect(page.getByRole("region", { name: "Timeline" }).locator("ol > li")).toHaveCount(200);
    }
  });

  test("the editor's timeline step opens with 100 rows, shows more, and saves an edit", async ({ page, request }) => {
    test.setTimeout(90_000);
    await page.goto(`/postmortems/${doc.slug}/edit?step=timeline`);
    const list = page.getByRole("list", { name: "Timeline events" });
    await expect(list.locator(":scope > li")).toHaveCount(100);
    await expect(page.getByText("Showing events 1–100 of 5,000.")).toBeVisible();
    await page.getByRole("button", { name: "Show 100 more" }).click();
    await expect(list.locator(":scope > li")).toHaveCount(200);

    await page.getByLabel("What happened (event 2)").fill("Edited in a 5,000-event timeline.");
    await expect(page.locator("[data-save-state]")).toHaveAttribute("data-save-state", "saved", { timeout: 30_000 });
    const stored = await getPostmortem(request, doc.slug);
    expect((stored.timeline as { text: string }[])[1].text).toBe("Edited in a 5,000-event timeline.");
    expect((stored.timeline as unknown[]).length).toBe(5000);
  });

  test.afterAll(async ({ request }) => {
    if (doc) await request.delete(`/api/postmortems/${doc.slug}`);
  });
});

test("a save over 2 MB is refused with 413 and the postmortem keeps its content", async ({ makePostmortem, request }) => {
  const doc = await makePostmortem();
  const response = await request.put(`/api/postmortems/${doc.slug}`, { data: { ...doc, summary: "x".repeat(TWO_MB) } });
  expect(response.status()).toBe(413);
  expect((await response.json()).error).toMatchObject({ code: "TOO_LARGE", message: "The request body is larger than 2 MB." });
  const stored = await getPostmortem(request, doc.slug);
  expect(stored.version).toBe(doc.version);
  expect(stored.summary).toBe(doc.summary);
});

test("uploading a file over 5 MB on the import page says so and keeps what was pasted", async ({ page }) => {
  await page.goto("/import");
  const source = page.getByLabel("Source");
  const pasted = "# Pasted before the upload\n\n## Summary\n\nThis text must survive.\n";
  await source.fill(pasted);
  await expect(page.getByRole("region", { name: "What Hindsight read" }).getByText("Pasted before the upload")).toBeVisible();

  await page.getByText("Upload a file (.md, .txt, .html, .docx)").setInputFiles({ name: "huge-export.md", mimeType: "text/markdown", buffer: Buffer.alloc(FIVE_MB + 1, "a") });
  await expect(page.getByText("huge-export.md is larger than 5 MB. Split it, or import the text that matters.")).toBeVisible();
  await expect(source).toHaveValue(pasted);
});
