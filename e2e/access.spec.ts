import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { request as playwrightRequest, type APIRequestContext, type APIResponse } from "@playwright/test";
import { ACCOUNTS, BASE_URL, ROOT, runCli, signedInRequest, type Role } from "./auth";
import { startOwnServer } from "./own-server";
import { createPostmortem, expect, expectApiError, fullDocument, test, uniqueTitle, type Doc, type Person, type Status } from "./fixtures";

/**
 * Who may do what (issue 14, item 3), as a table: every route handler under
 * app/api, every page and every server action, and what an anonymous
 * request, a viewer, an editor and an admin get. The routes and actions are
 * found in app/ when the test runs, so one the table does not list fails
 * the first tests below. The viewer, editor and admin are the suite's own
 * (e2e/accounts.json); actions that change a person act on people made for
 * the test.
 */

type Who = "anonymous" | Role;
const EVERYONE: Who[] = ["anonymous", "viewer", "editor", "admin"];
type Answers = Record<Who, number>;

/** Reading: anyone signed in. */
const READ: Answers = { anonymous: 401, viewer: 200, editor: 200, admin: 200 };
/** Writing: editors and admins. */
const WRITE = (ok = 200): Answers => ({ anonymous: 401, viewer: 403, editor: ok, admin: ok });
/** Archiving and people: admins only. */
const ADMIN_ONLY = (ok = 200): Answers => ({ anonymous: 401, viewer: 403, editor: 403, admin: ok });
const SAME_FOR_ALL = (status: number): Answers => ({ anonymous: status, viewer: status, editor: status, admin: status });

const APP = path.join(ROOT, "app");

function walk(dir: string, visit: (file: string) => void): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, visit);
    else visit(full);
  }
}

/** A route's name as the table spells it: its folder under app/ ("/api/postmortems/[slug]"), route groups left out. */
function routeOf(dir: string): string {
  return "/" + path.relative(APP, dir).split(path.sep).filter((segment) => segment && !segment.startsWith("(")).join("/");
}

