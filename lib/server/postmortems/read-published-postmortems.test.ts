import { beforeAll, describe, expect, it } from "vitest";
import fixture from "@/e2e/fixtures/full-postmortem.json";
import type { Role } from "@/lib/domain/access/roles";
import { postmortemInputSchema, type PostmortemDocument, type PostmortemInput } from "@/lib/schemas/postmortem";
import { appErrorOf } from "@/lib/server/testing/app-error-of";
import { giveTestFileFreshDatabase } from "@/lib/server/testing/fresh-database";

giveTestFileFreshDatabase();
const { ANONYMOUS, runAs } = await import("@/lib/server/auth/actor");
const { archivePostmortem, changeStatus, createPostmortem, getPostmortem } = await import("@/lib/server/postmortems");
const { readPublishedPostmortems } = await import("./read-published-postmortems");
const { getDb } = await import("../db");

const create = (input: PostmortemInput) => createPostmortem({ draft: postmortemInputSchema.parse(input) });

/** Every page, in order, as lists of slugs. */
async function pagesOf(pages: AsyncIterable<PostmortemDocument[]>): Promise<string[][]> {
  const seen: string[][] = [];
  for await (const page of pages) seen.push(page.map((doc) => doc.slug));
  return seen;
}

type Person = { kind: "user"; userId: string; email: string; name: string; role: Role };
async function person(id: string, role: Role): Promise<Person> {
  const email = `${id}@example.com`;
  await (await getDb()).user.create({ data: { id, name: id, email, role } });
  return { kind: "user", userId: id, email, name: id, role };
}

let published: PostmortemDocument[];

beforeAll(async () => {
  published = [];
  await create({ title: "A draft" });
  for (let i = 1; i <= 7; i++) {
    // Incident dates out of creation order: pages follow the id (creation) order.
    const base = i === 1 ? { ...(fixture as PostmortemInput), slug: undefined } : {};
    published.push(await create({ ...base, title: `Published ${i}`, status: "published", incidentDate: `2024-0${8 - i}-01` }));
    if (i === 3) await create({ title: "In review", status: "in_review" });
  }
  await create({ title: "Was published", status: "published" });
  await archivePostmortem({ slug: "was-published" });
});

describe("readPublishedPostmortems", () => {
  it("reads the published postmortems a page at a time, in the order they were created, as full documents", async () => {
    const pages = await pagesOf(await readPublishedPostmortems({ pageSize: 3 }));
    expect(pages).toEqual([
      ["published-1", "published-2", "published-3"],
      ["published-4", "published-5", "published-6"],
      ["published-7"],
    ]);
    const [full] = (await (await readPublishedPostmortems({ pageSize: 1 }))[Symbol.asyncIterator]().next()).value as PostmortemDocument[];
    expect(full).toEqual(await getPostmortem({ slug: "published-1" }));
    expect(full.timeline).toHaveLength((fixture as PostmortemInput).timeline!.length);
  });

  it("reads the next page only when it is asked for (one query of a page's rows, not the whole library)", async () => {
    const pages = (await readPublishedPostmortems({ pageSize: 4 }))[Symbol.asyncIterator]();
    expect(((await pages.next()).value as PostmortemDocument[]).map((doc) => doc.slug)).toEqual(["published-1", "published-2", "published-3", "published-4"]);
    // Published after the first page was read, and still found: the rest had not been read yet.
    const late = await create({ title: "Published late", status: "published" });
    expect(((await pages.next()).value as PostmortemDocument[]).map((doc) => doc.slug)).toEqual(["published-5", "published-6", "published-7", late.slug]);
    expect((await pages.next()).done).toBe(true);
    await changeStatus({ slug: late.slug, status: "in_review", reason: "Back to review for the other tests" });
  });

  it("checks who is asking when called, before any page is read: a viewer may, nobody may not", async () => {
    const viewer = await person("vera", "viewer");
    expect((await pagesOf(await runAs(viewer, () => readPublishedPostmortems()))).flat()).toEqual(published.map((doc) => doc.slug));
    await runAs(ANONYMOUS, async () => {
      expect((await appErrorOf(readPublishedPostmortems())).code).toBe("UNAUTHENTICATED");
    });
  });

  describe("restricted postmortems", () => {
    let creator: Person, member: Person, outsider: Person, admin: Person;
    let secret: PostmortemDocument;

    beforeAll(async () => {
      [creator, member, outsider, admin] = await Promise.all([person("cora", "editor"), person("mia", "viewer"), person("val", "viewer"), person("ada", "admin")]);
      secret = await runAs(creator, () => create({ title: "Secret invoices leak", restricted: true, members: ["Mia@Example.com"] }));
      await runAs(admin, () => changeStatus({ slug: secret.slug, status: "in_review" }));
      await runAs(admin, () => changeStatus({ slug: secret.slug, status: "published" }));
    });

    const slugsFor = async (actor: Person) => (await pagesOf(await runAs(actor, () => readPublishedPostmortems({ pageSize: 2 })))).flat();

    it("are read for their creator, members and admins, and left out for everyone else", async () => {
      expect(await slugsFor(creator)).toContain(secret.slug);
      expect(await slugsFor(member)).toContain(secret.slug);
      expect(await slugsFor(admin)).toContain(secret.slug);
      expect(await slugsFor(outsider)).toEqual(published.map((doc) => doc.slug));
    });

    it("are left out when restricted after the reading started", async () => {
      const pages = (await runAs(outsider, () => readPublishedPostmortems({ pageSize: 2 })))[Symbol.asyncIterator]();
      await pages.next();
      // published-3 is restricted while the outsider's export is under way.
      await (await getDb()).postmortem.update({ where: { slug: "published-3" }, data: { restricted: true } });
      const rest: string[] = [];
      for (let next = await pages.next(); !next.done; next = await pages.next()) rest.push(...next.value.map((doc) => doc.slug));
      expect(rest).toEqual(["published-4", "published-5", "published-6", "published-7"]);
      await (await getDb()).postmortem.update({ where: { slug: "published-3" }, data: { restricted: false } });
    });
  });
});
