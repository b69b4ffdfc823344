// Re-indexing (`npx hindsight reindex`), which now reads each batch under the
// write lock (so a save from another server in between cannot be overwritten
// in the index with the old text): it still rebuilds a lost index.
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { postmortemInputSchema } from "@/lib/schemas/postmortem";
import { giveTestFileFreshDatabase } from "@/lib/server/testing/fresh-database";

const file = giveTestFileFreshDatabase();
const { createPostmortem } = await import("@/lib/server/postmortems");
const { rebuildSearchIndex, searchPostmortems } = await import("@/lib/server/search");
const { parseSearchParams } = await import("@/lib/schemas/search");

const totalFor = async (q: string) => (await searchPostmortems(parseSearchParams(new URLSearchParams({ q })))).total;

describe("rebuildSearchIndex", () => {
  it("indexes every postmortem again from its rows", async () => {
    await createPostmortem({ draft: postmortemInputSchema.parse({ title: "Kestrel gateway outage" }) });
    await createPostmortem({ draft: postmortemInputSchema.parse({ title: "Kestrel queue backlog" }) });
    const db = new Database(file);
    db.exec(`DELETE FROM "SearchDocument"`);
    db.close();
    expect(await totalFor("kestrel")).toBe(0);

    expect((await rebuildSearchIndex()).indexed).toBe(2);
    expect(await totalFor("kestrel")).toBe(2);
  });
});
