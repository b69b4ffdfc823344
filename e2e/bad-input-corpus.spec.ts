import type { APIRequestContext } from "@playwright/test";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { BAD_VALUES, READ_COOKIES, READ_HEADERS, RAW_QUERY_VALUES, SESSION_COOKIES, headerSafe } from "./fixtures/bad-input-corpus";
import { ACCOUNTS, BASE_URL } from "./auth";
import { expect, fullDocument, test, uniqueTitle, type Doc } from "./fixtures";

/**
 * Issue 7, item 1 ("bad token, no 500"): every route, sent each bad value as
 * a cookie, as each header the app or Next reads, and as each query parameter
 * it reads, answers exactly as it does without it. Routes are found by
 * globbing app/, so a new page or handler without a case here fails the test.
 * Signed in (issue 14) as the suite's admin, whose session cookie goes along
 * with the bad cookies; and, without credentials, a bad value as the session
 * cookie or as a Bearer token answers as no credentials do.
 */

type Ctx = { slug: string; request: APIRequestContext };
type Sent = { data?: unknown; headers?: Record<string, string> };
type Case = {
  path: (ctx: Ctx) => string;
  /** The query parameters the route reads. */
  params: string[];
  /** A body that succeeds every time it is sent (fresh data per call). */
  body?: (ctx: Ctx) => Promise<Sent> | Sent;
  /**
   * Options an API client names on purpose: a bad one is a 400/422 naming it
   * (export: guessing could publish internal details), never ignored silently.
   */
  strictParams?: string[];
};

const SEARCH_PARAMS = ["q", "severity", "status", "service", "tag", "factor", "action", "from", "to", "sort", "page", "perPage"];
const EXPORT_PARAMS = ["format", "template", "timeline", "public", "authors", "replace"];
const json = (data: unknown): Sent => ({ data });

