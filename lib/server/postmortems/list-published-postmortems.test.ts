import { describe, expect, it } from "vitest";
import fixture from "@/e2e/fixtures/full-postmortem.json";
import { postmortemInputSchema, type PostmortemInput } from "@/lib/schemas/postmortem";
import { giveTestFileFreshDatabase } from "@/lib/server/testing/fresh-database";

giveTestFileFreshDatabase();
const { archivePostmortem, createPostmortem, getPostmortem, listPublishedPostmortems } = await import("@/lib/server/postmortems");

const create = (input: PostmortemInput) => createPostmortem({ draft: postmortemInputSchema.parse(input) });

describe("listPublishedPostmortems", () => {
  it("is empty when nothing is published", async () => {
    await create({ title: "A draft" });
    expect(await listPublishedPostmortems()).toEqual([]);
  });

  it("returns every published postmortem as the full document, oldest incident first", async () => {
    await create({ ...(fixture as PostmortemInput), slug: "full-one", status: "published" });
    await create({ title: "Later incident", status: "published", incidentDate: "2025-01-02" });
    await create({ title: "In review", status: "in_review" });
    await create({ title: "Was published", status: "published" });
    await archivePostmortem({ slug: "was-published" });

    const published = await listPublishedPostmortems();
    expect(published.map((doc) => doc.slug)).toEqual(["full-one", "later-incident"]);
    expect(published[0]).toEqual(await getPostmortem({ slug: "full-one" }));
    expect(published[0].timeline).toHaveLength(7);
    expect(published[0].sections.map((section) => section.internal)).toEqual([false, true]);
  });
});
