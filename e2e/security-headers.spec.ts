import type { APIResponse, Page } from "@playwright/test";
import { expect, test, uniqueTitle } from "./fixtures";

/** Headers every answer carries (next.config.js). */
function expectCommonHeaders(headers: Record<string, string>, what: string) {
  expect(headers["x-content-type-options"], what).toBe("nosniff");
  expect(headers["referrer-policy"], what).toBe("strict-origin-when-cross-origin");
  expect(headers["x-frame-options"], what).toBe("DENY");
  expect(headers["permissions-policy"], what).toContain("camera=()");
  expect(headers["cross-origin-opener-policy"], what).toBe("same-origin");
}

/** The page policy's directives, by name. */
function directives(policy: string): Record<string, string[]> {
  return Object.fromEntries(
    policy
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name, values]),
  );
}

test.describe("security headers", () => {
  test("pages carry a nonce-based CSP that allows no other inline script", async ({ request, makePostmortem }) => {
    const doc = await makePostmortem();
    const nonces = new Set<string>();
    for (const path of ["/", "/postmortems/new", "/import", "/insights", `/postmortems/${doc.slug}`, `/postmortems/${doc.slug}/edit`, "/no/such/page", "/postmortems/100%"]) {
      const response = await request.get(path);
      const headers = response.headers();
      expectCommonHeaders(headers, path);
      const policy = directives(headers["content-security-policy"] ?? "");
      const script = policy["script-src"] ?? [];
      expect(script, path).toEqual(expect.arrayContaining(["'self'", "'strict-dynamic'"]));
      expect(script.join(" "), path).not.toMatch(/unsafe-inline|unsafe-eval/);
      const nonce = script.find((s) => s.startsWith("'nonce-"))?.slice(7, -1) ?? "";
      expect(nonce.length, path).toBeGreaterThanOrEqual(16);
      nonces.add(nonce);
      expect(policy["object-src"], path).toEqual(["'none'"]);
      expect(policy["base-uri"], path).toEqual(["'self'"]);
      expect(policy["frame-ancestors"], path).toEqual(["'none'"]);
      expect(policy["form-action"], path).toEqual(["'self'"]);
      // Every script Next writes into the page carries this response's nonce, and no other one.
      const html = await response.text();
      const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
      expect(scripts.length, path).toBeGreaterThan(0);
      for (const tag of scripts) expect(tag, path).toContain(`nonce="${nonce}"`);
    }
    expect(nonces.size, "a fresh nonce per response").toBe(8);
  });

  test("API answers are nosniff and may not be framed or run anything", async ({ request, makePostmortem }) => {
    const doc = await makePostmortem();
    for (const path of ["/api/health", "/api/postmortems", `/api/postmortems/${doc.slug}`, `/api/postmortems/${doc.slug}/export`, "/api/search?q=x", "/api/no-such-endpoint", "/api/100%"]) {
      const response = await request.get(path);
      expectCommonHeaders(response.headers(), path);
      expect(directives(response.headers()["content-security-policy"] ?? "")["default-src"], path).toEqual(["'none'"]);
    }
  });

  test("paths that merely start like a static file still get the proxy and its CSP (issue 15)", async ({ request }) => {
    // The proxy's matcher leaves out /_next/static/…, /_next/image and /icon.svg exactly; there is no favicon.ico.
    for (const path of ["/favicon.ico", "/favicon.ico/x", "/icon.svg.html", "/icon.svg/x"]) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(404);
      expectCommonHeaders(response.headers(), path);
      const script = directives(response.headers()["content-security-policy"] ?? "")["script-src"] ?? [];
      expect(script, path).toEqual(expect.arrayContaining(["'self'", "'strict-dynamic'"]));
      expect(script.some((source) => source.startsWith("'nonce-")), path).toBe(true);
    }
    const icon = await request.get("/icon.svg");
    expect(icon.status()).toBe(200);
    expect(icon.headers()["content-type"]).toContain("image/svg+xml");
  });

  test("static assets are nosniff too", async ({ request }) => {
    const html = await (await request.get("/")).text();
    const asset = html.match(/\/_next\/static\/[^"]+\.js/)?.[0];
    expect(asset).toBeTruthy();
    expectCommonHeaders((await request.get(asset!)).headers(), asset!);
  });
});

/** Collects CSP violations (console reports and securitypolicyviolation events) while the page is used. */
async function watchCsp(page: Page): Promise<() => Promise<string[]>> {
  const reports: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy/i.test(message.text())) reports.push(message.text());
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener("securitypolicyviolation", (event) => seen.push(`${event.violatedDirective} blocked ${event.blockedURI}`));
  });
  return async () => [...reports, ...(await page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []))];
}