const CASES: Record<string, Case> = {
  "GET /": { path: () => "/", params: SEARCH_PARAMS },
  "GET /admin/audit": { path: () => "/admin/audit", params: ["kind", "person", "page"] },
  "GET /admin/people": { path: () => "/admin/people", params: [] },
  "GET /invite/[token]": { path: () => `/invite/${randomBytes(32).toString("base64url")}`, params: [] },
  "GET /login": { path: () => "/login", params: ["next", "email", "notice", "error"] },
  "GET /settings": { path: () => "/settings", params: [] },
  "GET /settings/tokens": { path: () => "/settings/tokens", params: [] },
  "GET /setup": { path: () => "/setup", params: [] },
  "GET /actions": { path: () => "/actions", params: ["owner", "status", "due", "dueFrom", "dueTo", "type", "severity", "page", "perPage"] },
  "GET /import": { path: () => "/import", params: [] },
  "GET /import/many": { path: () => "/import/many", params: [] },
  "GET /insights": { path: () => "/insights", params: ["from", "to", "service", "severity"] },
  "GET /postmortems/new": { path: () => "/postmortems/new", params: [] },
  "GET /postmortems/[slug]": { path: ({ slug }) => `/postmortems/${slug}`, params: ["events"] },
  "GET /postmortems/[slug]/edit": { path: ({ slug }) => `/postmortems/${slug}/edit`, params: ["step"] },
  "GET /postmortems/[slug]/export": { path: ({ slug }) => `/postmortems/${slug}/export`, params: EXPORT_PARAMS },
  "GET /postmortems/[slug]/history": { path: ({ slug }) => `/postmortems/${slug}/history`, params: ["from", "to"] },
  "GET /api/[...path]": { path: () => "/api/no/such/endpoint", params: [] },
  "POST /api/[...path]": { path: () => "/api/no/such/endpoint", params: [], body: () => json({}) },
  "PUT /api/[...path]": { path: () => "/api/no/such/endpoint", params: [], body: () => json({}) },
  "PATCH /api/[...path]": { path: () => "/api/no/such/endpoint", params: [], body: () => json({}) },
  "DELETE /api/[...path]": { path: () => "/api/no/such/endpoint", params: [] },
  "GET /api/audit": { path: () => "/api/audit", params: ["actor", "kind", "page", "perPage"], strictParams: ["actor", "kind", "page", "perPage"] },
  "GET /api/auth/[...all]": { path: () => "/api/auth/get-session", params: [] },
  // A sign-in with the viewer's right password (never a wrong one: failures count towards the address's throttle,
  // and never a sign-out: it would end the admin session every test shares), from our own origin as the login
  // page sends it (better-auth refuses a cookie-carrying POST without an Origin).
  "POST /api/auth/[...all]": {
    path: () => "/api/auth/sign-in/email",
    params: [],
    body: () => ({ data: { email: ACCOUNTS.viewer.email, password: ACCOUNTS.viewer.password }, headers: { origin: BASE_URL } }),
  },
  "GET /api/me": { path: () => "/api/me", params: [] },
  "GET /api/actions": {
    path: () => "/api/actions",
    params: ["owner", "status", "due", "dueFrom", "dueTo", "type", "severity", "page", "perPage", "format"],
    strictParams: ["owner", "status", "due", "dueFrom", "dueTo", "type", "severity", "page", "perPage", "format"],
  },
  "GET /api/export": { path: () => "/api/export", params: EXPORT_PARAMS, strictParams: EXPORT_PARAMS },
  "GET /api/health": { path: () => "/api/health", params: [] },
  "POST /api/import": {
    path: () => "/api/import",
    params: ["fileName", "create"],
    body: () => ({ data: `# ${uniqueTitle("Imported")}\n\n## Summary\n\nA cache expired.\n`, headers: { "content-type": "text/markdown" } }),
  },
  // The file's name is needed: a bad one given after it is read instead (the last value wins), and is either a
  // name like any other or a 422 naming it. A bad dryRun is "no", so the file is imported: a fresh one each time.
  "POST /api/import/files": {
    path: () => "/api/import/files?dryRun=1&name=corpus%2Fimported.md",
    params: ["name", "dryRun"],
    strictParams: ["name"],
    body: () => ({ data: `# ${uniqueTitle("Imported")}\n\n## Summary\n\nA cache expired.\n`, headers: { "content-type": "application/octet-stream" } }),
  },
  "GET /api/postmortems": { path: () => "/api/postmortems", params: ["page", "perPage", "status"] },
  "POST /api/postmortems": { path: () => "/api/postmortems", params: [], body: () => json(fullDocument({ title: uniqueTitle() })) },
  "GET /api/postmortems/[slug]": { path: ({ slug }) => `/api/postmortems/${slug}`, params: [] },
  "PUT /api/postmortems/[slug]": {
    path: ({ slug }) => `/api/postmortems/${slug}`,
    params: [],
    // The version just read, so that each save succeeds rather than conflicts.
    body: async ({ slug, request }) => json(await (await request.get(`/api/postmortems/${slug}`)).json()),
  },
  "DELETE /api/postmortems/[slug]": { path: ({ slug }) => `/api/postmortems/${slug}`, params: [] },
  "GET /api/postmortems/[slug]/export": { path: ({ slug }) => `/api/postmortems/${slug}/export`, params: EXPORT_PARAMS, strictParams: EXPORT_PARAMS },
  "PATCH /api/postmortems/[slug]/actions/[index]": {
    path: ({ slug }) => `/api/postmortems/${slug}/actions/0`,
    params: [],
    // Alternates the status against the version just read, so that each change succeeds.
    body: async ({ slug, request }) => {
      const current = await (await request.get(`/api/postmortems/${slug}`)).json();
      return json({ status: current.correctiveActions[0].status === "done" ? "open" : "done", version: current.version });
    },
  },
  "GET /api/postmortems/[slug]/revisions": { path: ({ slug }) => `/api/postmortems/${slug}/revisions`, params: [] },
  "GET /api/postmortems/[slug]/revisions/[version]": { path: ({ slug }) => `/api/postmortems/${slug}/revisions/1`, params: [] },
  "POST /api/postmortems/[slug]/revisions/[version]/restore": { path: ({ slug }) => `/api/postmortems/${slug}/revisions/1/restore`, params: [] },
  "POST /api/postmortems/[slug]/status": { path: ({ slug }) => `/api/postmortems/${slug}/status`, params: [], body: () => json({ status: "in_review" }) },
  "GET /api/search": { path: () => "/api/search", params: SEARCH_PARAMS },
};

/** Every page and every exported route-handler method under app/, as "METHOD /route". */
function discoverRoutes(): string[] {
  const appDir = path.join(__dirname, "..", "app");
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      const route = "/" + path.relative(appDir, dir).split(path.sep).filter((s) => s && !s.startsWith("(")).join("/");
      if (/^page\.(tsx|ts|jsx|js)$/.test(entry.name)) found.push(`GET ${route}`);
      if (/^route\.(ts|js)$/.test(entry.name)) {
        const source = readFileSync(full, "utf8");
        for (const [, method] of source.matchAll(/export\s+(?:const|async\s+function|function)\s+(GET|POST|PUT|PATCH|DELETE)\b/g)) found.push(`${method} ${route}`);
      }
    }
  };
  walk(appDir);
  return found.sort();
}

const ROUTES = discoverRoutes();

test("every page and route handler under app/ has a case in the bad-input corpus", () => {
  expect(ROUTES.filter((route) => !CASES[route]), "routes without a case: add them to CASES").toEqual([]);
});

