import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { strToU8, zipSync } from "fflate";
import { ROOT } from "./auth";
import { expect, test, uniqueTitle } from "./fixtures";

/**
 * Import → many files (issue 16, item 6): a folder of mixed files previewed
 * in a table (nothing saved), imported with progress, then the same files
 * again (every row unchanged, nothing duplicated), then a zip with one of
 * them changed (an update, a new revision of the same postmortem).
 */

// HTML is read once the HTML converter is in (issue 16, item 5).
const READS_HTML = existsSync(path.join(ROOT, "lib", "domain", "markdown", "import", "formats", "html.ts"));

function archive(id: string) {
  const cacheTitle = uniqueTitle("Cache stampede");
  const dnsTitle = uniqueTitle("Resolvers failed");
  const pageTitle = uniqueTitle("Status page down");
  const cache = `# ${cacheTitle}

Date: 2024-03-02

## Summary
The cache cluster restarted cold and the database took every read.

## Timeline (all times UTC)
- 10:00 Cache cluster restarted for an upgrade
- 10:04 Alert: database CPU at 100%
- 10:30 Cache warmed, load back to normal

## Contributing factors
- The restart skipped the warm-up step.

## Action items
- Warm the cache before moving traffic (owner: Sam)
`;
  const dns = `${dnsTitle}\n\nOn February 12th, 2023 our resolvers failed after a config push.\n\nWhat went wrong?\n\nThe push skipped the canary.\n`;
  const html = `<!doctype html><html><head><title>${pageTitle}</title></head><body><h1>${pageTitle}</h1><p>Date: 2024-05-06</p><h2>Summary</h2><p>The status page went down with the site.</p><h2>Timeline</h2><ul><li>09:00 Site down</li><li>09:20 Status page moved to another host</li></ul></body></html>`;
  const files = [
    { name: `cache-${id}.md`, mimeType: "text/markdown", buffer: Buffer.from(cache) },
    { name: `dns-${id}.txt`, mimeType: "text/plain", buffer: Buffer.from(dns) },
    ...(READS_HTML ? [{ name: `status-${id}.html`, mimeType: "text/html", buffer: Buffer.from(html) }] : []),
    { name: `diagram-${id}.png`, mimeType: "image/png", buffer: Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]) },
  ];
  return { files, cache, cacheTitle, dnsTitle, pageTitle, count: READS_HTML ? 3 : 2 };
}

