import http from "node:http";
import { strFromU8, unzipSync } from "fflate";
import { ADMIN, SESSION_COOKIE, sessionCookieHeader, signedInRequest } from "./auth";
import { expect, fullDocument, test, uniqueTitle } from "./fixtures";
import { startOwnServer, type OwnServer } from "./own-server";
import { startReverseProxy, type ReverseProxy } from "../scripts/proxy-test/reverse-proxy";

/**
 * Behind a reverse proxy with other host names (decision 013): a production
 * server started with HINDSIGHT_TRUST_PROXY=1, and a real proxy on loopback
 * that adds X-Forwarded-Host/-Proto, asked under two public names.
 */
type Answer = { status: number; headers: http.IncomingHttpHeaders; body: Buffer };

const NAMES = ["hindsight.example.test", "incidents.other.test"] as const;

/** One HTTP request with the Host header we choose; redirects are not followed (tests follow them by hand). */
function send(origin: string, options: { path: string; host?: string; method?: string; body?: string; headers?: Record<string, string> }): Promise<Answer> {
  const target = new URL(origin);
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: target.hostname,
        port: target.port,
        path: options.path,
        method: options.method ?? "GET",
        headers: { ...(options.host ? { host: options.host } : {}), ...(options.body ? { "content-type": "application/json" } : {}), ...options.headers },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
      },
    );
    request.on("error", reject);
    request.end(options.body);
  });
}

const json = (answer: Answer) => JSON.parse(answer.body.toString("utf8"));

