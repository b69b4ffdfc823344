import { describe, expect, it } from "vitest";
import type { Role } from "@/lib/domain/access/roles";
import { postmortemInputSchema, postmortemUpdateSchema, type PostmortemInput } from "@/lib/schemas/postmortem";
import { giveTestFileFreshDatabase } from "@/lib/server/testing/fresh-database";

giveTestFileFreshDatabase();
const { runAs } = await import("@/lib/server/auth/actor");
const { createPostmortem, findPostmortemByContentHash, findPostmortemBySourceFile, getPostmortem, getRevision, savePostmortem } =
  await import("@/lib/server/postmortems");
const { getDb } = await import("../db");

const create = (input: PostmortemInput) => createPostmortem({ draft: postmortemInputSchema.parse(input) });
const hash = (digit: string) => digit.repeat(64);

const source = {
  fileName: "_posts/2023-02-14-dns-outage.md",
  contentHash: hash("a"),
  publishedAt: "2023-02-14 18:05:00 +0100",
  frontMatter: "permalink: /blog/dns-outage/\nimage: /img/dns.png # the card\ncategories: [incidents]\n",
};

describe("a postmortem's source", () => {
  it("is stored, given back, kept in the revision snapshot and found by file name and by content hash", async () => {
    const created = await create({ title: "DNS outage", source });
    expect(created.source).toEqual(source);
    expect((await getPostmortem({ slug: created.slug })).source).toEqual(source);
    expect((await getRevision({ slug: created.slug, version: 1 }))?.source).toEqual(source);
    expect((await findPostmortemBySourceFile({ fileName: source.fileName }))?.slug).toBe(created.slug);
    expect((await findPostmortemByContentHash({ contentHash: hash("A") }))?.slug).toBe(created.slug);
    expect(await findPostmortemBySourceFile({ fileName: "_posts/other.md" })).toBeNull();
    expect(await findPostmortemByContentHash({ contentHash: hash("b") })).toBeNull();
  });

  it("is kept by a save that leaves it out, replaced by one that sends it, and forgotten on null", async () => {
    const created = await create({ title: "Resolver failure", source: { ...source, fileName: "resolver.md" } });
    const { source: _left, ...withoutSource } = created;
    const kept = await savePostmortem({ slug: created.slug, version: 1, draft: postmortemUpdateSchema.parse({ ...withoutSource, summary: "edited" }) });
    expect(kept.source).toEqual({ ...source, fileName: "resolver.md" });
    expect((await getRevision({ slug: created.slug, version: 2 }))?.source).toEqual(kept.source);

    const replaced = await savePostmortem({
      slug: created.slug,
      version: 2,
      draft: postmortemUpdateSchema.parse({ ...kept, source: { fileName: "resolver.md", contentHash: hash("c") } }),
    });
    expect(replaced.source).toEqual({ fileName: "resolver.md", contentHash: hash("c"), publishedAt: null, frontMatter: null });
    expect(await findPostmortemByContentHash({ contentHash: hash("c") })).toMatchObject({ slug: created.slug, version: 3 });

    const forgotten = await savePostmortem({ slug: created.slug, version: 3, draft: postmortemUpdateSchema.parse({ ...replaced, source: null }) });
    expect(forgotten).not.toHaveProperty("source");
    expect(await findPostmortemBySourceFile({ fileName: "resolver.md" })).toBeNull();
  });

  it("is left out of documents that have none, as before", async () => {
    const plain = await create({ title: "Plain" });
    expect(plain).not.toHaveProperty("source");
  });

  it("finds the most recently updated of several imports of one file", async () => {
    await create({ title: "Twice 1", source: { fileName: "twice.md" } });
    const second = await create({ title: "Twice 2", source: { fileName: "twice.md" } });
    expect((await findPostmortemBySourceFile({ fileName: "twice.md" }))?.slug).toBe(second.slug);
  });

  it("refuses a content hash that is not a SHA-256 and an unknown source key", () => {
    expect(postmortemInputSchema.safeParse({ title: "t", source: { contentHash: "abc" } }).success).toBe(false);
    expect(postmortemInputSchema.safeParse({ title: "t", source: { file: "x.md" } }).success).toBe(false);
  });

  it("passes over a restricted postmortem the actor may not see", async () => {
    const db = await getDb();
    const person = async (id: string, role: Role) => {
      await db.user.create({ data: { id, name: id, email: `${id}@example.com`, role } });
      return { kind: "user" as const, userId: id, email: `${id}@example.com`, name: id, role };
    };
    const [owner, outsider] = [await person("owen", "editor"), await person("olga", "editor")];
    const secret = await runAs(owner, () => create({ title: "Secret", restricted: true, source: { fileName: "secret.md", contentHash: hash("d") } }));
    expect((await runAs(owner, () => findPostmortemBySourceFile({ fileName: "secret.md" })))?.slug).toBe(secret.slug);
    expect(await runAs(outsider, () => findPostmortemBySourceFile({ fileName: "secret.md" }))).toBeNull();
    expect(await runAs(outsider, () => findPostmortemByContentHash({ contentHash: hash("d") }))).toBeNull();
  });
});