test("a folder of mixed files: previewed, imported with progress, then imported again without duplicates", async ({ page, request }, testInfo) => {
  test.setTimeout(90_000);
  const id = Math.random().toString(36).slice(2, 8);
  const { files, cache, cacheTitle, dnsTitle, pageTitle, count } = archive(id);
  const row = (name: string) => page.getByRole("row", { name: new RegExp(name.replace(/\./g, "\\.")) });
  const searchTotal = async (title: string) => ((await (await request.get(`/api/search?q=${encodeURIComponent(`"${title}"`)}`)).json()) as { total: number }).total;

  await test.step("the preview table: what each file reads as, nothing saved", async () => {
    await page.goto("/import");
    await page.getByRole("link", { name: /Import many files at once/ }).click();
    await expect(page.getByRole("heading", { name: "Import many files", level: 1 })).toBeVisible();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: testInfo.outputPath("import-many-choose-390.png") });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByText("Choose files or a .zip").setInputFiles(files);
    await expect(page.getByText(`Read ${count} files: nothing is saved yet.`)).toBeVisible();
    await expect(row(`cache-${id}.md`)).toContainText(cacheTitle);
    await expect(row(`cache-${id}.md`)).toContainText("New");
    await expect(row(`dns-${id}.txt`)).toContainText(dnsTitle);
    if (READS_HTML) await expect(row(`status-${id}.html`)).toContainText(pageTitle);
    await expect(page.getByText("1 file left out")).toBeVisible();
    expect(await searchTotal(cacheTitle)).toBe(0);

    await row(`cache-${id}.md`).getByRole("button", { name: "Preview" }).click();
    await expect(page.getByText("Alert: database CPU at 100%")).toBeVisible();
    await expect(page.getByText("Warm the cache before moving traffic")).toBeVisible();
  });

  await test.step("screenshots at 1280 and 390 px", async () => {
    mkdirSync(testInfo.outputDir, { recursive: true });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.screenshot({ path: testInfo.outputPath("import-many-1280.png"), fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: testInfo.outputPath("import-many-390.png"), fullPage: true });
    // Nothing wider than the screen but the table, which scrolls in its own box.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  await test.step("the chosen rows imported, with progress and a link for each", async () => {
    await page.getByRole("button", { name: `Import ${count} chosen files` }).click();
    await expect(page.getByText(`Imported ${count} of ${count}: ${count} new, 0 updated, 0 unchanged.`)).toBeVisible();
    await expect(row(`cache-${id}.md`)).toContainText("Created");
    await expect(row(`cache-${id}.md`).getByRole("link", { name: /^open / })).toHaveAttribute("href", /^\/postmortems\/cache-stampede-/);
    expect(await searchTotal(cacheTitle)).toBe(1);
    expect(await searchTotal(dnsTitle)).toBe(1);
    await page.screenshot({ path: testInfo.outputPath("import-many-done-1280.png"), fullPage: true });
  });

  await test.step("the same files again: every row unchanged, nothing to import, nothing duplicated", async () => {
    await page.getByRole("button", { name: "Import more files" }).click();
    await page.getByText("Choose files or a .zip").setInputFiles(files);
    await expect(page.getByText(`Read ${count} files: nothing is saved yet.`)).toBeVisible();
    for (const name of [`cache-${id}.md`, `dns-${id}.txt`]) await expect(row(name)).toContainText("Unchanged");
    await expect(page.getByRole("button", { name: "Import 0 chosen files" })).toBeDisabled();
    expect(await searchTotal(cacheTitle)).toBe(1);
    expect(await searchTotal(dnsTitle)).toBe(1);
  });

  await test.step("a zip with one file changed: an update of the same postmortem, as a new revision", async () => {
    await page.getByRole("button", { name: "Start over" }).click();
    const changed = cache.replace("- Warm the cache", "- Rate-limit cache refills (owner: Ana)\n- Warm the cache");
    const zip = zipSync({ [`cache-${id}.md`]: strToU8(changed), "__MACOSX/._x.md": strToU8("junk") });
    await page.getByText("Choose files or a .zip").setInputFiles({ name: `archive-${id}.zip`, mimeType: "application/zip", buffer: Buffer.from(zip) });
    await expect(row(`cache-${id}.md`)).toContainText("Update");
    await page.getByRole("button", { name: "Import 1 chosen file" }).click();
    await expect(page.getByText("Imported 1 of 1: 0 new, 1 updated, 0 unchanged.")).toBeVisible();
    const slug = (await row(`cache-${id}.md`).getByRole("link", { name: /^open / }).getAttribute("href"))!.split("/").pop()!;
    const doc = (await (await request.get(`/api/postmortems/${slug}`)).json()) as { version: number; correctiveActions: { title: string }[] };
    expect(doc.version).toBe(2);
    expect(doc.correctiveActions.map((action) => action.title)).toEqual(["Rate-limit cache refills", "Warm the cache before moving traffic"]);
    expect(await searchTotal(cacheTitle)).toBe(1);
  });
});

test("files dropped on the page are read like chosen ones", async ({ page }) => {
  const id = Math.random().toString(36).slice(2, 8);
  const title = uniqueTitle("Dropped");
  await page.goto("/import/many");
  const dataTransfer = await page.evaluateHandle(
    ({ id, title }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([`# ${title}\n\n## Summary\n\nA queue filled up.\n`], `dropped-${id}.md`, { type: "text/markdown" }));
      transfer.items.add(new File(["not a postmortem"], `notes-${id}.pdf`, { type: "application/pdf" }));
      return transfer;
    },
    { id, title },
  );
  await page.getByText("Drop files, a folder or a .zip here").locator("..").dispatchEvent("drop", { dataTransfer });
  await expect(page.getByText("Read 1 file: nothing is saved yet.")).toBeVisible();
  await expect(page.getByRole("row", { name: new RegExp(`dropped-${id}\\.md`) })).toContainText(title);
  await page.getByText("1 file left out").click();
  await expect(page.getByText(`notes-${id}.pdf: not a format Hindsight reads (.pdf)`)).toBeVisible();
});

test("a chosen folder's files are named by their path inside it, as `hindsight import DIR` names them", async ({ page }, testInfo) => {
  const id = Math.random().toString(36).slice(2, 8);
  const title = uniqueTitle("Folder");
  const folder = testInfo.outputPath(`blog-${id}`);
  mkdirSync(path.join(folder, "2024"), { recursive: true });
  mkdirSync(path.join(folder, ".obsidian"), { recursive: true });
  writeFileSync(path.join(folder, "2024", `queue-${id}.md`), `# ${title}\n\n## Summary\n\nA queue filled up.\n`);
  writeFileSync(path.join(folder, ".obsidian", "workspace.md"), "# Not a postmortem\n");
  await page.goto("/import/many");
  await page.locator("input[webkitdirectory]").setInputFiles(folder);
  await expect(page.getByText("Read 1 file: nothing is saved yet.")).toBeVisible();
  await expect(page.getByRole("row", { name: new RegExp(`2024/queue-${id}\\.md`) })).toContainText(title);
  await page.getByText("1 file left out").click();
  await expect(page.getByText(".obsidian/workspace.md: hidden")).toBeVisible();
});
