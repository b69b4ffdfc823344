import http from "node:http";
import { ACCOUNTS, ADMIN, sessionCookieHeader } from "./auth";
import {
  createPostmortem,
  type Doc,
  expect,
  expectApiError,
  fullDocument,
  getPostmortem,
  test,
  uniqueSlug,
  uniqueTitle,
} from "./fixtures";

type ListPage = {
  items: { slug: string; status: string }[];
  page: number;
  perPage: number;
  total: number;
  totalPages: number;
};

type Revision = { version: number; authorName: string; summary: string; createdAt: string };

const TWO_MB = 2 * 1024 * 1024;
const JSON_HEADERS = { "content-type": "application/json" };

/** `slugify` as the API applies it to the ASCII titles `uniqueTitle()` makes. */
function slugOf(title: string): string {
  return title.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
}

function isRecentIso(value: unknown): boolean {
  if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/.test(value)) return false;
  return Math.abs(Date.now() - Date.parse(value)) < 5 * 60_000;
}

test.describe("creating and reading", () => {
  test("POST stores the full document as a draft and GET returns it unchanged", async ({ request, baseURL }) => {
    const input = fullDocument({ title: uniqueTitle("Full document") });
    expect(input.status).toBe("in_review");
    const response = await request.post("/api/postmortems", { data: input });
    expect(response.status(), await response.text()).toBe(201);
    const created = (await response.json()) as Doc;
    const slug = slugOf(input.title as string);
    try {
      expect(response.headers()["location"]).toBe(new URL(`/api/postmortems/${slug}`, baseURL).href);
      // Everything as sent but the status: a new postmortem is a draft, and only
      // POST …/status moves it on, with its checks and its record (issue 14).
      expect(created).toEqual({
        ...input,
        status: "draft",
        slug,
        version: 1,
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      });
      expect(isRecentIso(created.createdAt), String(created.createdAt)).toBe(true);
      expect(isRecentIso(created.updatedAt), String(created.updatedAt)).toBe(true);

      expect(await getPostmortem(request, slug)).toEqual(created);
    } finally {
      await request.delete(`/api/postmortems/${slug}`);
    }
  });

  test("a minimal document gets every key with its default", async ({ request }) => {
    const title = uniqueTitle("Minimal");
    const response = await request.post("/api/postmortems", { data: { title } });
    expect(response.status(), await response.text()).toBe(201);
    const created = (await response.json()) as Doc;
    try {
      expect(created).toEqual({
        title,
        slug: slugOf(title),
        version: 1,
        summary: "",
        severity: null,
        status: "draft",
        timezone: null,
        incidentDate: null,
        services: [],
        tags: [],
        authors: [],
        impact: "",
        impactFigures: { usersAffected: null, errorRate: null, durationMinutes: null, requestsFailed: null, revenueLost: null },
        timeline: [],
        rootCause: { trigger: "", narrative: "", whys: [] },
        contributingFactors: [],
        correctiveActions: [],
        lessons: { wentWell: "", wentWrong: "", lucky: "" },
        sections: [],
        restricted: false,
        members: [],
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      });
    } finally {
      await request.delete(`/api/postmortems/${created.slug}`);
    }
  });

  test("the slug comes from the title, and the same title again gets -2", async ({ makePostmortem }) => {
    const title = uniqueTitle("Same title");
    const first = await makePostmortem({ title });
    const second = await makePostmortem({ title });
    expect(first.slug).toBe(slugOf(title));
    expect(second.slug).toBe(`${slugOf(title)}-2`);
    expect(second.title).toBe(title);
  });

  test("an explicit slug is used as given; the same slug again is a 409 that stores nothing", async ({ makePostmortem, request }) => {
    const slug = uniqueSlug("explicit");
    const original = await makePostmortem({ slug });
    expect(original.slug).toBe(slug);

    const duplicate = await request.post("/api/postmortems", { data: fullDocument({ slug, title: uniqueTitle("Duplicate") }) });
    const body = await expectApiError(duplicate, 409, "CONFLICT");
    expect(body.error.message).toContain(slug);
    expect(Object.keys(body.error.fields)).toEqual(["slug"]);

    expect(await getPostmortem(request, slug)).toEqual(original);
  });
});