test("walking the main pages reports no CSP violation and the pages still work", async ({ page, makePostmortem }) => {
  test.setTimeout(90_000);
  const doc = await makePostmortem();
  const violations = await watchCsp(page);
  const found: string[] = [];
  const visit = async (path: string, ready: () => Promise<void>) => {
    await test.step(path, async () => {
      await page.goto(path);
      await ready();
      found.push(...(await violations()).map((v) => `${path}: ${v}`));
    });
  };
  const heading = (name: string | RegExp) => () => expect(page.getByRole("heading", { level: 1, name })).toBeVisible();

  await visit("/", async () => {
    await heading("Incident library")();
    // Hydrated: typing searches (a client component at work).
    await page.getByRole("searchbox").first().fill(doc.title);
    await expect(page.getByRole("link", { name: doc.title }).first()).toBeVisible();
  });
  await visit(`/postmortems/${doc.slug}`, heading(doc.title));
  await visit(`/postmortems/${doc.slug}/edit?step=overview`, async () => {
    await expect(page.locator("#step-title")).toBeVisible();
    await page.getByRole("link", { name: /Timeline/ }).first().click();
    await expect(page).toHaveURL(/step=timeline/);
  });
  await visit(`/postmortems/${doc.slug}/history`, heading("History"));
  await visit(`/postmortems/${doc.slug}/export`, async () => {
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  });
  await visit("/import", async () => {
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  });
  await visit("/insights", heading("Insights"));
  await visit("/postmortems/new", heading("New postmortem"));
  await visit("/no/such/page", heading("Page not found"));
  expect(found).toEqual([]);
});

test("a Server Action posted from a foreign origin is refused; the same request from our origin works", async ({ page, request }) => {
  const title = uniqueTitle("Origin check");
  // Capture the browser's own Server Action request, so the test needs no knowledge of action ids.
  await page.goto("/postmortems/new");
  let captured: { headers: Record<string, string>; body: Buffer } | null = null;
  await page.route("**/postmortems/new", async (route) => {
    const sent = route.request();
    if (sent.method() !== "POST") return route.continue();
    captured = { headers: await sent.allHeaders(), body: sent.postDataBuffer() ?? Buffer.alloc(0) };
    await route.abort();
  });
  await page.getByRole("textbox", { name: "Title" }).fill(title);
  await page.getByRole("button", { name: "Start the postmortem" }).click();
  await expect.poll(() => captured !== null).toBe(true);
  const { headers, body } = captured!;
  expect(headers["next-action"]).toMatch(/^[0-9a-f]{40,}$/i);

  const replay = (origin: string) =>
    request.post("/postmortems/new", {
      headers: { "next-action": headers["next-action"], "content-type": headers["content-type"], origin, accept: "text/x-component" },
      data: body,
      maxRedirects: 0,
    });
  const isCreated = async () => {
    const search = await (await request.get(`/api/search?q=${encodeURIComponent(`"${title}"`)}`)).json();
    return (search.total ?? search.results?.length ?? 0) > 0;
  };

  const foreign = await replay("https://evil.example");
  expect(foreign.status(), "refused").toBeGreaterThanOrEqual(400);
  expect(await isCreated()).toBe(false);

  const own = await replay(new URL(page.url()).origin);
  expect(own.status()).toBeLessThan(400);
  await expect.poll(isCreated).toBe(true);
});

