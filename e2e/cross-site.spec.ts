import http from "node:http";
import type { AddressInfo } from "node:net";
import { ANONYMOUS, BASE_URL, revokeTokenWithCli } from "./auth";
import { expect, expectApiError, getPostmortem, test, uniqueTitle, type Doc } from "./fixtures";

/**
 * Attacks from outside (issue 14, item 9): another origin's page cannot make
 * a signed-in browser change anything; API tokens work without cookies and
 * stop at once when revoked; a read-only token cannot write; guessing
 * passwords is throttled with one message for every failure.
 */

type Revision = { version: number; summary: string; authorName: string };

/** A page on another origin (another loopback port: same site, so the browser sends the Lax session cookie along). */
async function startForeignSite(html: string): Promise<{ origin: string; close: () => Promise<void> }> {
  const server = http.createServer((_request, response) => {
    response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    response.end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

async function revisionsOf(request: Parameters<typeof getPostmortem>[0], slug: string): Promise<Revision[]> {
  const response = await request.get(`/api/postmortems/${slug}/revisions`);
  expect(response.status()).toBe(200);
  return ((await response.json()) as { revisions: Revision[] }).revisions;
}

async function titleCount(request: Parameters<typeof getPostmortem>[0], title: string): Promise<number> {
  return ((await (await request.get(`/api/search?q=${encodeURIComponent(`"${title}"`)}`)).json()) as { total: number }).total;
}

test("a page on another origin cannot restore a revision or import a postmortem with the signed-in browser's cookie", async ({ page, request, makePostmortem }) => {
  const doc = await makePostmortem({ status: "draft", summary: "Version one." });
  const edited = await request.put(`/api/postmortems/${doc.slug}`, { data: { ...doc, summary: "Version two." } });
  expect(edited.status()).toBe(200);
  const before = await revisionsOf(request, doc.slug);
  expect(before).toHaveLength(2);
  const title = uniqueTitle("Planted from another site");

  const restoreUrl = `${BASE_URL}/api/postmortems/${doc.slug}/revisions/1/restore`;
  const importUrl = `${BASE_URL}/api/import?create=1`;
  // The two attacks the issue names: a form POST with no body (no preflight), and text/plain through fetch no-cors.
  const foreign = await startForeignSite(`<!doctype html>
<html><body>
<h1>Cute cat pictures</h1>
<form id="restore" method="POST" action="${restoreUrl}"></form>
<script>
  fetch(${JSON.stringify(importUrl)}, {
    method: "POST",
    mode: "no-cors",
    credentials: "include",
    headers: { "content-type": "text/plain" },
    body: ${JSON.stringify(`---\ntitle: ${title}\nstatus: published\n---\n\nPlanted.\n`)},
  }).catch(() => {}).finally(() => { document.title = "sent"; document.getElementById("restore").submit(); });
</script>
</body></html>`);
  try {
    const answers = new Map<string, number>();
    page.on("response", (response) => {
      const url = response.url();
      if (url === restoreUrl || url === importUrl) answers.set(url, response.status());
    });
    const requests: { url: string; cookie: boolean }[] = [];
    page.on("request", async (sent) => {
      if (sent.url() === restoreUrl || sent.url() === importUrl) requests.push({ url: sent.url(), cookie: /hindsight\.session_token=/.test((await sent.allHeaders()).cookie ?? "") });
    });

    await page.goto(foreign.origin);
    await expect.poll(() => answers.size, { timeout: 20_000 }).toBe(2);
    await expect(page.locator("body")).toContainText("another site");
    // Both carry the session cookie (same site, so SameSite=Lax lets it through; a request without it
    // would be a 401): only the origin check stands between the page and a change, and it refuses.
    expect(requests.find((sent) => sent.url === restoreUrl)?.cookie, "the browser sent the session cookie with the form").toBe(true);
    expect(answers.get(restoreUrl), "the form POST is refused").toBe(403);
    expect(answers.get(importUrl), "the no-cors import is refused").toBe(403);

    expect(await revisionsOf(request, doc.slug), "no revision was restored").toEqual(before);
    expect((await getPostmortem(request, doc.slug)).summary).toBe("Version two.");
    expect(await titleCount(request, title), "no postmortem was imported").toBe(0);
  } finally {
    await foreign.close();
  }

  await test.step("the same requests from Hindsight's own pages work", async () => {
    await page.goto(`/postmortems/${doc.slug}`);
    const statuses = await page.evaluate(
      async ({ restoreUrl, importUrl, title }) => {
        const restore = await fetch(restoreUrl, { method: "POST" });
        const created = await fetch(importUrl, { method: "POST", headers: { "content-type": "text/plain" }, body: `# ${title}\n\nFrom our own page.\n` });
        return [restore.status, created.status];
      },
      { restoreUrl: `/api/postmortems/${doc.slug}/revisions/1/restore`, importUrl: "/api/import?create=1", title: `${title} (own)` },
    );
    expect(statuses).toEqual([200, 201]);
    expect((await revisionsOf(request, doc.slug))[0].summary).toBe("Restored version 1");
  });
});

test("a cookie-carrying write whose Origin or Sec-Fetch-Site names another site is refused, whatever its content type", async ({ request, makePostmortem }) => {
  const doc = await makePostmortem({ status: "draft" });
  const url = `/api/postmortems/${doc.slug}/revisions/1/restore`;
  const foreignHeaders: Record<string, string>[] = [
    { origin: "http://evil.example" },
    { origin: "null" },
    { "sec-fetch-site": "cross-site" },
    { "sec-fetch-site": "same-site" },
    { "sec-fetch-site": "cross-site", origin: BASE_URL },
  ];
  for (const headers of foreignHeaders) {
    const body = await expectApiError(await request.post(url, { headers }), 403, "FORBIDDEN");
    expect(body.error.message).toContain("another site");
    await expectApiError(await request.post("/api/import?create=1", { headers: { ...headers, "content-type": "text/plain" }, data: "# Planted\n" }), 403, "FORBIDDEN");
  }
  expect((await getPostmortem(request, doc.slug)).version).toBe(doc.version);
  // Our own origin, and a request that is not from a browser at all (neither header), pass.
  expect((await request.post(url, { headers: { origin: BASE_URL, "sec-fetch-site": "same-origin" } })).status()).toBe(200);
  expect((await request.post(url)).status()).toBe(200);
});

test.describe("API tokens", () => {
  test("a Bearer token works on the API without cookies, from anywhere, and signs what it writes; revoked, it is a 401 at once", async ({ makePerson, playwright }) => {
    const person = await makePerson({ role: "editor" });
    const bot = await person.tokenRequest();
    expect((await bot.storageState()).cookies, "no cookie at all").toEqual([]);
    expect(await (await bot.get("/api/me")).json()).toMatchObject({ email: person.email, role: "editor", viaToken: true });

    // A token is never added by a browser on its own: no origin check applies.
    const created = await bot.post("/api/postmortems", { data: { title: uniqueTitle("Bot") }, headers: { origin: "http://bot.example", "sec-fetch-site": "cross-site" } });
    expect(created.status(), await created.text()).toBe(201);
    const doc = (await created.json()) as Doc;
    const revisions = ((await (await bot.get(`/api/postmortems/${doc.slug}/revisions`)).json()) as { revisions: Revision[] }).revisions;
    expect(revisions.map((revision) => revision.authorName)).toEqual([person.name]);

    // A cached answer must not outlive the token either: ask twice before revoking.
    for (let i = 0; i < 2; i++) expect((await bot.get(`/api/postmortems/${doc.slug}`)).status()).toBe(200);
    await revokeTokenWithCli(person.token);
    await expectApiError(await bot.get("/api/me"), 401, "UNAUTHENTICATED");
    await expectApiError(await bot.get(`/api/postmortems/${doc.slug}`), 401, "UNAUTHENTICATED");
    await expectApiError(await bot.put(`/api/postmortems/${doc.slug}`, { data: { ...doc } }), 401, "UNAUTHENTICATED");

    // A malformed or made-up token is no credential either.
    for (const authorization of ["Bearer hsp_not-a-real-token", `Bearer hsp_${"A".repeat(43)}`, "Bearer "]) {
      const client = await playwright.request.newContext({ baseURL: BASE_URL, storageState: ANONYMOUS, extraHTTPHeaders: { authorization } });
      await expectApiError(await client.get("/api/postmortems"), 401, "UNAUTHENTICATED");
      await client.dispose();
    }
  });

  test("a read-only token reads and exports, and gets 403 on every write", async ({ makePerson, makePostmortem, request }) => {
    const person = await makePerson({ role: "admin", readOnlyToken: true });
    const reader = await person.tokenRequest();
    const doc = await makePostmortem({ status: "draft" });
    expect(await (await reader.get("/api/me")).json()).toMatchObject({ email: person.email, role: "viewer", viaToken: true });
    expect((await reader.get(`/api/postmortems/${doc.slug}`)).status()).toBe(200);
    expect((await reader.get(`/api/postmortems/${doc.slug}/export`)).status()).toBe(200);
    expect((await reader.get("/api/search?q=cache")).status()).toBe(200);

    const writes = [
      () => reader.post("/api/postmortems", { data: { title: uniqueTitle("Read-only") } }),
      () => reader.put(`/api/postmortems/${doc.slug}`, { data: { ...doc, title: "Changed by a read-only token" } }),
      () => reader.delete(`/api/postmortems/${doc.slug}`),
      () => reader.post(`/api/postmortems/${doc.slug}/status`, { data: { status: "in_review" } }),
      () => reader.post(`/api/postmortems/${doc.slug}/revisions/1/restore`),
      () => reader.patch(`/api/postmortems/${doc.slug}/actions/0`, { data: { status: "done", version: doc.version } }),
      () => reader.post("/api/import?create=1", { data: "# Read-only import\n", headers: { "content-type": "text/markdown" } }),
      () => reader.get("/api/audit"),
    ];
    for (const write of writes) await expectApiError(await write(), 403, "FORBIDDEN");
    expect(await getPostmortem(request, doc.slug)).toEqual(doc);
  });
});

test("sign-in is throttled per account after 5 failures, with one message whether the email exists or not", async ({ makePerson, playwright }) => {
  const person = await makePerson({ role: "viewer" });
  const nobody = `nobody-${Date.now().toString(36)}@example.com`;
  const client = await playwright.request.newContext({ baseURL: BASE_URL, storageState: ANONYMOUS });
  const signIn = async (email: string, password: string) => {
    const response = await client.post("/api/auth/sign-in/email", { data: { email, password } });
    return { status: response.status(), body: await response.text(), cookie: response.headers()["set-cookie"] ?? "" };
  };
  try {
    const answers: Record<string, { status: number; body: string }[]> = { known: [], unknown: [] };
    for (let attempt = 1; attempt <= 6; attempt++) {
      answers.known.push(await signIn(person.email, `wrong password number ${attempt}`));
      answers.unknown.push(await signIn(nobody, `wrong password number ${attempt}`));
    }
    for (const kind of ["known", "unknown"]) {
      expect(answers[kind].map((answer) => answer.status), kind).toEqual([401, 401, 401, 401, 401, 429]);
    }
    // Identical answers: nothing tells an account that exists from one that does not.
    expect(answers.unknown[0].body).toBe(answers.known[0].body);
    expect(answers.unknown[5].body).toBe(answers.known[5].body);
    expect(answers.known[5].body).toMatch(/Too many failed sign-ins/);

    // Throttled means throttled: even the right password waits, and no session is made.
    const right = await signIn(person.email, person.password);
    expect(right.status).toBe(429);
    expect(right.body).toBe(answers.known[5].body);
    expect(right.cookie).not.toContain("hindsight.session_token=");
  } finally {
    await client.dispose();
  }
});