test.describe("saving with versions", () => {
  test("PUT with the current version saves; the old version again is a 409 with the current document", async ({
    makePostmortem,
    request,
  }) => {
    const original = await makePostmortem();
    const { slug } = original;

    const edited = { ...original, title: `${original.title} (edited)`, severity: "SEV1" };
    const saved = await request.put(`/api/postmortems/${slug}`, { data: edited });
    expect(saved.status(), await saved.text()).toBe(200);
    const next = (await saved.json()) as Doc;
    expect(next).toEqual({ ...edited, version: original.version + 1, createdAt: original.createdAt, updatedAt: expect.any(String) });
    expect(Date.parse(next.updatedAt as string)).toBeGreaterThanOrEqual(Date.parse(original.updatedAt as string));

    const stale = await request.put(`/api/postmortems/${slug}`, { data: { ...original, title: "Lost update" } });
    const body = await expectApiError(stale, 409, "CONFLICT");
    expect(body.error.message).toMatch(new RegExp(`version ${original.version}\\b.*version ${original.version + 1}\\b`));
    expect(body.current).toEqual(next);
    expect(body.current?.version).toBe(original.version + 1);

    expect(await getPostmortem(request, slug)).toEqual(next);
  });

  test("PUT keeps the status: a status sent with the document is ignored (POST …/status moves it)", async ({ makePostmortem, request }) => {
    const original = await makePostmortem({ status: "draft" });
    for (const status of ["published", "archived", "in_review"]) {
      const current = await getPostmortem(request, original.slug);
      const saved = await request.put(`/api/postmortems/${original.slug}`, { data: { ...current, status, summary: `Saved asking for ${status}` } });
      expect(saved.status(), await saved.text()).toBe(200);
      expect(await saved.json()).toMatchObject({ status: "draft", summary: `Saved asking for ${status}`, version: current.version + 1 });
    }
    const { revisions } = (await (await request.get(`/api/postmortems/${original.slug}/revisions`)).json()) as { revisions: Revision[] };
    expect(revisions.map((revision) => revision.summary)).not.toContain("Published");
  });

  test("PUT without a version is a 422 naming the version field", async ({ makePostmortem, request }) => {
    const original = await makePostmortem();
    const withoutVersion: Record<string, unknown> = { ...original, title: "No version" };
    delete withoutVersion.version;

    const response = await request.put(`/api/postmortems/${original.slug}`, { data: withoutVersion });
    const body = await expectApiError(response, 422, "INVALID");
    expect(Object.keys(body.error.fields)).toEqual(["version"]);
    expect(body.error.fields.version.join(" ")).toMatch(/version/i);

    expect(await getPostmortem(request, original.slug)).toEqual(original);
  });
});