test.describe("public host names behind a reverse proxy", () => {
  test.describe.configure({ mode: "serial" });
  test.setTimeout(120_000);

  let app: OwnServer;
  let proxy: ReverseProxy;
  let plainProxy: ReverseProxy;
  /** The admin's session on this server (its own database has the same e2e admin, scripts/e2e-server.mjs). */
  let signedIn: { cookie: string };

  test.beforeAll(async () => {
    // A production server of our own: its database is migrated and given the e2e admin (the CLI) before it answers.
    test.setTimeout(180_000);
    app = await startOwnServer({ HINDSIGHT_TRUST_PROXY: "1" });
    proxy = await startReverseProxy({ target: app.origin, proto: "https" });
    plainProxy = await startReverseProxy({ target: app.origin, proto: "http" });
    const context = await signedInRequest(ADMIN, { baseURL: app.origin });
    const session = (await context.storageState()).cookies.find((cookie) => cookie.name === SESSION_COOKIE)!;
    signedIn = { cookie: `${session.name}=${session.value}` };
    await context.dispose();
  });

  test.afterAll(async () => {
    await proxy?.close();
    await plainProxy?.close();
    await app?.stop();
  });

  for (const name of NAMES) {
    test(`as ${name}: health, Location headers, exports and page links use the public name`, async () => {
      const publicOrigin = `https://${name}`;

      await test.step("GET /api/health through the proxy says what a monitor needs", async () => {
        const health = await send(proxy.url, { path: "/api/health", host: name });
        expect(health.status).toBe(200);
        expect(health.headers["cache-control"]).toContain("no-store");
        expect(json(health)).toMatchObject({ status: "ok", ok: true, database: "reachable", migrations: { pending: [] }, version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
        expect(Date.parse(json(health).time)).not.toBeNaN();
      });

      const title = uniqueTitle(`Proxy ${name}`);
      const created = await send(proxy.url, { path: "/api/postmortems", host: name, method: "POST", body: JSON.stringify(fullDocument({ title })), headers: signedIn });
      expect(created.status, created.body.toString()).toBe(201);
      const { slug } = json(created) as { slug: string };
      // Published through the status endpoint (a new postmortem is a draft), so that the zip export has it.
      const published = await send(proxy.url, { path: `/api/postmortems/${slug}/status`, host: name, method: "POST", body: JSON.stringify({ status: "published" }), headers: signedIn });
      expect(published.status, published.body.toString()).toBe(200);

      await test.step("the 201's Location is at the public name, and following it through the proxy finds the postmortem", async () => {
        expect(created.headers.location).toBe(`${publicOrigin}/api/postmortems/${slug}`);
        const location = new URL(created.headers.location!);
        const followed = await send(proxy.url, { path: location.pathname, host: location.host, headers: signedIn });
        expect(followed.status).toBe(200);
        expect(json(followed).title).toBe(title);
      });

      await test.step("an import's Location too", async () => {
        const imported = await send(proxy.url, {
          path: "/api/import?create=1",
          host: name,
          method: "POST",
          body: `# ${uniqueTitle("Proxy import")}\n\n## Summary\n\nA cache expired.\n`,
          headers: { ...signedIn, "content-type": "text/markdown" },
        });
        expect(imported.status, imported.body.toString()).toBe(201);
        expect(imported.headers.location).toBe(`${publicOrigin}/api/postmortems/${json(imported).document.slug}`);
      });

      await test.step("the Markdown export links back at the public name; the public variant has no link", async () => {
        const markdown = (await send(proxy.url, { path: `/api/postmortems/${slug}/export`, host: name, headers: signedIn })).body.toString();
        expect(markdown).toContain(`\nhindsight_url: ${publicOrigin}/postmortems/${slug}\n`);
        expect(markdown).not.toContain(app.origin);
        const publicMarkdown = (await send(proxy.url, { path: `/api/postmortems/${slug}/export?public=1`, host: name, headers: signedIn })).body.toString();
        expect(publicMarkdown).not.toContain("hindsight_url");
      });

      await test.step("the zip export's files link at the public name", async () => {
        const zip = await send(proxy.url, { path: "/api/export", host: name, headers: signedIn });
        expect(zip.status).toBe(200);
        const files = unzipSync(new Uint8Array(zip.body));
        const ours = Object.entries(files).find(([fileName]) => fileName.endsWith(`-${slug}.md`));
        expect(ours, "our published postmortem is in the zip").toBeDefined();
        expect(strFromU8(ours![1])).toContain(`\nhindsight_url: ${publicOrigin}/postmortems/${slug}\n`);
      });

      await test.step("Next's own redirects stay on the public name; pages link relatively", async () => {
        const redirect = await send(proxy.url, { path: `/postmortems/${slug}/`, host: name, headers: signedIn });
        expect(redirect.status).toBe(308);
        const target = new URL(redirect.headers.location!, `${publicOrigin}/postmortems/${slug}/`);
        expect(target.origin).toBe(publicOrigin);
        const page = await send(proxy.url, { path: target.pathname, host: name, headers: signedIn });
        expect(page.status).toBe(200);
        const html = page.body.toString();
        expect(html).toContain(`href="/postmortems/${slug}/edit"`);
        expect(html).not.toContain(app.origin);
        expect(html).not.toContain(`127.0.0.1:${app.port}`);
      });
    });
  }

  test("a request straight to the server uses its own Host", async () => {
    const created = await send(app.origin, { path: "/api/postmortems", method: "POST", body: JSON.stringify(fullDocument({ title: uniqueTitle("Direct") })), headers: signedIn });
    expect(created.status).toBe(201);
    expect(created.headers.location).toBe(`${app.origin}/api/postmortems/${json(created).slug}`);
  });

  test("a browser on the public name: starting a postmortem redirects to its editor on that name", async ({ browser }) => {
    const context = await browser.newContext({ proxy: { server: plainProxy.url }, storageState: { cookies: [], origins: [] } });
    const page = await context.newPage();
    try {
      await page.goto(`http://${NAMES[1]}/postmortems/new`);
      // Nobody is signed in on that name yet: the sign-in page, on the same name, leads back.
      await expect(page).toHaveURL(`http://${NAMES[1]}/login?next=%2Fpostmortems%2Fnew`);
      await page.getByLabel("Email").fill(ADMIN.email);
      await page.getByLabel("Password").fill(ADMIN.password);
      await page.getByRole("button", { name: "Sign in", exact: true }).click();
      await expect(page).toHaveURL(`http://${NAMES[1]}/postmortems/new`);
      const title = uniqueTitle("Browser behind proxy");
      await page.getByLabel("Title").fill(title);
      await page.getByRole("button", { name: "Start the postmortem" }).click();
      await expect(page).toHaveURL(new RegExp(`^http://${NAMES[1].replace(/\./g, "\\.")}/postmortems/[^/]+/edit\\?step=overview$`));
      await expect(page.getByRole("textbox").first()).toBeVisible();
    } finally {
      await context.close();
    }
  });
});

test.describe("without a trusted proxy (the suite's server)", () => {
  test("a forged X-Forwarded-Host changes nothing: Location and export use the Host the client connected to", async ({ baseURL }) => {
    const forged = { "x-forwarded-host": "evil.example.test", "x-forwarded-proto": "https", cookie: sessionCookieHeader("admin") };
    const created = await send(baseURL!, { path: "/api/postmortems", method: "POST", body: JSON.stringify(fullDocument({ title: uniqueTitle("Forged") })), headers: forged });
    expect(created.status, created.body.toString()).toBe(201);
    const { slug } = json(created) as { slug: string };
    expect(created.headers.location).toBe(new URL(`/api/postmortems/${slug}`, baseURL).href);
    const markdown = (await send(baseURL!, { path: `/api/postmortems/${slug}/export`, headers: forged })).body.toString();
    expect(markdown).toContain(`\nhindsight_url: ${new URL(`/postmortems/${slug}`, baseURL).href}\n`);
    expect(markdown).not.toContain("evil.example.test");
    await send(baseURL!, { path: `/api/postmortems/${slug}`, method: "DELETE", headers: { cookie: sessionCookieHeader("admin") } });
  });
});