for (const route of ROUTES.filter((r) => CASES[r])) {
  test(`${route} treats bad cookies, headers and query parameters as absent`, async ({ request, requestAs, makePostmortem }) => {
    test.setTimeout(150_000);
    const [method] = route.split(" ");
    const spec = CASES[route];
    const doc: Doc = await makePostmortem();
    const ctx: Ctx = { slug: doc.slug, request };
    // A Cookie header given to Playwright replaces its cookie jar: the session goes along explicitly.
    const session = (await request.storageState()).cookies
      .filter((cookie) => (SESSION_COOKIES as readonly string[]).includes(cookie.name))
      .map((cookie) => `${cookie.name}=${cookie.value}`);
    expect(session, "the admin's session cookie").toHaveLength(1);

    const send = async (query: string, extraHeaders: Record<string, string> = {}) => {
      const { data, headers = {} } = (await spec.body?.(ctx)) ?? {};
      // A path with a query of its own (a parameter the route needs) gets the bad one after it.
      const url = spec.path(ctx).includes("?") && query.startsWith("?") ? `${spec.path(ctx)}&${query.slice(1)}` : spec.path(ctx) + query;
      return request.fetch(url, { method, data, headers: { ...headers, ...extraHeaders }, maxRedirects: 0 });
    };
    const baseline = (await send("")).status();
    expect(baseline, `${route} without bad input`).toBeLessThan(500);
    // The sign-in must really sign in, so that the comparisons below mean something.
    if (route === "POST /api/auth/[...all]") expect(baseline, `${route} signs in without bad input`).toBe(200);

    const expectAsBaseline = async (query: string, headers: Record<string, string>, what: string, strictParam?: string) => {
      const response = await send(query, headers);
      const status = response.status();
      if (strictParam && status !== baseline) {
        // A named option with a bad value: a clear error naming it, never a 500.
        expect([400, 422], what).toContain(status);
        const fields = Object.keys((await response.json()).error.fields);
        expect(fields.some((field) => field === strictParam || field.startsWith(`${strictParam}.`)), `${what}: ${fields}`).toBe(true);
        return;
      }
      expect(status, `${what} (${(await response.text()).slice(0, 200)})`).toBe(baseline);
    };

    for (const bad of BAD_VALUES) {
      const value = headerSafe(bad.value);
      const cookies = (values: string[]) => [...values, ...session].join("; ");
      // Long values one header at a time: together they would pass Node's 16 KB header limit (a 431, not our doing).
      const carriers: Record<string, string>[] = value.length > 1000
        ? [...READ_HEADERS.map((h) => ({ [h]: value })), { cookie: cookies([`${READ_COOKIES[0]}=${value}`]) }]
        : [{ ...Object.fromEntries(READ_HEADERS.map((h) => [h, value])), cookie: cookies(READ_COOKIES.map((c) => `${c}=${value}`)) }];
      for (const headers of carriers) await expectAsBaseline("", headers, `${route} with ${bad.name} in ${Object.keys(headers).join(", ")}`);

      for (const param of [...spec.params, "utm_source"]) {
        await expectAsBaseline(`?${param}=${encodeURIComponent(bad.value)}`, {}, `${route} with ${bad.name} as ?${param}`, spec.strictParams?.includes(param) ? param : undefined);
      }
    }
    for (const raw of RAW_QUERY_VALUES) {
      for (const param of [...spec.params, "utm_source"]) {
        await expectAsBaseline(`?${param}=${raw.value}`, {}, `${route} with ${raw.name} as ?${param}`, spec.strictParams?.includes(param) ? param : undefined);
      }
    }

    await test.step("without credentials, a bad session cookie or Bearer token is no credentials", async () => {
      const anonymous = await requestAs("anonymous");
      const sendAnonymously = async (headers: Record<string, string>) => {
        const { data, headers: bodyHeaders = {} } = (await spec.body?.(ctx)) ?? {};
        return anonymous.fetch(spec.path(ctx), { method, data, headers: { ...bodyHeaders, ...headers }, maxRedirects: 0 });
      };
      const anonymousBaseline = (await sendAnonymously({})).status();
      expect(anonymousBaseline, `${route} without credentials`).toBeLessThan(500);
      const wellFormedUnknownToken = `hsp_${randomBytes(32).toString("base64url")}`;
      const values = [...BAD_VALUES.map((bad) => ({ name: bad.name, value: headerSafe(bad.value) })), { name: "a well-formed token nobody has", value: wellFormedUnknownToken }];
      for (const { name, value } of values) {
        for (const carrier of [
          ...SESSION_COOKIES.map((cookie) => ({ cookie: `${cookie}=${value}` })),
          ...(value.trim() ? [{ authorization: `Bearer ${value}` }] : []),
        ]) {
          const response = await sendAnonymously(carrier);
          expect(response.status(), `${route} with ${name} in ${Object.keys(carrier)[0]} (${(await response.text()).slice(0, 200)})`).toBe(anonymousBaseline);
        }
      }
    });
  });
}
