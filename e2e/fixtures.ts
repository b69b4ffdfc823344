import { test as base, expect, type APIRequestContext, type APIResponse } from "@playwright/test";
import { readFileSync } from "node:fs";
import path from "node:path";

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

export async function createPostmortem(
  request: APIRequestContext,
  overrides: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<Doc> {
  const response = await request.post("/api/postmortems", { data: fullDocument({ title: uniqueTitle(), ...overrides }), headers });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as Doc;
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

type Fixtures = {
  /** Creates postmortems through the API; archives them when the test ends. */
  makePostmortem: (overrides?: Record<string, unknown>, headers?: Record<string, string>) => Promise<Doc>;
};

export const test = base.extend<Fixtures>({
  // Every test's page fails on an uncaught error in the browser (a hydration mismatch included).
  page: async ({ page }, provide) => {
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await provide(page);
    expect(errors, "uncaught errors in the page").toEqual([]);
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
});

export { expect };
