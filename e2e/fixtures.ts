import { test as base, expect, type APIRequestContext, type APIResponse, type BrowserContext, type BrowserContextOptions, type Page } from "@playwright/test";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { ANONYMOUS, addPersonWithCli, createTokenWithCli, signedInRequest, storageStateFile, type Role } from "./auth";

export type Doc = Record<string, unknown> & { slug: string; version: number; title: string };

/** The API's error body: { error: { code, message, fields } } plus extras such as `current`. */
export type ErrorBody = {
  error: { code: string; message: string; fields: Record<string, string[]> };
  current?: Doc;
};

/** The full sample document (every field filled) that tests start from. */
export function fullDocument(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const doc = JSON.parse(readFileSync(path.join(__dirname, "fixtures", "full-postmortem.json"), "utf8"));
  delete doc.slug;
  return { ...doc, ...overrides };
}

/** A title no other test uses, so tests never see each other's data. */
export function uniqueTitle(prefix = "E2E incident"): string {
  return `${prefix} ${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

/** A slug no other test uses. */
export function uniqueSlug(prefix = "e2e"): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

export type Status = "draft" | "in_review" | "published" | "archived";

/**
 * Creates a postmortem through the API and brings it to the status the
 * document asks for (the sample's is in_review): POST /api/postmortems
 * always makes a draft, and only the status endpoint moves it on (each move
 * a new version, signed by whoever `request` is).
 */
export async function createPostmortem(
  request: APIRequestContext,
  overrides: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<Doc> {
  const data = fullDocument({ title: uniqueTitle(), ...overrides });
  const response = await request.post("/api/postmortems", { data, headers });
  expect(response.status(), await response.text()).toBe(201);
  const created = (await response.json()) as Doc;
  expect(created.status, "a new postmortem starts as a draft").toBe("draft");
  return moveToStatus(request, created, (data.status as Status | undefined) ?? "draft", headers);
}

/**
 * Moves a postmortem to `status` through POST /api/postmortems/{slug}/status,
 * the way the workflow allows (lib/domain/workflow.ts): reopening a
 * published one gives a reason, an archived one comes back as a draft first.
 * Returns the document as it then is.
 */
export async function moveToStatus(request: APIRequestContext, doc: Doc, status: Status, headers: Record<string, string> = {}): Promise<Doc> {
  let current = doc;
  const step = async (to: Status, reason?: string) => {
    const response = await request.post(`/api/postmortems/${current.slug}/status`, { data: reason ? { status: to, reason } : { status: to }, headers });
    expect(response.status(), `${current.status} → ${to}: ${await response.text()}`).toBe(200);
    current = (await response.json()) as Doc;
  };
  if (current.status === status) return current;
  if (current.status === "archived") await step("draft");
  if (current.status === "published" && status !== "archived") await step("in_review", "Reopened by the e2e fixture");
  if (current.status !== status) await step(status);
  return current;
}

/** The stored document, read back over HTTP. */
export async function getPostmortem(request: APIRequestContext, slug: string): Promise<Doc> {
  const response = await request.get(`/api/postmortems/${slug}`);
  expect(response.status(), await response.text()).toBe(200);
  return (await response.json()) as Doc;
}

/** Asserts an API error answer: the status, a JSON body of the documented shape, and the code. */
export async function expectApiError(response: APIResponse, status: number, code: string): Promise<ErrorBody> {
  const text = await response.text();
  expect(response.status(), text).toBe(status);
  expect(response.headers()["content-type"]).toMatch(/^application\/json/);
  const body = JSON.parse(text) as ErrorBody;
  expect(body).toMatchObject({
    error: { code, message: expect.any(String), fields: expect.any(Object) },
  });
  expect(body.error.message.trim().length).toBeGreaterThan(0);
  return body;
}

/** Someone made for one test (makePerson), with ways to act as them. */
export type Person = {
  email: string;
  name: string;
  role: Role;
  password: string;
  /** A personal access token of theirs (read-only when asked), made with the CLI. */
  token: string;
  /** A request context signed in as them (session cookie), disposed when the test ends. */
  request: () => Promise<APIRequestContext>;
  /** A browser context signed in as them, closed when the test ends. */
  browserContext: () => Promise<BrowserContext>;
  /** A request context that sends their token (`Authorization: Bearer`) and no cookie. */
  tokenRequest: () => Promise<APIRequestContext>;
};

type Fixtures = {
  /** Creates postmortems through the API (at the status asked for); archives them when the test ends. */
  makePostmortem: (overrides?: Record<string, unknown>, headers?: Record<string, string>) => Promise<Doc>;
  /** Adds a person with the operator's CLI (user add --password-stdin, token create). */
  makePerson: (options: { role: Role; readOnlyToken?: boolean }) => Promise<Person>;
  /** A request context signed in as the suite's viewer, editor or admin (their saved sessions, e2e/auth.ts); "anonymous" sends no credentials. */
  requestAs: (who: Role | "anonymous") => Promise<APIRequestContext>;
  /** A page in a browser context of its own (another person: no shared storage, the admin's session unless `options` say otherwise), held to `page`'s rule: no uncaught error. Closed when the test ends. */
  openPage: (options?: BrowserContextOptions) => Promise<Page>;
};

export const test = base.extend<Fixtures>({
  // Every test's page fails on an uncaught error in the browser (a hydration mismatch included).
  page: async ({ page }, provide) => {
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await provide(page);
    expect(errors, "uncaught errors in the page").toEqual([]);
  },
  openPage: async ({ browser }, provide) => {
    const contexts: BrowserContext[] = [];
    const errors: string[] = [];
    await provide(async (options = {}) => {
      const context = await browser.newContext(options);
      contexts.push(context);
      const page = await context.newPage();
      page.on("pageerror", (error) => errors.push(error.message));
      return page;
    });
    for (const context of contexts) await context.close();
    expect(errors, "uncaught errors in the other pages").toEqual([]);
  },
  // `provide` rather than Playwright's usual `use`, which the React hooks lint rule mistakes for a hook.
  makePostmortem: async ({ request }, provide) => {
    const created: string[] = [];
    await provide(async (overrides = {}, headers = {}) => {
      const doc = await createPostmortem(request, overrides, headers);
      created.push(doc.slug);
      return doc;
    });
    // Tidying up is not what a test checks: a kept-alive socket the server closed
    // at the same moment (seen on a loaded machine as ECONNRESET) gets one retry.
    for (const slug of created) {
      await request.delete(`/api/postmortems/${slug}`).catch(() => request.delete(`/api/postmortems/${slug}`));
    }
  },
  requestAs: async ({ playwright, baseURL }, provide) => {
    const contexts: APIRequestContext[] = [];
    await provide(async (who) => {
      const context = await playwright.request.newContext({ baseURL, storageState: who === "anonymous" ? ANONYMOUS : storageStateFile(who) });
      contexts.push(context);
      return context;
    });
    for (const context of contexts) await context.dispose();
  },
  makePerson: async ({ browser, playwright, baseURL }, provide, testInfo) => {
    // Each person costs two runs of the CLI (a few seconds each on a loaded machine).
    testInfo.setTimeout(testInfo.timeout + 30_000);
    const contexts: { dispose?: () => Promise<void>; close?: () => Promise<void> }[] = [];
    await provide(async ({ role, readOnlyToken = false }) => {
      const id = `${Date.now().toString(36)}${randomBytes(3).toString("hex")}`;
      const account = { email: `e2e-${role}-${id}@example.com`, name: `E2E ${role[0].toUpperCase()}${role.slice(1)} ${id}`, role, password: `pw ${randomBytes(12).toString("base64url")} kettle` };
      await addPersonWithCli(account);
      const token = await createTokenWithCli(account.email, { name: `e2e ${id}`, readOnly: readOnlyToken });
      return {
        ...account,
        token,
        request: async () => {
          const context = await signedInRequest(account, { baseURL });
          contexts.push(context);
          return context;
        },
        browserContext: async () => {
          const signedIn = await signedInRequest(account, { baseURL });
          const storageState = await signedIn.storageState();
          await signedIn.dispose();
          const context = await browser.newContext({ baseURL, storageState });
          contexts.push(context);
          return context;
        },
        tokenRequest: async () => {
          const context = await playwright.request.newContext({ baseURL, storageState: ANONYMOUS, extraHTTPHeaders: { authorization: `Bearer ${token}` } });
          contexts.push(context);
          return context;
        },
      };
    });
    for (const context of contexts) await (context.dispose?.() ?? context.close?.());
  },
});

export { expect };