/** Every exported method of every app/api/**\/route.ts, as "METHOD /api/…". */
function discoverApiRoutes(): string[] {
  const found: string[] = [];
  walk(path.join(APP, "api"), (file) => {
    if (!/[\\/]route\.(ts|js)$/.test(file)) return;
    const source = readFileSync(file, "utf8");
    for (const [, method] of source.matchAll(/export\s+(?:const|async\s+function|function)\s+(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\b/g)) found.push(`${method} ${routeOf(path.dirname(file))}`);
  });
  return found.sort();
}

/** Every page under app/, as "GET /…". */
function discoverPages(): string[] {
  const found: string[] = [];
  walk(APP, (file) => {
    if (/[\\/]page\.(tsx|ts|jsx|js)$/.test(file)) found.push(`GET ${routeOf(path.dirname(file))}`);
  });
  return found.sort();
}

/** Every exported function of every "use server" file under app/, as "app/…/file.ts#name". */
function discoverServerActions(): string[] {
  const found: string[] = [];
  walk(APP, (file) => {
    if (!/\.(ts|tsx)$/.test(file)) return;
    const source = readFileSync(file, "utf8");
    if (!/^\s*(?:\/\/[^\n]*\n\s*)*["']use server["']/.test(source)) return;
    const relative = path.relative(ROOT, file).split(path.sep).join("/");
    for (const [, name] of source.matchAll(/export\s+(?:async\s+)?function\s+(\w+)/g)) found.push(`${relative}#${name}`);
  });
  return found.sort();
}

// ---------------------------------------------------------------------------
// Route handlers
// ---------------------------------------------------------------------------

type Ctx = { doc: Doc; title: string; admin: APIRequestContext };
type Sent = { data?: unknown; headers?: Record<string, string> };
type ApiCase = {
  route: string;
  /** Which variant of the route, when it has several rows. */
  what?: string;
  /** The status of the fresh postmortem each request works on (default draft). */
  status?: Status;
  path: (ctx: Ctx) => string;
  send?: (ctx: Ctx) => Sent;
  expect: Answers;
  /**
   * What the request could change, read as the admin: a refused request
   * (401/403) must leave it as it was. Requests on a postmortem compare its
   * version and status unless told otherwise.
   */
  effect?: (ctx: Ctx) => Promise<unknown>;
  /** More checks on a successful answer. */
  check?: (who: Who, response: APIResponse, ctx: Ctx) => Promise<void>;
};

const MARKDOWN = { "content-type": "text/markdown; charset=utf-8" };
const postmortemState = async ({ admin, doc }: Ctx) => {
  const current = (await (await admin.get(`/api/postmortems/${doc.slug}`)).json()) as Doc;
  return { version: current.version, status: current.status };
};
const titleCount = async ({ admin, title }: Ctx) => {
  const found = (await (await admin.get(`/api/search?q=${encodeURIComponent(`"${title}"`)}`)).json()) as { total: number };
  return found.total;
};
const peoplePageMentions = async (admin: APIRequestContext, email: string) => (await (await admin.get("/admin/people")).text()).includes(email);

const UNKNOWN_PATH = "/api/no/such/endpoint";
const HEALTH_KEYS = ["database", "migrations", "ok", "status", "time", "version"];

const API: ApiCase[] = [
  // An unknown path is a 404 for everyone: it tells only which paths exist, as the README does.
  ...(["GET", "POST", "PUT", "PATCH", "DELETE"] as const).map((method) => ({
    route: `${method} /api/[...path]`,
    path: () => UNKNOWN_PATH,
    send: () => (method === "GET" || method === "DELETE" ? {} : { data: {} }),
    expect: SAME_FOR_ALL(404),
  })),
  { route: "GET /api/actions", path: () => "/api/actions", expect: READ },
  { route: "GET /api/audit", path: () => "/api/audit", expect: ADMIN_ONLY() },
  {
    route: "GET /api/auth/[...all]",
    what: "get-session: whose session it is, or null",
    path: () => "/api/auth/get-session",
    expect: SAME_FOR_ALL(200),
    check: async (who, response) => {
      const body = (await response.json()) as { user?: { email: string } } | null;
      expect(body?.user?.email ?? null).toBe(who === "anonymous" ? null : ACCOUNTS[who].email);
    },
  },
  {
    route: "POST /api/auth/[...all]",
    what: "sign-up: nobody signs themselves up (admins and the CLI add people)",
    path: () => "/api/auth/sign-up/email",
    send: ({ title }) => ({ data: { email: `${slugOf(title)}@example.com`, password: "a long enough password 12", name: title } }),
    expect: SAME_FOR_ALL(404),
    effect: ({ admin, title }) => peoplePageMentions(admin, `${slugOf(title)}@example.com`),
  },
  { route: "GET /api/export", path: () => "/api/export", expect: READ },
  {
    route: "GET /api/health",
    what: "open to monitors, and nothing in it but the service's state",
    path: () => "/api/health",
    expect: SAME_FOR_ALL(200),
    check: async (_who, response) => {
      const body = (await response.json()) as Record<string, unknown>;
      expect(Object.keys(body).sort()).toEqual(HEALTH_KEYS);
      expect(Object.keys(body.migrations as object).sort()).toEqual(["applied", "pending"]);
      expect(JSON.stringify(body)).not.toMatch(/@|e2e-|E2E/);
    },
  },
  {
    route: "POST /api/import",
    what: "parse only (saves nothing)",
    path: () => "/api/import",
    send: ({ title }) => ({ data: `# ${title}\n\n## Summary\n\nA cache expired.\n`, headers: MARKDOWN }),
    expect: READ,
    effect: titleCount,
  },
  {
    route: "POST /api/import",
    what: "?create=1",
    path: () => "/api/import?create=1",
    send: ({ title }) => ({ data: `---\ntitle: ${title}\nstatus: published\n---\n\nA cache expired.\n`, headers: MARKDOWN }),
    expect: WRITE(201),
    effect: titleCount,
    check: async (_who, response) => expect(((await response.json()) as { document: Doc }).document.status).toBe("draft"),
  },
  {
    route: "POST /api/import/files",
    what: "?dryRun=1 (a preview: saves nothing)",
    path: ({ title }) => `/api/import/files?dryRun=1&name=${encodeURIComponent(`${slugOf(title)}.md`)}`,
    send: ({ title }) => ({ data: `# ${title}\n\n## Summary\n\nA cache expired.\n`, headers: { "content-type": "application/octet-stream" } }),
    expect: WRITE(),
    effect: titleCount,
    check: async (_who, response) => expect(await response.json()).toMatchObject({ status: "new", saved: false }),
  },
  {
    route: "POST /api/import/files",
    what: "imports the file",
    path: ({ title }) => `/api/import/files?name=${encodeURIComponent(`${slugOf(title)}.md`)}`,
    send: ({ title }) => ({ data: `# ${title}\n\n## Summary\n\nA cache expired.\n`, headers: { "content-type": "application/octet-stream" } }),
    expect: WRITE(),
    effect: titleCount,
    check: async (_who, response) => expect(await response.json()).toMatchObject({ status: "new", saved: true }),
  },
  {
    route: "GET /api/me",
    path: () => "/api/me",
    expect: READ,
    check: async (who, response) => expect(await response.json()).toMatchObject({ email: ACCOUNTS[who as Role].email, role: who, viaToken: false }),
  },
  { route: "GET /api/postmortems", path: () => "/api/postmortems", expect: READ },
  {
    route: "POST /api/postmortems",
    path: () => "/api/postmortems",
    send: ({ title }) => ({ data: fullDocument({ title, status: "published" }) }),
    expect: WRITE(201),
    effect: titleCount,
    // The status asked for is not taken: a new postmortem is a draft.
    check: async (_who, response) => expect(((await response.json()) as Doc).status).toBe("draft"),
  },
  { route: "GET /api/postmortems/[slug]", path: ({ doc }) => `/api/postmortems/${doc.slug}`, expect: READ },
  {
    route: "PUT /api/postmortems/[slug]",
    path: ({ doc }) => `/api/postmortems/${doc.slug}`,
    send: ({ doc }) => ({ data: { ...doc, summary: "Changed by the access test." } }),
    expect: WRITE(),
  },
  { route: "DELETE /api/postmortems/[slug]", what: "archives", path: ({ doc }) => `/api/postmortems/${doc.slug}`, expect: ADMIN_ONLY() },
  {
    route: "PATCH /api/postmortems/[slug]/actions/[index]",
    path: ({ doc }) => `/api/postmortems/${doc.slug}/actions/2`,
    send: ({ doc }) => ({ data: { status: "done", version: doc.version } }),
    expect: WRITE(),
  },
  { route: "GET /api/postmortems/[slug]/export", path: ({ doc }) => `/api/postmortems/${doc.slug}/export`, expect: READ },
  { route: "GET /api/postmortems/[slug]/revisions", path: ({ doc }) => `/api/postmortems/${doc.slug}/revisions`, expect: READ },
  { route: "GET /api/postmortems/[slug]/revisions/[version]", path: ({ doc }) => `/api/postmortems/${doc.slug}/revisions/1`, expect: READ },
  {
    route: "POST /api/postmortems/[slug]/revisions/[version]/restore",
    status: "in_review",
    path: ({ doc }) => `/api/postmortems/${doc.slug}/revisions/1/restore`,
    expect: WRITE(),
    check: async (_who, response) => expect(((await response.json()) as Doc).status, "restoring keeps the status").toBe("in_review"),
  },
  {
    route: "POST /api/postmortems/[slug]/status",
    what: "draft → in review",
    path: ({ doc }) => `/api/postmortems/${doc.slug}/status`,
    send: () => ({ data: { status: "in_review" } }),
    expect: WRITE(),
  },
  {
    route: "POST /api/postmortems/[slug]/status",
    what: "in review → published",
    status: "in_review",
    path: ({ doc }) => `/api/postmortems/${doc.slug}/status`,
    send: () => ({ data: { status: "published" } }),
    expect: WRITE(),
  },
  {
    route: "POST /api/postmortems/[slug]/status",
    what: "published → in review, with a reason",
    status: "published",
    path: ({ doc }) => `/api/postmortems/${doc.slug}/status`,
    send: () => ({ data: { status: "in_review", reason: "New figures" } }),
    expect: WRITE(),
  },
  {
    route: "POST /api/postmortems/[slug]/status",
    what: "→ archived",
    path: ({ doc }) => `/api/postmortems/${doc.slug}/status`,
    send: () => ({ data: { status: "archived" } }),
    expect: ADMIN_ONLY(),
  },
  {
    route: "POST /api/postmortems/[slug]/status",
    what: "archived → draft",
    status: "archived",
    path: ({ doc }) => `/api/postmortems/${doc.slug}/status`,
    send: () => ({ data: { status: "draft" } }),
    expect: ADMIN_ONLY(),
  },
  { route: "GET /api/search", path: () => "/api/search?q=cache", expect: READ },
];

function slugOf(title: string): string {
  return title.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
}

test("every route handler under app/api has a row in the access table, and every row a route", () => {
  const listed = new Set(API.map((row) => row.route));
  const routes = discoverApiRoutes();
  expect(routes.filter((route) => !listed.has(route)), "route handlers without a row: add them to API").toEqual([]);
  expect([...listed].filter((route) => !routes.includes(route)), "rows for routes that no longer exist").toEqual([]);
});

for (const row of API) {
  test(`${row.route}${row.what ? ` (${row.what})` : ""}: ${EVERYONE.map((who) => `${who} ${row.expect[who]}`).join(", ")}`, async ({ request, requestAs }) => {
    test.setTimeout(60_000);
    for (const who of EVERYONE) {
      await test.step(who, async () => {
        const created = await createPostmortem(request, { title: uniqueTitle("Access"), status: row.status ?? "draft" });
        const ctx: Ctx = { doc: created, title: uniqueTitle("Access new"), admin: request };
        const effect = row.effect ?? (row.path(ctx).includes(created.slug) ? postmortemState : undefined);
        const before = await effect?.(ctx);
        const method = row.route.split(" ")[0];
        const client = await requestAs(who);
        const response = await client.fetch(row.path(ctx), { method, ...row.send?.(ctx), maxRedirects: 0 });
        const expected = row.expect[who];
        expect(response.status(), `${who}: ${(await response.text()).slice(0, 300)}`).toBe(expected);
        if (expected === 401) await expectApiError(response, 401, "UNAUTHENTICATED");
        if (expected === 403) await expectApiError(response, 403, "FORBIDDEN");
        if (expected < 300) await row.check?.(who, response, ctx);
        if (effect && (expected === 401 || expected === 403 || expected === 404)) expect(await effect(ctx), `${who}'s refused request changed nothing`).toEqual(before);
        const isPreview = row.route === "POST /api/import" || row.path(ctx).includes("dryRun=1");
        if (effect && expected < 300 && method !== "GET" && !isPreview) expect(await effect(ctx), `${who}'s request took effect`).not.toEqual(before);
        if (created.status !== "archived") await request.delete(`/api/postmortems/${created.slug}`);
      });
    }
  });
}

test("the Bearer token of each role gets what that role gets; a read-only token is a viewer", async ({ makePerson }) => {
  test.setTimeout(120_000);
  const editor = await makePerson({ role: "editor", readOnlyToken: true });
  const admin = await makePerson({ role: "admin" });
  const readOnly = await editor.tokenRequest();
  const full = await admin.tokenRequest();
  expect(await (await readOnly.get("/api/me")).json()).toMatchObject({ email: editor.email, role: "viewer", viaToken: true });
  expect(await (await full.get("/api/me")).json()).toMatchObject({ email: admin.email, role: "admin", viaToken: true });
  expect((await readOnly.get("/api/postmortems")).status()).toBe(200);
  await expectApiError(await readOnly.post("/api/postmortems", { data: { title: uniqueTitle("Read-only token") } }), 403, "FORBIDDEN");
  const created = await full.post("/api/postmortems", { data: { title: uniqueTitle("Admin token") } });
  expect(created.status()).toBe(201);
  expect((await full.delete(`/api/postmortems/${((await created.json()) as Doc).slug}`)).status()).toBe(200);
});

// ---------------------------------------------------------------------------
// Pages
// ---------------------------------------------------------------------------

/** What a page gives: itself, the sign-in page (a redirect keeping where one was going), another redirect, or the "your role cannot" note. */
type PageAnswer = { page: string | RegExp; absent?: string[] } | "login" | { redirect: string } | "not allowed";
type PageCase = { route: string; path: (ctx: { doc: Doc }) => string; answers: Record<Who, PageAnswer> };

const SIGNED_IN = (answer: PageAnswer): Record<Who, PageAnswer> => ({ anonymous: "login", viewer: answer, editor: answer, admin: answer });
// "Your role (viewer) can…" or "Your role is viewer." (React puts a comment between adjacent texts).
const ROLE_NOTE = /Your role (?:\(|is )(?:<!-- -->)?(viewer|editor)/;

const PAGES: PageCase[] = [
  { route: "GET /", path: () => "/?q=cache&severity=SEV2", answers: SIGNED_IN({ page: "<h1" }) },
  { route: "GET /actions", path: () => "/actions?due=overdue", answers: SIGNED_IN({ page: "<h1" }) },
  { route: "GET /admin/audit", path: () => "/admin/audit", answers: { anonymous: "login", viewer: "not allowed", editor: "not allowed", admin: { page: ACCOUNTS.admin.email } } },
  { route: "GET /admin/people", path: () => "/admin/people", answers: { anonymous: "login", viewer: "not allowed", editor: "not allowed", admin: { page: ACCOUNTS.viewer.email } } },
  { route: "GET /import", path: () => "/import", answers: { anonymous: "login", viewer: "not allowed", editor: { page: "<h1" }, admin: { page: "<h1" } } },
  { route: "GET /import/many", path: () => "/import/many", answers: { anonymous: "login", viewer: "not allowed", editor: { page: "Import many files" }, admin: { page: "Import many files" } } },
  { route: "GET /insights", path: () => "/insights", answers: SIGNED_IN({ page: "<h1" }) },
  {
    route: "GET /invite/[token]",
    path: () => "/invite/not-a-real-invite-token",
    answers: { anonymous: { page: "This invite link no longer works" }, viewer: { page: "This invite link no longer works" }, editor: { page: "This invite link no longer works" }, admin: { page: "This invite link no longer works" } },
  },
  { route: "GET /login", path: () => "/login?next=%2Finsights", answers: { anonymous: { page: "Sign in to Hindsight" }, viewer: { redirect: "/insights" }, editor: { redirect: "/insights" }, admin: { redirect: "/insights" } } },
  {
    route: "GET /postmortems/[slug]",
    path: ({ doc }) => `/postmortems/${doc.slug}`,
    // The UI offers editing only to those who may (the API refuses anyway).
    answers: {
      anonymous: "login",
      viewer: { page: "<h1", absent: ["/edit\""] },
      editor: { page: /href="\/postmortems\/[^"]+\/edit"/ },
      admin: { page: /href="\/postmortems\/[^"]+\/edit"/ },
    },
  },
  { route: "GET /postmortems/[slug]/edit", path: ({ doc }) => `/postmortems/${doc.slug}/edit?step=timeline`, answers: { anonymous: "login", viewer: "not allowed", editor: { page: "step-title" }, admin: { page: "step-title" } } },
  { route: "GET /postmortems/[slug]/export", path: ({ doc }) => `/postmortems/${doc.slug}/export`, answers: SIGNED_IN({ page: "<h1" }) },
  {
    route: "GET /postmortems/[slug]/history",
    path: ({ doc }) => `/postmortems/${doc.slug}/history`,
    answers: { anonymous: "login", viewer: { page: "<h1", absent: ["Restore version"] }, editor: { page: "Restore version 1" }, admin: { page: "Restore version 1" } },
  },
  { route: "GET /postmortems/new", path: () => "/postmortems/new", answers: { anonymous: "login", viewer: "not allowed", editor: { page: "Start the postmortem" }, admin: { page: "Start the postmortem" } } },
  { route: "GET /settings", path: () => "/settings", answers: SIGNED_IN({ page: "<h1" }) },
  { route: "GET /settings/tokens", path: () => "/settings/tokens", answers: SIGNED_IN({ page: "<h1" }) },
  // Someone has an account: the setup screen is gone for good.
  { route: "GET /setup", path: () => "/setup", answers: { anonymous: { redirect: "/login" }, viewer: { redirect: "/login" }, editor: { redirect: "/login" }, admin: { redirect: "/login" } } },
];

test("every page under app/ has a row in the access table, and every row a page", () => {
  const listed = new Set(PAGES.map((row) => row.route));
  const pages = discoverPages();
  expect(pages.filter((route) => !listed.has(route)), "pages without a row: add them to PAGES").toEqual([]);
  expect([...listed].filter((route) => !pages.includes(route)), "rows for pages that no longer exist").toEqual([]);
});

for (const row of PAGES) {
  const summary = EVERYONE.map((who) => `${who} ${typeof row.answers[who] === "string" ? row.answers[who] : "redirect" in (row.answers[who] as object) ? `→ ${(row.answers[who] as { redirect: string }).redirect}` : "ok"}`).join(", ");
  test(`${row.route}: ${summary}`, async ({ request, requestAs, makePostmortem }) => {
    test.setTimeout(60_000);
    // A draft with two versions, so that the history has something to restore.
    const doc = await makePostmortem({ status: "in_review" });
    const target = row.path({ doc });
    for (const who of EVERYONE) {
      await test.step(who, async () => {
        const client = who === "admin" ? request : await requestAs(who);
        const response = await client.get(target, { maxRedirects: 0 });
        const answer = row.answers[who];
        const html = await response.text();
        if (answer === "login") {
          expect(response.status(), html.slice(0, 200)).toBe(307);
          const location = new URL(response.headers()["location"], BASE_URL);
          expect(location.pathname).toBe("/login");
          expect(location.searchParams.get("next"), "where they were going is kept").toBe(target);
        } else if (answer === "not allowed") {
          expect(response.status()).toBe(200);
          expect(html).toMatch(ROLE_NOTE);
          expect(ROLE_NOTE.exec(html)?.[1]).toBe(who);
        } else if ("redirect" in answer) {
          expect(response.status(), html.slice(0, 200)).toBe(307);
          expect(new URL(response.headers()["location"], BASE_URL).pathname + new URL(response.headers()["location"], BASE_URL).search).toBe(answer.redirect);
        } else {
          expect(response.status(), html.slice(0, 200)).toBe(200);
          expect(html).toMatch(answer.page);
          expect(html).not.toMatch(ROLE_NOTE);
          for (const text of answer.absent ?? []) expect(html, `${who} is not offered ${text}`).not.toContain(text);
          if (who !== "anonymous") expect(html, "signed in as themselves").toContain(ACCOUNTS[who].name);
        }
      });
    }
  });
}

test("on a database nobody has an account on, every page leads to the setup screen and the API is closed", async () => {
  test.setTimeout(240_000);
  const server = await startOwnServer({ E2E_NO_ACCOUNTS: "1" });
  try {
    const client = await playwrightRequest.newContext({ baseURL: server.origin, storageState: { cookies: [], origins: [] } });
    for (const page of ["/", "/actions", "/login", "/postmortems/new", "/admin/people"]) {
      const response = await client.get(page, { maxRedirects: 0 });
      expect(response.status(), page).toBe(307);
      expect(new URL(response.headers()["location"], server.origin).pathname, page).toBe("/setup");
    }
    expect((await client.get("/setup")).status()).toBe(200);
    await expectApiError(await client.get("/api/postmortems"), 401, "UNAUTHENTICATED");
    await expectApiError(await client.post("/api/postmortems", { data: { title: "Before setup" } }), 401, "UNAUTHENTICATED");
    expect((await client.get("/api/health")).status()).toBe(200);
    await client.dispose();
  } finally {
    await server.stop();
  }
});

// ---------------------------------------------------------------------------
// Server actions
// ---------------------------------------------------------------------------

/**
 * Server actions are called the way React calls them (POST to the page with
 * a Next-Action header; plain arguments as JSON, a form as multipart with
 * React's field prefix), by id from the build's manifest, so that each role
 * can try each action whether or not its page offers it. A call is judged by
 * its effect, read back as the admin or as the person it was about.
 */
const DIST = path.join(ROOT, process.env.NEXT_DIST_DIR || ".next");
type Manifest = { node: Record<string, { filename?: string; exportedName?: string; workers: Record<string, unknown> }> };

function actionIds(): Map<string, string> {
  const file = path.join(DIST, "server", "server-reference-manifest.json");
  const ids = new Map<string, string>();
  if (!existsSync(file)) return ids;
  const manifest = JSON.parse(readFileSync(file, "utf8")) as Manifest;
  for (const [id, entry] of Object.entries(manifest.node)) if (entry.filename && entry.exportedName) ids.set(`${entry.filename}#${entry.exportedName}`, id);
  return ids;
}

async function callAction(client: APIRequestContext, action: string, page: string, args: unknown[], form?: Record<string, string>): Promise<{ status: number; text: string }> {
  const id = actionIds().get(action);
  expect(id, `${action} is in the build's server-reference manifest`).toBeTruthy();
  const headers = { "next-action": id!, accept: "text/x-component", origin: BASE_URL };
  // As React's encodeReply lays a form out: its fields first (prefixed "_1_"), then the arguments as "0",
  // naming the form "$K1". (A FormData keeps that order; an object would put the key "0" first.)
  const multipart = new FormData();
  for (const [key, value] of Object.entries(form ?? {})) multipart.append(`_1_${key}`, value);
  multipart.append("0", JSON.stringify([...args, "$K1"]));
  const response = form
    ? await client.post(page, { headers, multipart, maxRedirects: 0 })
    : await client.post(page, { headers: { ...headers, "content-type": "text/plain;charset=UTF-8" }, data: JSON.stringify(args), maxRedirects: 0 });
  return { status: response.status(), text: await response.text() };
}

/** The server actions, by page, and who may use them. */
const ACTIONS: Record<string, { page: string; who: string }> = {
  "app/admin/people/actions.ts#addPersonAction": { page: "/admin/people", who: "admins" },
  "app/admin/people/actions.ts#changeRoleAction": { page: "/admin/people", who: "admins" },
  "app/admin/people/actions.ts#newInviteAction": { page: "/admin/people", who: "admins" },
  "app/admin/people/actions.ts#setDisabledAction": { page: "/admin/people", who: "admins" },
  "app/invite/[token]/actions.ts#acceptInviteAction": { page: "/invite/[token]", who: "whoever holds a valid invite link" },
  "app/postmortems/new/actions.ts#startPostmortem": { page: "/postmortems/new", who: "editors and admins" },
  "app/settings/actions.ts#changePasswordAction": { page: "/settings", who: "anyone signed in, for themselves" },
  "app/settings/actions.ts#updateNameAction": { page: "/settings", who: "anyone signed in, for themselves" },
  "app/settings/tokens/actions.ts#createTokenAction": { page: "/settings/tokens", who: "anyone signed in, for themselves" },
  "app/settings/tokens/actions.ts#revokeTokenAction": { page: "/settings/tokens", who: "the token's owner and admins" },
  "app/setup/actions.ts#setUpFirstAdmin": { page: "/setup", who: "nobody once someone has an account" },
};

test("every server action under app/ has a row in the access table, and the build has an id for each one a page uses", () => {
  const found = discoverServerActions();
  expect(found.filter((action) => !ACTIONS[action]), "server actions without a row: add them to ACTIONS and test them below").toEqual([]);
  expect(Object.keys(ACTIONS).filter((action) => !found.includes(action)), "rows for actions that no longer exist").toEqual([]);
  const ids = actionIds();
  for (const [action, { page }] of Object.entries(ACTIONS)) expect(ids.has(action), `${action} reachable`).toBe(page !== "(none)");
});

/** /api/me as the person's token sees it: their role and name now. */
async function whoIs(person: Person): Promise<{ status: number; role?: string; name?: string }> {
  const client = await person.tokenRequest();
  const response = await client.get("/api/me");
  return response.ok() ? { status: 200, ...((await response.json()) as { role: string; name: string }) } : { status: response.status() };
}

test.describe("server actions", () => {
  test.describe.configure({ timeout: 180_000 });

  test("Admin → People: only an admin adds people, changes roles, makes invite links and disables people", async ({ makePerson, requestAs, request }) => {
    const victim = await makePerson({ role: "viewer" });
    const page = "/admin/people";
    const clients = { anonymous: await requestAs("anonymous"), viewer: await victim.request(), editor: await requestAs("editor") };

    for (const [who, client] of Object.entries(clients)) {
      await test.step(`${who} is refused`, async () => {
        const email = `${slugOf(uniqueTitle("added by " + who))}@example.com`;
        await callAction(client, "app/admin/people/actions.ts#addPersonAction", page, [null], { name: "Sneaky Admin", email, role: "admin" });
        expect(await peoplePageMentions(request, email), `${who} added nobody`).toBe(false);
        await callAction(client, "app/admin/people/actions.ts#changeRoleAction", page, [victim.email, "admin"]);
        const invite = await callAction(client, "app/admin/people/actions.ts#newInviteAction", page, [victim.email]);
        expect(invite.text, `${who} got no invite link`).not.toContain("/invite/");
        await callAction(client, "app/admin/people/actions.ts#setDisabledAction", page, [victim.email, true]);
        expect(await whoIs(victim), `${who} changed nothing about ${victim.email}`).toMatchObject({ status: 200, role: "viewer" });
      });
    }

    await test.step("the admin may (the same calls work, so the refusals above are real)", async () => {
      const email = `${slugOf(uniqueTitle("added by admin"))}@example.com`;
      await callAction(request, "app/admin/people/actions.ts#addPersonAction", page, [null], { name: "Added By Admin", email, role: "viewer" });
      expect(await peoplePageMentions(request, email)).toBe(true);
      await callAction(request, "app/admin/people/actions.ts#changeRoleAction", page, [victim.email, "editor"]);
      expect(await whoIs(victim)).toMatchObject({ status: 200, role: "editor" });
      const invite = await callAction(request, "app/admin/people/actions.ts#newInviteAction", page, [victim.email]);
      expect(invite.text).toMatch(/\/invite\/[A-Za-z0-9_-]{20,}/);
      await callAction(request, "app/admin/people/actions.ts#setDisabledAction", page, [victim.email, true]);
      expect(await whoIs(victim), "a disabled person's token stops working at once").toMatchObject({ status: 401 });
    });
  });

  test("an invite link sets a password once, for whoever holds it; a made-up one does nothing", async ({ makePerson, requestAs, request }) => {
    const invited = await makePerson({ role: "viewer" });
    const anonymous = await requestAs("anonymous");
    const newPassword = `new ${uniqueTitle("password")}`;
    const refused = await callAction(anonymous, "app/invite/[token]/actions.ts#acceptInviteAction", "/invite/x", ["made-up-token-made-up-token-made-up", null], { password: newPassword, passwordRepeat: newPassword, name: invited.name });
    expect(refused.text).not.toContain('"ok":true');
    const invite = await callAction(request, "app/admin/people/actions.ts#newInviteAction", "/admin/people", [invited.email]);
    const token = /\/invite\/([A-Za-z0-9_-]{20,})/.exec(invite.text)?.[1];
    expect(token).toBeTruthy();
    await callAction(anonymous, "app/invite/[token]/actions.ts#acceptInviteAction", `/invite/${token}`, [token, null], { password: newPassword, passwordRepeat: newPassword, name: invited.name });
    const signedIn = await signedInRequest({ email: invited.email, password: newPassword });
    expect((await (await signedIn.get("/api/me")).json()).email).toBe(invited.email);
    await signedIn.dispose();
  });

  test("New postmortem: only editors and admins start one, signed with their own name", async ({ requestAs, request }) => {
    for (const who of EVERYONE) {
      const title = uniqueTitle(`Started by ${who}`);
      // An "author" field (the old name box) signs nothing: the session does.
      await callAction(await requestAs(who), "app/postmortems/new/actions.ts#startPostmortem", "/postmortems/new", [null], { title, author: "Mallory Pretender" });
      const found = (await (await request.get(`/api/search?q=${encodeURIComponent(`"${title}"`)}`)).json()) as { total: number; results: { slug: string }[] };
      expect(found.total, `${who} started one`).toBe(who === "editor" || who === "admin" ? 1 : 0);
      for (const result of found.results ?? []) {
        const { revisions } = (await (await request.get(`/api/postmortems/${result.slug}/revisions`)).json()) as { revisions: { authorName: string; summary: string }[] };
        expect(revisions).toMatchObject([{ summary: "Created", authorName: ACCOUNTS[who as Role].name }]);
        expect((await request.get(`/api/postmortems/${result.slug}`)).ok()).toBe(true);
        await request.delete(`/api/postmortems/${result.slug}`);
      }
    }
  });

  test("Settings: only the signed-in person changes their own name and password; tokens are made by and for the signed-in", async ({ makePerson, requestAs }) => {
    const person = await makePerson({ role: "viewer" });
    const anonymous = await requestAs("anonymous");
    const own = await person.request();

    const anonymousName = await callAction(anonymous, "app/settings/actions.ts#updateNameAction", "/settings", [null], { name: "Nobody At All" });
    expect(anonymousName.text).not.toContain('"ok":true');
    const anonymousPassword = await callAction(anonymous, "app/settings/actions.ts#changePasswordAction", "/settings", [null], { currentPassword: person.password, newPassword: "an anonymous new password", newPasswordRepeat: "an anonymous new password" });
    expect(anonymousPassword.text).not.toContain('"ok":true');
    const anonymousToken = await callAction(anonymous, "app/settings/tokens/actions.ts#createTokenAction", "/settings/tokens", [null], { name: "anonymous" });
    expect(anonymousToken.text).not.toMatch(/hsp_[A-Za-z0-9_-]{32,}/);
    expect(await whoIs(person)).toMatchObject({ status: 200, name: person.name });
    // The password is still the old one: signing in with it works.
    await (await signedInRequest(person)).dispose();

    const renamed = `${person.name} (renamed)`;
    await callAction(own, "app/settings/actions.ts#updateNameAction", "/settings", [null], { name: renamed });
    expect(await whoIs(person)).toMatchObject({ status: 200, name: renamed });
    const made = await callAction(own, "app/settings/tokens/actions.ts#createTokenAction", "/settings/tokens", [null], { name: "made in settings" });
    const token = /hsp_[A-Za-z0-9_-]{32,}/.exec(made.text)?.[0];
    expect(token, made.text.slice(0, 300)).toBeTruthy();
    const client = await playwrightRequest.newContext({ baseURL: BASE_URL, storageState: { cookies: [], origins: [] }, extraHTTPHeaders: { authorization: `Bearer ${token}` } });
    expect((await (await client.get("/api/me")).json()).email).toBe(person.email);
    await client.dispose();
  });

  test("Settings → Tokens: a token is revoked only by its owner or an admin", async ({ makePerson, requestAs, request }) => {
    const owner = await makePerson({ role: "editor" });
    const listed = JSON.parse(await runCli(["token", "list", owner.email, "--json"])) as { id: string }[];
    expect(listed).toHaveLength(1);
    const [{ id }] = listed;
    for (const who of ["anonymous", "viewer", "editor"] as const) {
      await callAction(await requestAs(who), "app/settings/tokens/actions.ts#revokeTokenAction", "/settings/tokens", [id]);
      expect(await whoIs(owner), `${who} could not revoke someone else's token`).toMatchObject({ status: 200 });
    }
    await callAction(request, "app/settings/tokens/actions.ts#revokeTokenAction", "/settings/tokens", [id]);
    expect(await whoIs(owner), "the admin revoked it").toMatchObject({ status: 401 });
  });

  test("Setup: once someone has an account, nobody can make a first admin", async ({ requestAs, request }) => {
    for (const who of EVERYONE) {
      const email = `${slugOf(uniqueTitle(`setup by ${who}`))}@example.com`;
      const answer = await callAction(await requestAs(who), "app/setup/actions.ts#setUpFirstAdmin", "/setup", [null], { name: "Second First Admin", email, password: "a perfectly long password 99" });
      expect(answer.text).not.toContain('"ok":true');
      expect(await peoplePageMentions(request, email), `${who} made no admin`).toBe(false);
    }
  });
});
