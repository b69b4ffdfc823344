import type { Page } from "@playwright/test";
import { HOSTILE_IMPORT_FILE, HOSTILE_MARKDOWN, SVG_PAYLOAD, SCRIPT_PAYLOAD, hostileDocument } from "./fixtures/hostile-content";
import { expect, test, type Doc } from "./fixtures";

/**
 * Issue 7, item 7: XSS payloads in every field render as text wherever the
 * postmortem is shown. The checks look at the DOM itself (no event-handler
 * attribute, no injected element, no script-scheme link), so they fail on a
 * leak even though the CSP would stop the script from running.
 */

/** Fails the test on any dialog: a payload's alert() ran. */
function watchDialogs(page: Page): string[] {
  const dialogs: string[] = [];
  page.on("dialog", async (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    await dialog.dismiss();
  });
  return dialogs;
}

/** Event-handler attributes, script-scheme URLs, injected scripts and embeds in the page, described. */
function findInjected(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    if ((window as unknown as { __xss?: unknown }).__xss !== undefined) problems.push("window.__xss was set");
    for (const element of Array.from(document.querySelectorAll("*"))) {
      for (const attribute of Array.from(element.attributes)) {
        if (/^on/i.test(attribute.name)) problems.push(`<${element.tagName.toLowerCase()} ${attribute.name}>`);
        if (["href", "src", "action", "formaction", "xlink:href"].includes(attribute.name) && /^\s*(javascript|data|vbscript):/i.test(attribute.value)) {
          problems.push(`<${element.tagName.toLowerCase()} ${attribute.name}="${attribute.value.slice(0, 40)}">`);
        }
      }
    }
    // Next's own scripts carry the response's nonce (or are chunks loaded from /_next/); anything else was injected.
    for (const script of Array.from(document.scripts)) {
      const isOurs = script.nonce !== "" || new URL(script.src || "about:blank", location.href).pathname.startsWith("/_next/static/");
      if (!isOurs) problems.push(`an injected <script>: ${script.outerHTML.slice(0, 80)}`);
    }
    if (document.querySelector("iframe, img[src='x'], object, embed")) problems.push("an injected iframe/img/object");
    return problems;
  });
}

async function expectNothingInjected(page: Page, where: string, dialogs: string[]) {
  expect(await findInjected(page), where).toEqual([]);
  expect(dialogs, where).toEqual([]);
}

/** A link written in Markdown with a script scheme keeps its text but goes nowhere. */
async function expectNeutralisedLinks(page: Page, where: string) {
  for (const name of ["js link", "JS LINK", "data link", "ref link"]) {
    const links = page.getByRole("main").locator("a", { hasText: name });
    for (const link of await links.all()) {
      const href = (await link.getAttribute("href")) ?? "";
      expect(href, `${where}: "${name}"`).not.toMatch(/^\s*(javascript|data|vbscript):/i);
    }
  }
}

