import { describe, expect, it } from "vitest";
import { generatePostmortem } from "@/lib/domain/synthetic/generate-postmortem";
import { giveTestFileFreshDatabase } from "@/lib/server/testing/fresh-database";
import { toChildRows } from "./mapper";
import { syntheticPostmortem, timelineRows } from "./seed-synthetic-batch";

giveTestFileFreshDatabase();
const { seedSyntheticPostmortems } = await import("./seed-synthetic");
const { createPostmortem, getPostmortem, getRevision, listRevisions } = await import("@/lib/server/postmortems");
const { searchPostmortems } = await import("@/lib/server/search");
const { parseSearchParams } = await import("@/lib/schemas/search");

describe("seedSyntheticPostmortems", () => {
  it("writes what a create writes: the rows, the first revision and the search document", async () => {
    const progress: number[] = [];
    const { created, firstId } = await seedSyntheticPostmortems({ count: 25, batchSize: 10, useWorker: false, onProgress: (done) => progress.push(done) });
    expect(created).toBe(25);
    expect(firstId).toBe(1);
    expect(progress).toEqual([10, 20, 25]);

    for (const id of [1, 13, 25]) {
      const expected = syntheticPostmortem(id).document;
      const stored = await getPostmortem({ slug: expected.slug });
      expect(stored).toEqual(expected);
      expect(await getRevision({ slug: expected.slug, version: 1 })).toEqual(expected);
      expect((await listRevisions({ slug: expected.slug })).map((r) => r.summary)).toEqual(["Created"]);
    }
    const everything = await searchPostmortems(parseSearchParams({ status: ["draft", "in_review", "published", "archived"] }));
    expect(everything.total).toBe(25);
    const title = syntheticPostmortem(7).document.title;
    const found = await searchPostmortems(parseSearchParams({ q: `"${title}"` }));
    expect(found.results.map((r) => r.slug)).toContain(syntheticPostmortem(7).document.slug);
  });

  it("continues after the postmortems already there, including ones people wrote", async () => {
    const mine = await createPostmortem({ draft: { ...generatePostmortem(1), title: "Written by hand", slug: undefined } });
    const { firstId } = await seedSyntheticPostmortems({ count: 3, useWorker: false });
    expect(firstId).toBe(27);
    expect((await getPostmortem({ slug: mine.slug })).title).toBe("Written by hand");
    expect((await getPostmortem({ slug: syntheticPostmortem(29).document.slug })).version).toBe(1);
  });

  it("builds timeline rows exactly as the general mapper does", () => {
    for (let id = 1; id <= 200; id++) {
      const draft = generatePostmortem(id);
      expect(timelineRows(draft, id)).toEqual(toChildRows(draft, id).timeline);
    }
  });
});
