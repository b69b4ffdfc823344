// Fallback paths driven for real on a SQLite file: a write lock held past the
// busy timeout, a full disk (max_page_count), a read-only connection. Each
// must end in a clear UNAVAILABLE error (503 at the API), never a crash, and
// leave every stored postmortem exactly as it was.
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import fixture from "@/e2e/fixtures/full-postmortem.json";
import { postmortemInputSchema, type PostmortemDraft } from "@/lib/schemas/postmortem";
import { giveTestFileFreshDatabase } from "@/lib/server/testing/fresh-database";
import { appErrorOf } from "@/lib/server/testing/app-error-of";

const file = giveTestFileFreshDatabase();
// Short, so the locked case fails fast instead of waiting the default 5 s.
process.env.HINDSIGHT_BUSY_TIMEOUT_MS = "200";
const { createPostmortem, getPostmortem, savePostmortem } = await import("@/lib/server/postmortems");
const { getDb } = await import("@/lib/server/db");
const { apiRoute } = await import("@/lib/server/http/responses");

const draftOf = (overrides: Record<string, unknown> = {}): PostmortemDraft =>
  postmortemInputSchema.parse({ ...fixture, slug: undefined, ...overrides });

/** Row counts of every table a postmortem writes to, to show a failed write left nothing behind. */
function tableCounts() {
  const db = new Database(file, { readonly: true });
  try {
    const tables = ["Postmortem", "TimelineEvent", "Why", "ContributingFactor", "CorrectiveAction", "Section", "Revision", "SearchDocument"];
    return Object.fromEntries(tables.map((table) => [table, db.prepare(`SELECT count(*) FROM "${table}"`).pluck().get()]));
  } finally {
    db.close();
  }
}

const restores: (() => Promise<unknown> | void)[] = [];
afterEach(async () => {
  for (const restore of restores.splice(0).reverse()) await restore();
});

describe("a write lock held by another connection past the busy timeout", () => {
  it("fails the save with 'The database is busy', keeps the postmortem, and the retry succeeds", async () => {
    const created = await createPostmortem({ draft: draftOf({ title: "Locked database save" }) });
    const before = tableCounts();
    const other = new Database(file, { timeout: 0 });
    other.exec("BEGIN IMMEDIATE");
    restores.push(() => void other.close());

    const error = await appErrorOf(savePostmortem({ slug: created.slug, version: 1, draft: draftOf({ title: "Never saved" }) }));
    expect(error.code).toBe("UNAVAILABLE");
    expect(error.message).toMatch(/^The database is busy .* Nothing was saved; try again/);

    other.exec("ROLLBACK");
    expect(tableCounts()).toEqual(before);
    expect(await getPostmortem({ slug: created.slug })).toMatchObject({ version: 1, title: "Locked database save" });
    const saved = await savePostmortem({ slug: created.slug, version: 1, draft: draftOf({ title: "Saved after the lock" }) });
    expect(saved).toMatchObject({ version: 2, title: "Saved after the lock" });
  });

  it("answers a create over the API with 503 and the reason, not a 500", async () => {
    const other = new Database(file, { timeout: 0 });
    other.exec("BEGIN IMMEDIATE");
    restores.push(() => void other.close());
    const handler = apiRoute(async () => Response.json(await createPostmortem({ draft: draftOf({ title: "Created while locked" }) }), { status: 201 }));

    const response = await handler(new Request("http://localhost/api/postmortems", { method: "POST" }), {});
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ error: { code: "UNAVAILABLE", message: expect.stringMatching(/busy/), fields: {} }, reason: "busy" });
  });
});

describe("a full disk (SQLite's max_page_count on the app's own connection)", () => {
  it("fails a large create with 'disk is full' and writes none of it", async () => {
    const db = await getDb();
    const [{ pages }] = await db.$queryRawUnsafe<{ pages: bigint }[]>("SELECT page_count AS pages FROM pragma_page_count()");
    // Room for a few pages only: the postmortem below needs hundreds.
    await db.$queryRawUnsafe(`PRAGMA max_page_count = ${Number(pages) + 3}`);
    restores.push(() => db.$queryRawUnsafe("PRAGMA max_page_count = 4294967294"));
    const before = tableCounts();
    const timeline = Array.from({ length: 2000 }, (_, i) => ({ at: null, kind: "note", text: `Event ${i}: ${"the disk filled up ".repeat(10)}` }));

    const error = await appErrorOf(createPostmortem({ draft: draftOf({ title: "Too big for the disk", timeline }) }));
    expect(error.code).toBe("UNAVAILABLE");
    expect(error.message).toMatch(/disk is full\. Nothing was saved/);
    expect(tableCounts()).toEqual(before);
  });

  it("fails a save the same way and keeps the version that was there", async () => {
    const created = await createPostmortem({ draft: draftOf({ title: "Saved onto a full disk" }) });
    const db = await getDb();
    const [{ pages }] = await db.$queryRawUnsafe<{ pages: bigint }[]>("SELECT page_count AS pages FROM pragma_page_count()");
    await db.$queryRawUnsafe(`PRAGMA max_page_count = ${Number(pages) + 3}`);
    restores.push(() => db.$queryRawUnsafe("PRAGMA max_page_count = 4294967294"));
    const sections = Array.from({ length: 200 }, (_, i) => ({ title: `Appendix ${i}`, body: "Queue depth notes. ".repeat(200) }));

    const error = await appErrorOf(savePostmortem({ slug: created.slug, version: 1, draft: draftOf({ sections }) }));
    expect(error.code).toBe("UNAVAILABLE");
    expect(await getPostmortem({ slug: created.slug })).toMatchObject({ version: 1, title: "Saved onto a full disk" });
  });
});

describe("a read-only database", () => {
  it("refuses writes with a message about the file's permissions and keeps serving reads", async () => {
    const created = await createPostmortem({ draft: draftOf({ title: "Read-only database" }) });
    const db = await getDb();
    await db.$queryRawUnsafe("PRAGMA query_only = 1");
    restores.push(() => db.$queryRawUnsafe("PRAGMA query_only = 0"));

    const error = await appErrorOf(savePostmortem({ slug: created.slug, version: 1, draft: draftOf({ title: "Never saved" }) }));
    expect(error.code).toBe("UNAVAILABLE");
    expect(error.message).toMatch(/read-only/);
    expect(await getPostmortem({ slug: created.slug })).toMatchObject({ version: 1, title: "Read-only database" });
  });
});