test.describe("hostile content renders as text", () => {
  let doc: Doc;
  let marker: string;

  test.beforeEach(async ({ makePostmortem, request }) => {
    marker = `hostilemark${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
    doc = await makePostmortem(hostileDocument(marker));
    // A second version, so that history has a diff full of payloads.
    const current = await (await request.get(`/api/postmortems/${doc.slug}`)).json();
    const response = await request.put(`/api/postmortems/${doc.slug}`, {
      data: { ...current, summary: `${current.summary}\n\nEdited: ${SCRIPT_PAYLOAD} ${SVG_PAYLOAD}` },
    });
    expect(response.status(), await response.text()).toBe(200);
  });

  test("the postmortem page, its history and the library search", async ({ page }) => {
    const dialogs = watchDialogs(page);
    await page.goto(`/postmortems/${doc.slug}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(doc.title);
    // Plain-text fields show the payload literally.
    await expect(page.getByRole("main").getByText(SVG_PAYLOAD).filter({ visible: true }).first()).toBeVisible();
    await expect(page.getByRole("main").getByText(`Timeline ${SCRIPT_PAYLOAD}`, { exact: false }).filter({ visible: true }).first()).toBeVisible();
    await expectNothingInjected(page, "postmortem page", dialogs);
    await expectNeutralisedLinks(page, "postmortem page");

    await page.goto(`/postmortems/${doc.slug}/history`);
    await expect(page.getByRole("heading", { level: 1, name: "History" })).toBeVisible();
    await expect(page.getByText(/Edited:/).first()).toBeVisible();
    await expectNothingInjected(page, "history", dialogs);

    await page.goto(`/?q=${marker}`);
    const results = page.getByRole("main");
    await expect(results.getByRole("link", { name: doc.title }).first()).toBeVisible();
    await expect(results.getByText(marker, { exact: false }).first()).toBeVisible();
    await expectNothingInjected(page, "library search", dialogs);
  });

  test("every editor step and every Markdown preview", async ({ page }) => {
    test.setTimeout(90_000);
    const dialogs = watchDialogs(page);
    for (const step of ["overview", "timeline", "root-cause", "factors", "actions", "lessons", "review"]) {
      await page.goto(`/postmortems/${doc.slug}/edit?step=${step}`);
      await expect(page.locator("#step-title")).toBeVisible();
      const previews = page.getByRole("button", { name: "Preview", exact: true });
      for (const button of await previews.all()) await button.click();
      await expectNothingInjected(page, `editor ${step}`, dialogs);
      await expectNeutralisedLinks(page, `editor ${step}`);
    }
  });

  test("the export preview, rendered and as Markdown", async ({ page }) => {
    const dialogs = watchDialogs(page);
    await page.goto(`/postmortems/${doc.slug}/export`);
    const preview = page.getByRole("region", { name: "Preview" });
    await expect(preview.getByText(marker, { exact: false }).first()).toBeVisible();
    await expectNothingInjected(page, "export rendered", dialogs);
    await expectNeutralisedLinks(page, "export rendered");
    await page.getByRole("button", { name: "Markdown" }).click();
    await expect(page.getByLabel("Markdown source")).toContainText(SCRIPT_PAYLOAD);
    await expectNothingInjected(page, "export Markdown", dialogs);
  });

  test("the tracker and the insights labels", async ({ page }) => {
    const dialogs = watchDialogs(page);
    await page.goto("/actions");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectNothingInjected(page, "tracker", dialogs);

    await page.goto(`/insights?service=${encodeURIComponent(SVG_PAYLOAD)}`);
    await expect(page.getByRole("heading", { level: 1, name: "Insights" })).toBeVisible();
    await expect(page.getByRole("rowheader", { name: SVG_PAYLOAD })).toBeVisible();
    await expectNothingInjected(page, "insights", dialogs);
  });
});

test("links with script schemes are refused in link fields (a clear 422, nothing stored)", async ({ request }) => {
  for (const link of ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="]) {
    const response = await request.post("/api/postmortems", {
      data: hostileDocument("refused", { timeline: [{ at: null, kind: "note", text: "x", link }] }),
    });
    expect(response.status(), link).toBe(422);
    expect(Object.keys((await response.json()).error.fields)).toContain("timeline.0.link");
  }
});

test("an imported file full of payloads renders as text on the import page and once created", async ({ page }) => {
  const dialogs = watchDialogs(page);
  await page.goto("/import");
  await page.getByText("Upload a file (.md, .txt, .html, .docx)").setInputFiles({
    name: `"><img src=x onerror=alert(1)>.md`,
    mimeType: "text/markdown",
    buffer: Buffer.from(HOSTILE_IMPORT_FILE),
  });
  const result = page.getByRole("region", { name: "What Hindsight read" });
  await expect(result.getByText(/Imported .*<script>/).first()).toBeVisible();
  await expectNothingInjected(page, "import preview", dialogs);
  await expectNeutralisedLinks(page, "import preview");

  await page.getByRole("button", { name: "Create postmortem" }).click();
  await expect(page.locator("#step-title")).toBeVisible();
  const slug = new URL(page.url()).pathname.split("/")[2];
  await page.goto(`/postmortems/${slug}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("<script>");
  await expectNothingInjected(page, "imported postmortem", dialogs);
  await expectNeutralisedLinks(page, "imported postmortem");
});

test("the leak detector itself finds injected handlers, links and scripts", async ({ page }) => {
  // Guards the checks above: a detector that finds nothing would prove nothing.
  await page.setContent(`<main><img src="x" onerror="void 0"><a href="javascript:void 0">js link</a><script>void 0</script><iframe></iframe></main>`);
  const found = await findInjected(page);
  expect(found.join("\n")).toMatch(/onerror/);
  expect(found.join("\n")).toMatch(/href="javascript:/);
  expect(found.join("\n")).toMatch(/injected <script>/);
  expect(found.join("\n")).toMatch(/iframe/);
});

test("the Markdown payloads themselves are what the fixture says", () => {
  // Guards the fixture: if a payload lost its teeth, the tests above would prove nothing.
  expect(HOSTILE_MARKDOWN).toMatch(/\]\(javascript:/);
  expect(HOSTILE_MARKDOWN).toMatch(/<script>/);
  expect(HOSTILE_MARKDOWN).toMatch(/\]\(data:text\/html/);
});