test.describe("the answer cache (decision 020)", () => {
  test("forged X-Forwarded-Host values share one entry; a parameter no route reads is answered without the cache (issue 15)", async ({ request }) => {
    const path = `/api/search?q=${encodeURIComponent(uniqueTitle("cache key"))}`;
    // The suite's server trusts no proxy: a forwarded host name changes nothing in the answer, so not the key either.
    // Two workers each keep their own cache: ask until one answers from it.
    const seen: (string | undefined)[] = [];
    for (let i = 0; i < 8 && !seen.includes("hit"); i++) {
      const response = await request.get(path, { headers: { "x-forwarded-host": `forged-${i}.example.test`, "x-forwarded-proto": "https" } });
      expect(response.status()).toBe(200);
      seen.push(response.headers()["x-hindsight-cache"]);
    }
    expect(seen, "a different forged host name is still a hit").toContain("hit");

    const unknown = await request.get(`${path}&utm_source=${Date.now()}`);
    expect(unknown.status()).toBe(200);
    expect(unknown.headers()["x-hindsight-cache"], "not cached: Next answered it directly").toBeUndefined();
    const [direct, cached] = [await unknown.json(), await (await request.get(path)).json()];
    expect({ request: direct.request, results: direct.results }, "the same search, answered by Next").toEqual({ request: cached.request, results: cached.results });
  });


  test("a page served again from the cache has a fresh nonce and works; a save shows on the next load", async ({ page, request, makePostmortem }) => {
    test.setTimeout(90_000);
    const doc = await makePostmortem();
    const path = `/postmortems/${doc.slug}`;
    const nonceOf = (headers: Record<string, string>) => /'nonce-([^']+)'/.exec(headers["content-security-policy"] ?? "")?.[1];

    // Two workers each keep their own cache: ask until one answers from it.
    const answers: APIResponse[] = [];
    for (let i = 0; i < 6 && !answers.some((a) => a.headers()["x-hindsight-cache"] === "hit"); i++) answers.push(await request.get(path));
    const hit = answers.find((a) => a.headers()["x-hindsight-cache"] === "hit");
    expect(hit, "a second read is served from the cache").toBeTruthy();
    expect(answers[0].headers()["x-hindsight-cache"]).toBe("miss");
    const nonces = answers.map((a) => nonceOf(a.headers()));
    expect(new Set(nonces).size, "every answer has its own nonce").toBe(answers.length);
    const html = await hit!.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonceOf(hit!.headers())}"`);

    // In the browser: a cached library page runs its scripts (the search box searches) with no CSP report.
    const violations = await watchCsp(page);
    await page.goto("/");
    const again = await page.goto("/");
    await page.getByRole("searchbox").first().fill(doc.title);
    await expect(page.getByRole("link", { name: doc.title }).first()).toBeVisible();
    expect(await violations()).toEqual([]);
    if (again?.headers()["x-hindsight-cache"] === "hit") expect(again.headers()["content-encoding"], "gzipped for the browser like Next's own answers").toBe("gzip");

    // A save through the API is on the next load of the page, whichever worker answers.
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1, name: doc.title })).toBeVisible();
    const current = await (await request.get(`/api/postmortems/${doc.slug}`)).json();
    const newTitle = uniqueTitle("Renamed after caching");
    expect((await request.put(`/api/postmortems/${doc.slug}`, { data: { ...current, title: newTitle } })).status()).toBe(200);
    // The answers themselves (the page would also refresh itself later): every read, from either worker, has the new title.
    for (let i = 0; i < 4; i++) {
      const html = await (await request.get(path)).text();
      expect(html).toContain(newTitle);
      expect(html).not.toContain(doc.title);
    }
    const reloaded = await page.reload();
    expect(await reloaded!.text()).toContain(newTitle);
    await expect(page.getByRole("heading", { level: 1, name: newTitle })).toBeVisible();
  });
});
