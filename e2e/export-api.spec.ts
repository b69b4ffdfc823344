import { strFromU8, unzipSync } from "fflate";
import { parse as parseYaml } from "yaml";
import { expect, expectApiError, test, uniqueTitle } from "./fixtures";

/** The fixture's incident date: every export file of it is named after this day. */
const DAY = "2024-03-13";

const frontMatterOf = (markdown: string) => parseYaml(markdown.split("---\n")[1]) as Record<string, unknown>;
const today = () => new Date().toISOString().slice(0, 10);

test.describe("GET /api/postmortems/{slug}/export", () => {
  test("answers a Markdown attachment named after the incident day and the slug", async ({ makePostmortem, request }) => {
    const doc = await makePostmortem();
    const response = await request.get(`/api/postmortems/${doc.slug}/export`);
    expect(response.status(), await response.text()).toBe(200);
    expect(response.headers()["content-type"]).toBe("text/markdown; charset=utf-8");
    expect(response.headers()["content-disposition"]).toBe(`attachment; filename="${DAY}-${doc.slug}.md"`);

    const markdown = await response.text();
    expect(markdown.startsWith(`---\nlayout: post\ntitle: ${doc.title}\ndate: 2024-03-13 23:40:00 +0100\n`)).toBe(true);
    expect(frontMatterOf(markdown)).toMatchObject({ comments: true, slug: doc.slug, authors: ["Amara Okafor", "Jonas Weber"] });
    expect(markdown).toContain("**Total time to resolution:** 52 minutes");
    expect(markdown).toContain("- **23:40** _(Trigger)_ TTL change for the product cache is deployed.");
    expect(markdown).toContain("owner: Jonas Weber");
    expect(markdown).toContain("## Internal notes");
  });

  test("applies the options: front matter, template, timeline, public variant and replacements", async ({ makePostmortem, request }) => {
    const doc = await makePostmortem();
    const query = new URLSearchParams({ format: "hugo", template: "sre", timeline: "table", public: "1", replace: "cache = store" });
    const response = await request.get(`/api/postmortems/${doc.slug}/export?${query}`);
    expect(response.status(), await response.text()).toBe(200);
    const markdown = await response.text();

    expect(frontMatterOf(markdown)).toMatchObject({ title: doc.title, date: "2024-03-13T23:40:00+01:00", draft: true });
    expect(markdown).toContain("## Summary\n");
    expect(markdown).toContain("| Time | Kind | Event |\n|---|---|---|\n| Wed, 13 Mar 2024 23:40 | Trigger | TTL change for the product store is deployed.");
    expect(markdown).not.toMatch(/owner:|Jonas Weber|tracker\.example\.com|Internal notes|cache/);
    expect(markdown).toContain("## Customer communication");
  });

  test("the public variant keeps the authors when asked", async ({ makePostmortem, request }) => {
    const doc = await makePostmortem();
    const markdown = await (await request.get(`/api/postmortems/${doc.slug}/export?format=none&public=1&authors=1`)).text();
    expect(markdown.startsWith(`# ${doc.title}\n`)).toBe(true);
    expect(markdown).toContain("- **Authors:** Amara Okafor, Jonas Weber\n");
    expect(markdown).not.toContain("owner:");
  });

  test("bad options are a 422 naming each parameter", async ({ makePostmortem, request }) => {
    const doc = await makePostmortem();
    const response = await request.get(`/api/postmortems/${doc.slug}/export?format=word&timeline=chart&public=maybe&replace=no-equals-sign`);
    const body = await expectApiError(response, 422, "INVALID");
    expect(body.error.message).toBe("The export query has 4 invalid fields.");
    expect(body.error.fields).toEqual({
      format: ["Must be one of: jekyll, hugo, none"],
      timeline: ["Must be one of: list, table"],
      public: ["Must be 1 or 0 (or true, false)"],
      "replace.0": ["Write a replacement as TERM=REPLACEMENT, e.g. db-prod-3.internal=the database"],
    });
  });

  test("an unknown slug is a 404", async ({ request }) => {
    const body = await expectApiError(await request.get("/api/postmortems/no-such-postmortem-here/export"), 404, "NOT_FOUND");
    expect(body.error.message).toBe('No postmortem has the slug "no-such-postmortem-here".');
  });
});

test.describe("GET /api/export", () => {
  test("answers a zip of exactly the published postmortems, one Markdown file each", async ({ makePostmortem, request }) => {
    const prefix = uniqueTitle("Zip");
    const published = [await makePostmortem({ title: `${prefix} one`, status: "published" }), await makePostmortem({ title: `${prefix} two`, status: "published" })];
    const draft = await makePostmortem({ title: `${prefix} draft`, status: "draft" });
    const archived = await makePostmortem({ title: `${prefix} archived`, status: "published" });
    expect((await request.delete(`/api/postmortems/${archived.slug}`)).status()).toBe(200);

    const before = today();
    const response = await request.get("/api/export?format=jekyll&public=1");
    expect(response.status(), await response.text()).toBe(200);
    expect(response.headers()["content-type"]).toBe("application/zip");
    const disposition = response.headers()["content-disposition"];
    expect([before, today()].map((day) => `attachment; filename="hindsight-export-${day}.zip"`)).toContain(disposition);

    const files = unzipSync(new Uint8Array(await response.body()));
    const names = Object.keys(files);
    // Other tests share the server: every file must be a published postmortem; ours must be exactly the published ones.
    for (const name of names) {
      expect(name).toMatch(/^\d{4}-\d{2}-\d{2}-[a-z0-9-]+\.md$/);
      expect(frontMatterOf(strFromU8(files[name])).status, name).toBe("published");
    }
    const ours = names.filter((name) => [...published, draft, archived].some((doc) => name === `${DAY}-${doc.slug}.md`));
    expect(ours.sort()).toEqual(published.map((doc) => `${DAY}-${doc.slug}.md`).sort());

    const markdown = strFromU8(files[`${DAY}-${published[0].slug}.md`]);
    expect(markdown.startsWith(`---\nlayout: post\ntitle: ${published[0].title}\n`)).toBe(true);
    expect(markdown).not.toMatch(/owner:|tracker\.example\.com|Internal notes/);
  });

  test("is streamed, and leaves out restricted postmortems the asker may not see", async ({ makePostmortem, request, requestAs }) => {
    const secret = await makePostmortem({ title: uniqueTitle("Zip secret"), status: "published", restricted: true });
    const open = await makePostmortem({ title: uniqueTitle("Zip open"), status: "published" });
    const namesFor = async (who: typeof request) => {
      const response = await who.get("/api/export");
      expect(response.status(), await response.text()).toBe(200);
      // Written as it is read: no length known in advance.
      expect(response.headers()["content-length"]).toBeUndefined();
      return Object.keys(unzipSync(new Uint8Array(await response.body())));
    };
    const admins = await namesFor(request);
    expect(admins).toContain(`${DAY}-${secret.slug}.md`);
    const viewers = await namesFor(await requestAs("viewer"));
    expect(viewers).toContain(`${DAY}-${open.slug}.md`);
    expect(viewers).not.toContain(`${DAY}-${secret.slug}.md`);
  });

  test("bad options are a 422", async ({ request }) => {
    const body = await expectApiError(await request.get("/api/export?template=long&authors=2"), 422, "INVALID");
    expect(Object.keys(body.error.fields).sort()).toEqual(["authors", "template"]);
  });
});
