import { beforeAll, describe, expect, it } from "vitest";
import { listQuerySchema, postmortemInputSchema, postmortemUpdateSchema, type PostmortemInput } from "@/lib/schemas/postmortem";
import { giveTestFileFreshDatabase } from "@/lib/server/testing/fresh-database";

// Its own database: the counts below are exact.
giveTestFileFreshDatabase();
const { archivePostmortem, createPostmortem, listPostmortems, savePostmortem, getPostmortem } = await import(
  "@/lib/server/postmortems"
);

const query = (input: Record<string, unknown> = {}) => listQuerySchema.parse(input);
const create = (input: PostmortemInput) => createPostmortem({ draft: postmortemInputSchema.parse(input) });

describe("listPostmortems", () => {
  it("says so when there is nothing yet", async () => {
    expect(await listPostmortems(query())).toEqual({ items: [], page: 1, perPage: 20, total: 0, totalPages: 1 });
  });

  describe("with postmortems", () => {
    beforeAll(async () => {
      // Created one after another, so "most recently updated first" is the reverse order.
      for (let i = 1; i <= 5; i++) {
        await create({ title: `Draft ${i}`, services: ["api", `svc-${i}`], tags: ["t"], severity: "SEV3", incidentDate: "2024-03-14" });
      }
      await create({ title: "Published one", status: "published" });
      await create({ title: "Published two", status: "published" });
      await create({ title: "Old news", status: "published" });
      await archivePostmortem({ slug: "old-news" });
    });

    it("leaves archived postmortems out by default and lists the rest, most recently updated first", async () => {
      const page = await listPostmortems(query());
      expect(page.total).toBe(7);
      expect(page.totalPages).toBe(1);
      expect(page.items.map((i) => i.slug)).toEqual([
        "published-two",
        "published-one",
        "draft-5",
        "draft-4",
        "draft-3",
        "draft-2",
        "draft-1",
      ]);
    });

    it("returns summary rows with services and tags in order and no full document", async () => {
      const page = await listPostmortems(query({ status: "draft", perPage: "1" }));
      const full = await getPostmortem({ slug: "draft-5" });
      expect(page.items).toEqual([
        {
          slug: "draft-5",
          title: "Draft 5",
          summary: "",
          severity: "SEV3",
          status: "draft",
          services: ["api", "svc-5"],
          tags: ["t"],
          incidentDate: "2024-03-14",
          createdAt: full.createdAt,
          updatedAt: full.updatedAt,
        },
      ]);
    });

    it("filters by status, including archived when asked for", async () => {
      expect((await listPostmortems(query({ status: "published" }))).items.map((i) => i.slug)).toEqual(["published-two", "published-one"]);
      const archived = await listPostmortems(query({ status: "archived" }));
      expect(archived.items.map((i) => [i.slug, i.status])).toEqual([["old-news", "archived"]]);
      expect(archived.total).toBe(1);
      expect((await listPostmortems(query({ status: "in_review" }))).total).toBe(0);
    });

    it("paginates with total and totalPages", async () => {
      const first = await listPostmortems(query({ status: "draft", page: "1", perPage: "2" }));
      const second = await listPostmortems(query({ status: "draft", page: "2", perPage: "2" }));
      const third = await listPostmortems(query({ status: "draft", page: "3", perPage: "2" }));
      const beyond = await listPostmortems(query({ status: "draft", page: "4", perPage: "2" }));
      for (const page of [first, second, third, beyond]) {
        expect(page.total).toBe(5);
        expect(page.totalPages).toBe(3);
        expect(page.perPage).toBe(2);
      }
      expect([first, second, third].map((p) => p.items.map((i) => i.slug))).toEqual([
        ["draft-5", "draft-4"],
        ["draft-3", "draft-2"],
        ["draft-1"],
      ]);
      expect(beyond.items).toEqual([]);
      expect(beyond.page).toBe(4);
    });

    it("moves a postmortem to the top when it is saved", async () => {
      const oldest = await getPostmortem({ slug: "draft-1" });
      await savePostmortem({
        slug: oldest.slug,
        version: oldest.version,
        draft: postmortemUpdateSchema.parse({ ...oldest, summary: "Updated" }),
      });
      const page = await listPostmortems(query({ status: "draft", perPage: "2" }));
      expect(page.items.map((i) => [i.slug, i.summary])).toEqual([
        ["draft-1", "Updated"],
        ["draft-5", ""],
      ]);
    });
  });
});
