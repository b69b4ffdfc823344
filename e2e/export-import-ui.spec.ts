import { readFileSync } from "node:fs";
import { expect, test } from "./fixtures";

const WIKI_POSTMORTEM = `# Search results empty after an index rebuild

Date: 2024-02-10
Authors: Priya Raman

## Summary
A nightly index rebuild published an empty index; searches returned nothing for 38 minutes.

## Timeline (all times UTC)
- 02:00 Nightly rebuild job starts
- 02:14 Empty index is published
- 02:20 Alert: search result count dropped to zero
- 13:55 PM Someone checks the job logs
- 02:52 Previous index restored; search results are back

## Contributing factors
- No check that a rebuilt index contains documents before publishing it.
- Staging has a tiny corpus, so an empty index looked normal there.

## Action items
- [x] Refuse to publish an index with fewer than 90 % of the previous document count (owner: Priya)
- [ ] Alert on zero-result rate above 5 %

## The Setup
We rebuild the index every night from the product database.
`;

test("an imported wiki page shows its structure and warnings, and becomes a postmortem in the editor", async ({ page, request }) => {
  await page.goto("/");
  await page.getByRole("link", { name: "Import", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Import a postmortem" })).toBeVisible();

  await page.getByText("Upload a file (.md, .txt, .html, .docx)").setInputFiles({
    name: "2024-02-10-search-empty.md",
    mimeType: "text/markdown",
    buffer: Buffer.from(WIKI_POSTMORTEM),
  });
  await expect(page.getByText("From 2024-02-10-search-empty.md")).toBeVisible();
  const result = page.getByRole("region", { name: "What Hindsight read" });
  await expect(result.getByText("Search results empty after an index rebuild")).toBeVisible();
  await expect(result.getByRole("list", { name: "Import warnings" })).toContainText("13:55 PM");
  await expect(result.getByRole("heading", { name: /^Timeline\s*\(5\)$/ })).toBeVisible();
  await expect(result.getByText("Nightly rebuild job starts")).toBeVisible();

  await page.getByRole("button", { name: "Create postmortem" }).click();
  await expect(page.getByRole("heading", { name: "Review", level: 1 })).toBeVisible();
  const slug = new URL(page.url()).pathname.split("/")[2];
  const doc = await (await request.get(`/api/postmortems/${slug}`)).json();
  expect(doc.title).toBe("Search results empty after an index rebuild");
  expect(doc.timezone).toBe("UTC");
  expect(doc.timeline[0]).toMatchObject({ at: "2024-02-10T02:00:00Z" });
  expect(doc.correctiveActions.map((action: { status: string }) => action.status)).toEqual(["done", "open"]);
  expect(JSON.stringify(doc)).toContain("We rebuild the index every night");
});

test("an empty or binary file after a good one says so, and keeps the good one's text and reading", async ({ page }) => {
  await page.goto("/import");
  const upload = page.getByText("Upload a file (.md, .txt, .html, .docx)");
  const result = page.getByRole("region", { name: "What Hindsight read" });
  await upload.setInputFiles({ name: "good.md", mimeType: "text/markdown", buffer: Buffer.from(WIKI_POSTMORTEM) });
  await expect(result.getByText("Search results empty after an index rebuild")).toBeVisible();

  await upload.setInputFiles({ name: "empty.md", mimeType: "text/markdown", buffer: Buffer.from("  \n") });
  await expect(page.getByRole("alert").filter({ hasText: "empty.md" })).toHaveText("empty.md is empty: there is nothing to import.");
  await upload.setInputFiles({ name: "photo.md", mimeType: "text/markdown", buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48]) });
  await expect(page.getByRole("alert").filter({ hasText: "photo.md" })).toContainText("photo.md is a PNG image: it cannot be imported");
  // What the user had stays, under its own name: never another file's reading.
  await expect(page.getByText("From good.md")).toBeVisible();
  await expect(result.getByText("Search results empty after an index rebuild")).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Source" })).toHaveValue(WIKI_POSTMORTEM);
});

test("a postmortem exports as a blog post: options, preview, copy and download", async ({ page, makePostmortem, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const doc = await makePostmortem({ status: "published" });
  await page.goto(`/postmortems/${doc.slug}`);
  await page.getByRole("link", { name: "Export" }).click();
  await expect(page.getByRole("heading", { name: "Export as a blog post" })).toBeVisible();

  await test.step("the rendered preview reads like the post", async () => {
    const preview = page.getByRole("region", { name: "Preview" });
    await expect(preview.getByRole("heading", { name: "Timeline" })).toBeVisible();
    await expect(preview).toContainText("Total time to resolution");
  });

  await test.step("the Markdown source follows the options", async () => {
    await page.getByRole("button", { name: "Markdown" }).click();
    const source = page.getByLabel("Markdown source");
    await expect(source).toContainText("layout: post");
    await page.getByRole("radio", { name: "Hugo" }).check();
    await expect(source).toContainText("draft: false");
    await expect(source).toContainText("Jonas Weber");
    await page.getByRole("checkbox", { name: "Public variant" }).check();
    await expect(source).not.toContainText("Jonas Weber");
    await expect(source).not.toContainText("Internal notes");
    await page.getByLabel("Replace internal names").fill("checkout-api = the checkout service");
    await expect(source).not.toContainText("checkout-api");
  });

  await test.step("copy and download give the same Markdown", async () => {
    await page.getByRole("button", { name: "Copy" }).click();
    await expect(page.getByRole("button", { name: "Copied" })).toBeVisible();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    const downloadPromise = page.waitForEvent("download");
    await page.getByRole("link", { name: "Download .md" }).click();
    const download = await downloadPromise;
    expect(download.suggestedFilename()).toBe(`2024-03-13-${doc.slug}.md`);
    const downloaded = readFileSync(await download.path(), "utf8");
    expect(downloaded).toBe(copied);
    expect(downloaded).toContain(doc.title);
    expect(downloaded).not.toContain("Jonas Weber");
  });
});
