import http from "node:http";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { ADMIN, sessionCookieHeader } from "./auth";
import { type Doc, expect, expectApiError, getPostmortem, test, uniqueTitle } from "./fixtures";

type Imported = { document: Doc; warnings: string[] };

const MARKDOWN = { "content-type": "text/markdown; charset=utf-8" };
const FIVE_MB = 5 * 1024 * 1024;
const examplesDir = path.resolve(__dirname, "../../shared/examples");

function wikiPage(title: string): string {
  return `# ${title}

Date: 2024-02-10
Authors: Priya Raman

## Timeline (all times UTC)
- 02:00 Nightly rebuild job starts
- 02:14 Empty index is published
- 02:20 Alert: search result count dropped to zero
- 13:55 PM Someone checks the job logs
- 02:52 Previous index restored; search results are back

## Action items
- [x] Refuse to publish an index with fewer than 90 % of the previous document count (owner: Priya)
- [ ] Alert on zero-result rate above 5 %

## The Setup
We rebuild the index every night from the product database.
`;
}

test.describe("POST /api/import", () => {
  test("reads Markdown into the document and its warnings, and saves nothing", async ({ request }) => {
    const title = uniqueTitle("Import parse");
    const response = await request.post("/api/import?fileName=2024-02-10-search.md", { data: wikiPage(title), headers: MARKDOWN });
    expect(response.status(), await response.text()).toBe(200);
    const { document, warnings } = (await response.json()) as Imported;
    expect(document).toMatchObject({ title, timezone: "UTC", incidentDate: "2024-02-10", authors: ["Priya Raman"], status: "draft" });
    expect((document.timeline as unknown[]).length).toBe(5);
    expect(document.timeline).toContainEqual({ at: "2024-02-10T02:00:00Z", kind: "note", text: "Nightly rebuild job starts", link: null });
    expect((document.correctiveActions as { status: string }[]).map((action) => action.status)).toEqual(["done", "open"]);
    expect(document.sections).toEqual([{ title: "The Setup", body: "We rebuild the index every night from the product database.", internal: false }]);
    expect(warnings).toEqual([
      'Line 10: "13:55 PM" is not a valid time: with AM/PM the hour is 1–12; kept as an untimed event',
      'Line 17: heading "The Setup" matched no field; kept as an extra section',
    ]);
    const slug = title.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
    expect((await request.get(`/api/postmortems/${slug}`)).status()).toBe(404);
  });

  test("?create=1 saves it: 201, its Location, and the stored document, signed by the importer", async ({ request, baseURL }) => {
    const title = uniqueTitle("Import create");
    // X-Hindsight-Author is gone (issue 14): the signed-in person signs the import, whatever a header says.
    const response = await request.post("/api/import?create=1", { data: wikiPage(title), headers: { ...MARKDOWN, "x-hindsight-author": "Importer" } });
    expect(response.status(), await response.text()).toBe(201);
    const { document, warnings } = (await response.json()) as Imported;
    try {
      expect(response.headers()["location"]).toBe(new URL(`/api/postmortems/${document.slug}`, baseURL).href);
      expect(document).toMatchObject({ title, version: 1, timezone: "UTC", status: "draft" });
      expect(warnings).toHaveLength(2);
      expect(await getPostmortem(request, document.slug)).toEqual(document);
      const { revisions } = (await (await request.get(`/api/postmortems/${document.slug}/revisions`)).json()) as { revisions: { authorName: string }[] };
      expect(revisions.map((revision) => revision.authorName)).toEqual([ADMIN.name]);
    } finally {
      await request.delete(`/api/postmortems/${document.slug}`);
    }
  });

  test("an imported file starts as a draft, whatever status its front matter says", async ({ request }) => {
    for (const status of ["published", "archived", "in_review"]) {
      const title = uniqueTitle(`Import ${status}`);
      const text = `---\ntitle: ${title}\nstatus: ${status}\n---\n\nSummary.\n`;
      const response = await request.post("/api/import?create=1", { data: text, headers: MARKDOWN });
      expect(response.status(), await response.text()).toBe(201);
      const { document } = (await response.json()) as Imported;
      try {
        expect(document).toMatchObject({ title, status: "draft", version: 1 });
        expect((await getPostmortem(request, document.slug)).status).toBe("draft");
        const { revisions } = (await (await request.get(`/api/postmortems/${document.slug}/revisions`)).json()) as { revisions: { summary: string }[] };
        expect(revisions.map((revision) => revision.summary)).toEqual(["Created"]);
      } finally {
        await request.delete(`/api/postmortems/${document.slug}`);
      }
    }
  });

  test("a slug in the file that is taken is derived anew, with a warning", async ({ request }) => {
    const title = uniqueTitle("Import twice");
    const slug = title.toLowerCase().replace(/[^a-z0-9]+/g, "-");
    const text = `---\ntitle: ${title}\nslug: ${slug}\n---\n\nSummary.\n`;
    const first = (await (await request.post("/api/import?create=1", { data: text, headers: MARKDOWN })).json()) as Imported;
    const second = (await (await request.post("/api/import?create=1", { data: text, headers: MARKDOWN })).json()) as Imported;
    try {
      expect(first.document.slug).toBe(slug);
      expect(second.document.slug).toBe(`${slug}-2`);
      expect(second.warnings).toContain(`The slug "${slug}" is taken: saved as "${slug}-2"`);
    } finally {
      for (const doc of [first.document, second.document]) await request.delete(`/api/postmortems/${doc.slug}`);
    }
  });

  test("plain text is read too, and odd query values fall back to parsing only", async ({ request }) => {
    const text = "The Day I Broke the Internet\n\nIt was a normal release.\n\nLessons Learned\n\nTest at scale.\n";
    const response = await request.post("/api/import?create=maybe&fileName=%00", { data: text, headers: { "content-type": "text/plain" } });
    expect(response.status(), await response.text()).toBe(200);
    const { document } = (await response.json()) as Imported;
    expect(document).toMatchObject({ title: "The Day I Broke the Internet", summary: "It was a normal release.", lessons: { wentWrong: "Test at scale." } });
  });

  test("refuses a body that is not Markdown or text with 415", async ({ request }) => {
    const response = await request.post("/api/import", { data: { title: "JSON" } });
    const body = await expectApiError(response, 415, "UNSUPPORTED_MEDIA_TYPE");
    expect(body.error.message).toMatch(/text\/markdown/);
  });

  test("refuses more than 5 MB with 413, declared or streamed", async ({ request, baseURL }) => {
    const declared = await request.post("/api/import", { data: "x".repeat(FIVE_MB + 1), headers: MARKDOWN });
    const body = await expectApiError(declared, 413, "TOO_LARGE");
    expect(body.error.message).toBe("The request body is larger than 5 MB.");
    const streamed = await sendChunked(`${baseURL}/api/import`, FIVE_MB + 64 * 1024);
    expect(streamed.status).toBe(413);
    expect(JSON.parse(streamed.body)).toMatchObject({ error: { code: "TOO_LARGE" } });
  });

  // Decided: an empty body is a mistake to point out (400), not an empty postmortem to create.
  test("answers an empty or blank body with 400 and says why", async ({ request }) => {
    for (const data of ["", "  \n\t\n"]) {
      const response = await request.post("/api/import?create=1", { data, headers: MARKDOWN });
      const body = await expectApiError(response, 400, "BAD_REQUEST");
      expect(body.error.message).toBe("The request body is empty: send the Markdown or plain text of a postmortem.");
    }
  });

  test("refuses a file that is not text with 415 naming what is accepted, and creates nothing", async ({ request }) => {
    const title = uniqueTitle("Binary");
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), Buffer.from(`# ${title}\n`)]);
    for (const create of ["", "&create=1"]) {
      const response = await request.post(`/api/import?fileName=photo.md${create}`, { data: png, headers: MARKDOWN });
      const body = await expectApiError(response, 415, "UNSUPPORTED_MEDIA_TYPE");
      expect(body.error.message).toMatch(/^photo\.md is a PNG image: it cannot be imported\. Hindsight reads Markdown/);
    }
    const slug = title.toLowerCase().replace(/[^a-z0-9]+/g, "-");
    expect((await request.get(`/api/postmortems/${slug}`)).status()).toBe(404);
  });

  test("reads the shared example 001 with its nine timeline events", async ({ request }) => {
    test.skip(!existsSync(examplesDir), `the examples are not at ${examplesDir}`);
    const name = readdirSync(examplesDir).find((file) => file.startsWith("001"))!;
    const response = await request.post(`/api/import?fileName=${encodeURIComponent(name)}`, {
      data: readFileSync(path.join(examplesDir, name), "utf8"),
      headers: { "content-type": "text/plain" },
    });
    expect(response.status()).toBe(200);
    const { document } = (await response.json()) as Imported;
    expect(document.title).toBe("Real-life Postmortem: Lessons from a Bad Deploy");
    expect((document.timeline as { at: string }[]).map((event) => event.at.slice(11, 16))).toEqual(["10:47", "10:50", "10:52", "10:55", "11:10", "11:25", "11:32", "11:39", "12:12"]);
    expect(document.contributingFactors).toHaveLength(5);
    expect(document.correctiveActions).toHaveLength(5);
  });
});

/** Sends `size` bytes of text with Transfer-Encoding: chunked (no Content-Length); the server may answer before it is all sent. */
function sendChunked(url: string, size: number): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    // Signed in as the admin, as the rest of the suite is.
    const req = http.request(url, { method: "POST", headers: { ...MARKDOWN, "transfer-encoding": "chunked", cookie: sessionCookieHeader("admin") } }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    let answered = false;
    req.on("response", () => (answered = true));
    req.on("error", (error) => {
      if (!answered) reject(error);
    });
    const chunk = Buffer.alloc(64 * 1024, 0x61);
    let sent = 0;
    const pump = () => {
      while (sent < size) {
        sent += chunk.length;
        if (!req.write(chunk)) {
          req.once("drain", pump);
          return;
        }
      }
      req.end();
    };
    pump();
  });
}