test.describe("archiving and listing", () => {
  test("DELETE archives: still readable, gone from the default list, listed under status=archived", async ({
    makePostmortem,
    request,
  }) => {
    const doc = await makePostmortem();
    const before = (await (await request.get("/api/postmortems?perPage=100")).json()) as ListPage;
    expect(before.items.map((item) => item.slug)).toContain(doc.slug);

    const response = await request.delete(`/api/postmortems/${doc.slug}`);
    expect(response.status(), await response.text()).toBe(200);
    const archived = (await response.json()) as Doc;
    expect(archived).toMatchObject({ slug: doc.slug, status: "archived", version: doc.version + 1, title: doc.title });

    expect(await getPostmortem(request, doc.slug)).toEqual(archived);

    const defaultList = (await (await request.get("/api/postmortems?perPage=100")).json()) as ListPage;
    expect(defaultList.items.map((item) => item.slug)).not.toContain(doc.slug);
    expect(defaultList.items.every((item) => item.status !== "archived")).toBe(true);

    const archivedList = (await (await request.get("/api/postmortems?status=archived&perPage=100")).json()) as ListPage;
    expect(archivedList.items.map((item) => item.slug)).toContain(doc.slug);
    expect(archivedList.items.every((item) => item.status === "archived")).toBe(true);
  });

  test("GET /api/postmortems pages, newest first", async ({ makePostmortem, request }) => {
    const first = await makePostmortem();
    const second = await makePostmortem();
    const third = await makePostmortem();

    const response = await request.get("/api/postmortems?page=1&perPage=2");
    expect(response.status()).toBe(200);
    const page1 = (await response.json()) as ListPage;
    expect(page1.page).toBe(1);
    expect(page1.perPage).toBe(2);
    expect(page1.total).toBeGreaterThanOrEqual(3);
    expect(page1.totalPages).toBe(Math.ceil(page1.total / 2));
    expect(page1.items).toHaveLength(2);
    expect(Object.keys(page1.items[0]).sort()).toEqual(
      ["createdAt", "incidentDate", "services", "severity", "slug", "status", "summary", "tags", "title", "updatedAt"].sort(),
    );

    const page2 = (await (await request.get("/api/postmortems?page=2&perPage=2")).json()) as ListPage;
    expect(page2.page).toBe(2);
    expect(page2.items.length).toBeGreaterThanOrEqual(1);

    const beyond = (await (await request.get(`/api/postmortems?page=${page1.totalPages + 5}&perPage=2`)).json()) as ListPage;
    expect(beyond.items).toEqual([]);
    expect(beyond.page).toBe(page1.totalPages + 5);

    // Most recently updated first: of our three, the last one made comes first.
    const all = (await (await request.get("/api/postmortems?perPage=100")).json()) as ListPage;
    const positions = [third, second, first].map((doc) => all.items.findIndex((item) => item.slug === doc.slug));
    expect(positions.every((position) => position >= 0), JSON.stringify(positions)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  for (const query of [
    "page=-1",
    "page=0",
    "page=1.5",
    "page=abc",
    "page=99999999999",
    "perPage=abc",
    "perPage=0",
    "perPage=100000",
    "status=bogus",
    "page=&perPage=&status=",
    "page=2&page=x",
    "page=%E0%A4%A",
  ]) {
    test(`GET /api/postmortems?${query} falls back to defaults instead of failing`, async ({ request }) => {
      const response = await request.get(`/api/postmortems?${query}`);
      expect(response.status(), await response.text()).toBe(200);
      const page = (await response.json()) as ListPage;
      expect(page.page).toBeGreaterThanOrEqual(1);
      expect(page.perPage).toBeGreaterThanOrEqual(1);
      expect(page.perPage).toBeLessThanOrEqual(100);
      if (/^page=(-1|0|1\.5|abc|99999999999)$/.test(query)) expect(page.page).toBe(1);
      if (/^perPage=/.test(query)) expect(page.perPage).toBe(20);
      if (query === "status=bogus") expect(page.items.every((item) => item.status !== "archived")).toBe(true);
    });
  }
});

test.describe("revisions", () => {
  test("list every version newest first, each signed by whoever was signed in, with a summary", async ({
    makePostmortem,
    request,
    requestAs,
  }) => {
    const created = await makePostmortem({ status: "draft" });
    const editor = await requestAs("editor");

    // X-Hindsight-Author is gone (issue 14): a name a client sends signs nothing.
    const edit = await request.put(`/api/postmortems/${created.slug}`, {
      data: { ...created, title: `${created.title} (v2)`, tags: ["cache"] },
      headers: { "x-hindsight-author": "Jonas Weber" },
    });
    expect(edit.status(), await edit.text()).toBe(200);
    const v2 = (await edit.json()) as Doc;

    const byEditor = await editor.put(`/api/postmortems/${created.slug}`, { data: { ...v2, severity: "SEV4" } });
    expect(byEditor.status(), await byEditor.text()).toBe(200);

    const archive = await request.delete(`/api/postmortems/${created.slug}`, {
      headers: { "x-hindsight-author": encodeURIComponent("Zoë Ångström") },
    });
    expect(archive.status(), await archive.text()).toBe(200);

    const response = await request.get(`/api/postmortems/${created.slug}/revisions`);
    expect(response.status(), await response.text()).toBe(200);
    const { revisions } = (await response.json()) as { revisions: Revision[] };
    expect(revisions.map(({ version, authorName, summary }) => ({ version, authorName, summary }))).toEqual([
      { version: 4, authorName: ADMIN.name, summary: "Archived" },
      { version: 3, authorName: ACCOUNTS.editor.name, summary: "Edited severity" },
      { version: 2, authorName: ADMIN.name, summary: "Edited title and tags" },
      { version: 1, authorName: ADMIN.name, summary: "Created" },
    ]);
    for (const revision of revisions) expect(isRecentIso(revision.createdAt), revision.createdAt).toBe(true);
  });

  test("of an unknown slug is a 404", async ({ request }) => {
    await expectApiError(await request.get(`/api/postmortems/${uniqueSlug("missing")}/revisions`), 404, "NOT_FOUND");
  });
});

test.describe("bad input", () => {
  test("malformed JSON is a 400 naming the problem", async ({ makePostmortem, request }) => {
    const doc = await makePostmortem();
    const malformed = Buffer.from('{"title": "Trailing comma",}');
    for (const send of [
      () => request.post("/api/postmortems", { data: malformed, headers: JSON_HEADERS }),
      () => request.put(`/api/postmortems/${doc.slug}`, { data: malformed, headers: JSON_HEADERS }),
    ]) {
      const body = await expectApiError(await send(), 400, "BAD_REQUEST");
      expect(body.error.message).toMatch(/not valid JSON/);
      expect(body.error.message).toMatch(/property name|position \d+/);
    }
    expect(await getPostmortem(request, doc.slug)).toEqual(doc);
  });

  test("an empty body is a 400", async ({ makePostmortem, request }) => {
    const doc = await makePostmortem();
    const body = await expectApiError(
      await request.put(`/api/postmortems/${doc.slug}`, { data: Buffer.from(" \n "), headers: JSON_HEADERS }),
      400,
      "BAD_REQUEST",
    );
    expect(body.error.message).toMatch(/empty/);
    expect(await getPostmortem(request, doc.slug)).toEqual(doc);
  });

  test("a body that is not JSON is a 415", async ({ makePostmortem, request }) => {
    const doc = await makePostmortem();
    const json = Buffer.from(JSON.stringify({ ...doc, title: "Sent as text" }));
    const answers = [
      await request.post("/api/postmortems", { data: json, headers: { "content-type": "text/plain" } }),
      await request.put(`/api/postmortems/${doc.slug}`, { data: json, headers: { "content-type": "text/plain" } }),
      await request.put(`/api/postmortems/${doc.slug}`, { form: { title: "Sent as a form", version: String(doc.version) } }),
    ];
    for (const answer of answers) {
      const body = await expectApiError(answer, 415, "UNSUPPORTED_MEDIA_TYPE");
      expect(body.error.message).toContain("application/json");
    }
    expect(await getPostmortem(request, doc.slug)).toEqual(doc);
  });

  test("a body over 2 MB is a 413 (declared by Content-Length)", async ({ makePostmortem, request }) => {
    const doc = await makePostmortem();
    const big = Buffer.from(JSON.stringify({ ...doc, impact: "x".repeat(TWO_MB) }));
    expect(big.byteLength).toBeGreaterThan(TWO_MB);
    for (const send of [
      () => request.post("/api/postmortems", { data: big, headers: JSON_HEADERS }),
      () => request.put(`/api/postmortems/${doc.slug}`, { data: big, headers: JSON_HEADERS }),
    ]) {
      const body = await expectApiError(await send(), 413, "TOO_LARGE");
      expect(body.error.message).toMatch(/2 MB/);
    }
    expect(await getPostmortem(request, doc.slug)).toEqual(doc);
  });

  test("a body over 2 MB sent in chunks without Content-Length is a 413", async ({ makePostmortem, request, baseURL }) => {
    const doc = await makePostmortem();
    const answer = await sendChunked(new URL(`/api/postmortems/${doc.slug}`, baseURL).toString(), "PUT", TWO_MB + 64 * 1024);
    expect(answer.status, answer.body).toBe(413);
    expect(JSON.parse(answer.body)).toMatchObject({ error: { code: "TOO_LARGE", message: expect.stringMatching(/2 MB/) } });
    expect(await getPostmortem(request, doc.slug)).toEqual(doc);
  });

  test("invalid fields are a 422 that names every field path", async ({ makePostmortem, request }) => {
    const doc = await makePostmortem();
    const invalid = {
      title: "",
      severity: "SEV9",
      timeline: [{ at: "13:55 PM", kind: "note", text: "Something happened", link: "javascript:alert(1)" }],
      impactFigures: { errorRate: 150, usersAffected: -1 },
      foo: "bar",
    };
    const expectedFields = [
      "foo",
      "impactFigures.errorRate",
      "impactFigures.usersAffected",
      "severity",
      "timeline.0.at",
      "timeline.0.link",
      "title",
    ];
    const newSlug = uniqueSlug("invalid");
    const answers = [
      await request.post("/api/postmortems", { data: { ...invalid, slug: newSlug } }),
      await request.put(`/api/postmortems/${doc.slug}`, { data: { ...doc, ...invalid } }),
    ];
    for (const answer of answers) {
      const body = await expectApiError(answer, 422, "INVALID");
      expect(Object.keys(body.error.fields).sort()).toEqual(expectedFields);
      expect(body.error.message).toBe("The document has 7 invalid fields.");
      for (const path of expectedFields) {
        expect(body.error.fields[path].length, path).toBeGreaterThan(0);
        for (const message of body.error.fields[path]) expect(message.trim(), path).not.toBe("");
      }
      expect(body.error.fields["timeline.0.link"].join(" ")).toMatch(/https?:/);
    }
    expect(await getPostmortem(request, doc.slug)).toEqual(doc);
    await expectApiError(await request.get(`/api/postmortems/${newSlug}`), 404, "NOT_FOUND");
  });

  for (const [name, value] of [
    ["an array", [{ title: "In an array" }]],
    ["a string", "a postmortem"],
    ["a number", 42],
    ["null", null],
  ] as const) {
    test(`a JSON body that is ${name} is a 422`, async ({ makePostmortem, request }) => {
      const doc = await makePostmortem();
      // A Buffer, so that Playwright sends the bytes as they are.
      const data = Buffer.from(JSON.stringify(value));
      for (const answer of [
        await request.post("/api/postmortems", { data, headers: JSON_HEADERS }),
        await request.put(`/api/postmortems/${doc.slug}`, { data, headers: JSON_HEADERS }),
      ]) {
        const body = await expectApiError(answer, 422, "INVALID");
        expect(body.error.message).toMatch(/JSON object/);
      }
      expect(await getPostmortem(request, doc.slug)).toEqual(doc);
    });
  }

  test("an unknown slug is a 404 for GET, PUT and DELETE", async ({ request }) => {
    const slug = uniqueSlug("nobody");
    const document = { ...fullDocument({ title: uniqueTitle() }), version: 1 };
    for (const answer of [
      await request.get(`/api/postmortems/${slug}`),
      await request.put(`/api/postmortems/${slug}`, { data: document }),
      await request.delete(`/api/postmortems/${slug}`),
    ]) {
      const body = await expectApiError(answer, 404, "NOT_FOUND");
      expect(body.error.message).toContain(slug);
    }
    await expectApiError(await request.get(`/api/postmortems/${slug}`), 404, "NOT_FOUND");
  });

  test("renaming to a slug that is taken is a 409 that changes neither document", async ({ makePostmortem, request }) => {
    const taken = await makePostmortem();
    const doc = await makePostmortem();
    const response = await request.put(`/api/postmortems/${doc.slug}`, { data: { ...doc, slug: taken.slug } });
    const body = await expectApiError(response, 409, "CONFLICT");
    expect(Object.keys(body.error.fields)).toEqual(["slug"]);
    expect(await getPostmortem(request, doc.slug)).toEqual(doc);
    expect(await getPostmortem(request, taken.slug)).toEqual(taken);
  });
});

test.describe("the rest of /api", () => {
  test("GET /api/health reports a reachable, migrated database", async ({ request }) => {
    const response = await request.get("/api/health");
    expect(response.status()).toBe(200);
    expect(response.headers()["cache-control"]).toContain("no-store");
    const body = await response.json();
    expect(body).toMatchObject({ ok: true, database: "reachable", migrations: { pending: [] } });
    expect(body.migrations.applied).toBeGreaterThanOrEqual(1);
  });

  for (const path of ["/api/nope", "/api/postmortems/some-slug/unknown", "/api/postmortems/a/b/c/d"]) {
    test(`GET ${path} is a 404, not a 500`, async ({ request }) => {
      const response = await request.get(path);
      expect(response.status()).toBe(404);
      expect((await response.json()).error.code).toBe("NOT_FOUND");
    });
  }

  for (const method of ["GET", "PUT", "DELETE"] as const) {
    test(`${method} with a malformed percent-escape in the slug is a 4xx, not a 500`, async ({ request }) => {
      const response = await request.fetch("/api/postmortems/%E0%A4%A", {
        method,
        ...(method === "PUT" ? { data: { title: "x", version: 1 } } : {}),
      });
      expect(response.status()).toBeLessThan(500);
    });
  }

  test("a POST to an unknown API path is a 404, not a 500", async ({ request }) => {
    const response = await request.post("/api/nope", { data: { title: "x" } });
    expect(response.status()).toBe(404);
  });

  test("an unsupported method on a known path is a 405, not a 500", async ({ request }) => {
    const doc = await createPostmortem(request);
    try {
      const response = await request.patch(`/api/postmortems/${doc.slug}`, { data: { title: "Patched" } });
      expect(response.status()).toBe(405);
      expect(await getPostmortem(request, doc.slug)).toEqual(doc);
    } finally {
      await request.delete(`/api/postmortems/${doc.slug}`);
    }
  });
});

/**
 * Sends `size` bytes of JSON with Transfer-Encoding: chunked (no Content-Length),
 * which Playwright's request fixture cannot do. The server may answer before
 * the body is complete, so write errors after the answer are expected.
 */
function sendChunked(url: string, method: string, size: number): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    // Signed in as the admin (a request without credentials would stop at 401, never reading the body).
    const req = http.request(url, { method, headers: { ...JSON_HEADERS, "transfer-encoding": "chunked", cookie: sessionCookieHeader("admin") } }, (res) => {
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
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    req.write('{"title":"Chunked","version":1,"impact":"');
    let sent = 0;
    const pump = () => {
      while (sent < size) {
        sent += chunk.length;
        if (!req.write(chunk)) {
          req.once("drain", pump);
          return;
        }
      }
      req.end('"}');
    };
    pump();
  });
}
