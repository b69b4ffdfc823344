/**
 * Issue 16, item 5: a Word .docx and a saved HTML page through the single-file
 * import page (its file chooser); the preview shows the title and timeline,
 * the postmortem created has them; a file we do not read says what is
 * accepted and leaves what the user had.
 */
import { buildDocx, SAVED_BLOG_PAGE, WORD_DOCX } from "@/lib/domain/markdown/import/formats/test-documents";
import { expect, test, uniqueTitle } from "./fixtures";

const UPLOAD = "Upload a file (.md, .txt, .html, .docx)";

test("a .docx and an HTML page import through the file chooser, preview first, then as postmortems", async ({ page, request }) => {
  const cases = [
    {
      name: "login-failures.docx",
      mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      buffer: Buffer.from(buildDocx(WORD_DOCX)),
      title: "Login failures during the identity provider migration",
      event: "The migration switches ten percent of traffic.",
    },
    {
      name: "our-dns-resolvers-failed.html",
      mimeType: "text/html",
      buffer: Buffer.from(SAVED_BLOG_PAGE.replace("Our DNS resolvers failed</h1>", `${uniqueTitle("Our DNS resolvers failed")}</h1>`)),
      title: /^Our DNS resolvers failed/,
      event: null,
    },
  ];
  for (const file of cases) {
    await test.step(file.name, async () => {
      await page.goto("/import");
      const chooser = page.waitForEvent("filechooser");
      await page.getByText(UPLOAD).click();
      await (await chooser).setFiles({ name: file.name, mimeType: file.mimeType, buffer: file.buffer });
      await expect(page.getByText(`From ${file.name}`)).toBeVisible();
      const result = page.getByRole("region", { name: "What Hindsight read" });
      await expect(result.getByText(file.title).first()).toBeVisible();
      if (file.event) await expect(result.getByText(file.event)).toBeVisible();

      await page.getByRole("button", { name: "Create postmortem" }).click();
      await expect(page.getByRole("heading", { name: "Review", level: 1 })).toBeVisible();
      const slug = new URL(page.url()).pathname.split("/")[2];
      const doc = await (await request.get(`/api/postmortems/${slug}`)).json();
      expect(doc.title).toMatch(file.title);
      if (file.event) expect(doc.timeline.map((event: { text: string }) => event.text)).toContain(file.event);
      expect(JSON.stringify(doc)).not.toContain("Share on Twitter");
      await page.goto(`/postmortems/${slug}`);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(file.title);
      if (file.event) await expect(page.getByRole("listitem").getByText(file.event, { exact: true })).toBeVisible();
    });
  }
});

test("an unsupported file says what is accepted and keeps what the user had", async ({ page }) => {
  await page.goto("/import");
  const source = page.getByRole("textbox", { name: "Source" });
  const text = "# A pasted postmortem\n\n## Summary\n\nThe cache expired.\n";
  await source.fill(text);
  const result = page.getByRole("region", { name: "What Hindsight read" });
  await expect(result.getByText("A pasted postmortem")).toBeVisible();

  const chooser = page.waitForEvent("filechooser");
  await page.getByText(UPLOAD).click();
  await (await chooser).setFiles({ name: "report.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n") });
  await expect(page.getByRole("alert").filter({ hasText: "report.pdf" })).toHaveText(
    "report.pdf is a PDF: it cannot be imported. Hindsight reads Markdown (.md), plain text (.txt), HTML (.html, a Confluence or saved web page) and Word (.docx) files.",
  );
  await expect(source).toHaveValue(text);
  await expect(result.getByText("A pasted postmortem")).toBeVisible();
  await expect(page.getByRole("button", { name: "Create postmortem" })).toBeVisible();
});
