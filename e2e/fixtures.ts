import { test as base, expect, type APIRequestContext } from "@playwright/test";
import { readFileSync } from "node:fs";
import path from "node:path";

export type Doc = Record<string, unknown> & { slug: string; version: number; title: string };

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

export async function createPostmortem(request: APIRequestContext, overrides: Record<string, unknown> = {}): Promise<Doc> {
  const response = await request.post("/api/postmortems", { data: fullDocument({ title: uniqueTitle(), ...overrides }) });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as Doc;
}

type Fixtures = {
  /** Creates postmortems through the API; archives them when the test ends. */
  makePostmortem: (overrides?: Record<string, unknown>) => Promise<Doc>;
};

export const test = base.extend<Fixtures>({
  makePostmortem: async ({ request }, use) => {
    const created: string[] = [];
    await use(async (overrides = {}) => {
      const doc = await createPostmortem(request, overrides);
      created.push(doc.slug);
      return doc;
    });
    for (const slug of created) await request.delete(`/api/postmortems/${slug}`);
  },
});

export { expect };
