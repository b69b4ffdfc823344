import { beforeAll, describe, expect, it } from "vitest";
import type { Role } from "@/lib/domain/access/roles";
import { parseTrackerQuery } from "@/lib/schemas/actions";
import { insightsQuerySchema } from "@/lib/schemas/insights";
import { postmortemInputSchema, postmortemUpdateSchema, type PostmortemDocument, type PostmortemInput } from "@/lib/schemas/postmortem";
import { parseSearchParams } from "@/lib/schemas/search";
import { appErrorOf } from "@/lib/server/testing/app-error-of";
import { giveTestFileFreshDatabase } from "@/lib/server/testing/fresh-database";

// Restricted postmortems (issue 14, item 4): a non-member does not learn that
// one exists — not from its page, the library, search and its facet counts,
// related incidents, insights, or the action tracker — and cannot write to it.

giveTestFileFreshDatabase();
const { runAs } = await import("@/lib/server/auth/actor");
const { changeStatus, createPostmortem, findPostmortem, getPostmortem, getRevision, listPostmortems, listRevisions, restoreRevision, savePostmortem } =
  await import("@/lib/server/postmortems");
const { findRelatedPostmortems, searchPostmortems } = await import("@/lib/server/search");
const { getInsights } = await import("@/lib/server/insights/get-insights");
const { changeActionStatus, listActionOwners, listActions } = await import("@/lib/server/actions");
const { getDb } = await import("@/lib/server/db");

type Person = { kind: "user"; userId: string; email: string; name: string; role: Role };

async function person(id: string, role: Role): Promise<Person> {
  const db = await getDb();
  const email = `${id}@example.com`;
  const name = id[0].toUpperCase() + id.slice(1);
  await db.user.create({ data: { id, name, email, role } });
  return { kind: "user", userId: id, email, name, role };
}

const as = <T>(actor: Person, work: () => Promise<T>): Promise<T> => runAs(actor, work);
const create = (input: PostmortemInput) => createPostmortem({ draft: postmortemInputSchema.parse(input) });
const save = (doc: PostmortemDocument, change: Partial<PostmortemInput>) =>
  savePostmortem({ slug: doc.slug, version: doc.version, draft: postmortemUpdateSchema.parse({ ...doc, ...change }) });
const search = (query: string) => searchPostmortems(parseSearchParams(new URLSearchParams(query)));
const TODAY = "2024-03-15";
const tracker = (search = "") => listActions({ query: parseTrackerQuery(new URLSearchParams(search)).query, today: TODAY });
const countOf = (facet: { value: string; count: number }[], value: string) => facet.find((entry) => entry.value === value)?.count ?? 0;

let creator: Person, member: Person, outsiderViewer: Person, outsiderEditor: Person, admin: Person;
let secret: PostmortemDocument;
let open: PostmortemDocument;

beforeAll(async () => {
  creator = await person("cora", "editor");
  member = await person("mia", "viewer");
  outsiderViewer = await person("val", "viewer");
  outsiderEditor = await person("eddie", "editor");
  admin = await person("ada", "admin");

  const shared = {
    severity: "SEV1" as const,
    incidentDate: "2024-02-10",
    tags: ["quasarfault"],
    contributingFactors: [{ category: "monitoring" as const, text: "No alert on the quasar queue." }],
  };
  open = await as(creator, () =>
    create({ title: "Quasar queue stalled for the public API", summary: "The quasarqueue stalled.", services: ["quasar-api"], ...shared }),
  );
  secret = await as(creator, () =>
    create({
      title: "Quasar queue leaked a customer's invoices",
      summary: "The quasarqueue and the zorblaxleak.",
      services: ["quasar-api", "secret-billing"],
      ...shared,
      correctiveActions: [{ title: "Rotate the zorblax keys", owner: "Secret Owner", dueDate: "2024-03-01", status: "open" }],
      timeline: [
        { at: "2024-02-10T10:00:00Z", kind: "impact_start", text: "Invoices visible." },
        { at: "2024-02-10T11:00:00Z", kind: "resolved", text: "Fixed." },
      ],
      restricted: true,
      members: ["Mia@Example.com"],
    }),
  );
});

describe("a restricted postmortem", () => {
  it("keeps its members lower-cased, with its creator among them", async () => {
    expect(secret.restricted).toBe(true);
    expect(secret.members).toEqual(["cora@example.com", "mia@example.com"]);
    expect(open.restricted).toBe(false);
    expect(open.members).toEqual([]);
  });

  it("is not found by a non-member, whatever their role, and found by its creator, a member and an admin", async () => {
    for (const outsider of [outsiderViewer, outsiderEditor]) {
      expect((await appErrorOf(as(outsider, () => getPostmortem({ slug: secret.slug })))).code).toBe("NOT_FOUND");
      expect(await as(outsider, () => findPostmortem({ slug: secret.slug }))).toBeNull();
      expect(await as(outsider, () => getRevision({ slug: secret.slug, version: 1 }))).toBeNull();
      expect((await appErrorOf(as(outsider, () => listRevisions({ slug: secret.slug })))).code).toBe("NOT_FOUND");
    }
    for (const insider of [creator, member, admin]) {
      expect((await as(insider, () => getPostmortem({ slug: secret.slug }))).title).toBe(secret.title);
      expect(await as(insider, () => listRevisions({ slug: secret.slug }))).toHaveLength(1);
    }
  });

  it("is left out of the library for a non-member", async () => {
    const slugs = async (actor: Person) => (await as(actor, () => listPostmortems({ page: 1, perPage: 100 }))).items.map((item) => item.slug);
    const totals = async (actor: Person) => (await as(actor, () => listPostmortems({ page: 1, perPage: 100 }))).total;
    expect(await slugs(outsiderViewer)).toEqual([open.slug]);
    expect(await totals(outsiderEditor)).toBe(1);
    for (const insider of [creator, member, admin]) expect((await slugs(insider)).sort()).toEqual([open.slug, secret.slug].sort());
  });

  it("is left out of search results, totals and facet counts for a non-member", async () => {
    for (const outsider of [outsiderViewer, outsiderEditor]) {
      await as(outsider, async () => {
        // Ranked (FTS5 page with SQL filters), by date (in memory), and the whole library without words.
        expect((await search("q=zorblaxleak")).total).toBe(0);
        expect((await search("q=zorblaxleak")).results).toEqual([]);
        expect((await search("q=zorblaxleak&severity=SEV1")).results).toEqual([]);
        const ranked = await search("q=quasarqueue");
        expect(ranked.results.map((r) => r.slug)).toEqual([open.slug]);
        expect(ranked.total).toBe(1);
        expect(countOf(ranked.facets.service, "quasar-api")).toBe(1);
        expect(countOf(ranked.facets.service, "secret-billing")).toBe(0);
        expect(countOf(ranked.facets.severity, "SEV1")).toBe(1);
        expect(countOf(ranked.facets.tag, "quasarfault")).toBe(1);
        expect(countOf(ranked.facets.action, "open")).toBe(0);
        const byDate = await search("q=quasarqueue&sort=date");
        expect(byDate.results.map((r) => r.slug)).toEqual([open.slug]);
        const everything = await search("");
        expect(everything.total).toBe(1);
        expect(everything.results.map((r) => r.slug)).toEqual([open.slug]);
        expect(countOf(everything.facets.service, "secret-billing")).toBe(0);
        expect(countOf(everything.facets.year, "2024")).toBe(1);
        expect((await search("q=-nothingatall")).total).toBe(1);
      });
    }
    for (const insider of [creator, member, admin]) {
      await as(insider, async () => {
        expect((await search("q=zorblaxleak")).results.map((r) => r.slug)).toEqual([secret.slug]);
        const ranked = await search("q=quasarqueue");
        expect(ranked.total).toBe(2);
        expect(countOf(ranked.facets.service, "quasar-api")).toBe(2);
        expect(countOf(ranked.facets.service, "secret-billing")).toBe(1);
        expect(countOf(ranked.facets.action, "open")).toBe(1);
        expect((await search("q=quasarqueue&sort=date")).results).toHaveLength(2);
        expect((await search("")).total).toBe(2);
      });
    }
  });

  it("is not offered as a related incident to a non-member", async () => {
    const related = async (actor: Person) => (await as(actor, () => findRelatedPostmortems({ postmortem: open }))).map((r) => r.slug);
    expect(await related(outsiderViewer)).toEqual([]);
    expect(await related(outsiderEditor)).toEqual([]);
    for (const insider of [creator, member, admin]) expect(await related(insider)).toEqual([secret.slug]);
    // Nor does a member's view of the restricted one leak anything to others: an outsider cannot even load it.
    expect(await as(member, async () => (await findRelatedPostmortems({ postmortem: secret })).map((r) => r.slug))).toEqual([open.slug]);
  });

  it("does not count in a non-member's insights", async () => {
    const insights = (actor: Person) => as(actor, () => getInsights(insightsQuerySchema.parse({})));
    const outsider = await insights(outsiderViewer);
    expect(outsider.perMonth).toEqual([{ month: "2024-02", severity: "SEV1", count: 1 }]);
    expect(outsider.topServices).toEqual([{ service: "quasar-api", count: 1 }]);
    expect(outsider.services).toEqual(["quasar-api"]);
    expect(outsider.factorsPerMonth).toEqual([{ month: "2024-02", category: "monitoring", count: 1 }]);
    expect(outsider.actionsPerMonth).toEqual([]);
    expect(outsider.timeToResolve).toEqual([]);
    expect((await insights(outsiderEditor)).perMonth).toEqual(outsider.perMonth);

    for (const insider of [creator, member, admin]) {
      const seen = await insights(insider);
      expect(seen.perMonth).toEqual([{ month: "2024-02", severity: "SEV1", count: 2 }]);
      expect(seen.topServices).toEqual([
        { service: "quasar-api", count: 2 },
        { service: "secret-billing", count: 1 },
      ]);
      expect(seen.services).toEqual(["quasar-api", "secret-billing"]);
      expect(seen.actionsPerMonth).toEqual([{ month: "2024-03", open: 0, overdue: 1, done: 0 }]);
      expect(seen.timeToResolve).toMatchObject([{ month: "2024-02", incidents: 1 }]);
      expect(seen.timeToResolve[0].averageMinutes).toBeCloseTo(60);
    }
  });

  it("keeps its corrective actions out of a non-member's tracker, its counts and its owners", async () => {
    for (const outsider of [outsiderViewer, outsiderEditor]) {
      await as(outsider, async () => {
        const page = await tracker();
        expect(page.actions).toEqual([]);
        expect(page.total).toBe(0);
        expect(page.overdue).toBe(0);
        expect(page.statusCounts.open).toBe(0);
        expect((await tracker("status=open&owner=Secret+Owner")).total).toBe(0);
        expect(await listActionOwners()).toEqual([]);
      });
    }
    for (const insider of [creator, member, admin]) {
      await as(insider, async () => {
        const page = await tracker();
        expect(page.actions.map((action) => action.title)).toEqual(["Rotate the zorblax keys"]);
        expect(page.total).toBe(1);
        expect(page.overdue).toBe(1);
        expect(page.statusCounts.open).toBe(1);
        expect(await listActionOwners()).toEqual(["Secret Owner"]);
      });
    }
  });

  it("cannot be written to by a non-member editor: not found, and nothing changes", async () => {
    const code = async (work: () => Promise<unknown>) => (await appErrorOf(as(outsiderEditor, work))).code;
    expect(await code(() => save(secret, { summary: "Overwritten." }))).toBe("NOT_FOUND");
    expect(await code(() => savePostmortem({ slug: secret.slug, version: secret.version, draft: postmortemUpdateSchema.parse({ ...secret, restricted: false }) }))).toBe(
      "NOT_FOUND",
    );
    expect(await code(() => changeStatus({ slug: secret.slug, status: "in_review" }))).toBe("NOT_FOUND");
    expect(await code(() => restoreRevision({ slug: secret.slug, version: 1 }))).toBe("NOT_FOUND");
    expect(await code(() => changeActionStatus({ slug: secret.slug, index: 0, status: "done", version: secret.version }))).toBe("NOT_FOUND");
    expect(await code(() => listRevisions({ slug: secret.slug }))).toBe("NOT_FOUND");
    // The message is the one for a slug that does not exist.
    const missing = await appErrorOf(as(outsiderEditor, () => getPostmortem({ slug: "no-such-postmortem" })));
    const hidden = await appErrorOf(as(outsiderEditor, () => getPostmortem({ slug: secret.slug })));
    expect(hidden.message).toBe(missing.message.replace("no-such-postmortem", secret.slug));
    expect(await getPostmortem({ slug: secret.slug })).toMatchObject({ version: secret.version, summary: secret.summary, restricted: true });
  });
});

describe("changing who may see a postmortem", () => {
  it("lets any editor restrict an open postmortem (keeping them and the creator as members); then only those who may see it can change it", async () => {
    const doc = await as(creator, () => create({ title: "Cora's open postmortem" }));
    // Anything else an editor may change; leaving the access keys out keeps them.
    const edited = await as(outsiderEditor, () => save(doc, { summary: "Edited by Eddie." }));
    expect(edited).toMatchObject({ summary: "Edited by Eddie.", restricted: false, members: [] });

    // Eddie found it is a security incident: he restricts it, and stays a member with the creator.
    const restricted = await as(outsiderEditor, () => save(edited, { restricted: true, members: ["mia@example.com"] }));
    expect(restricted).toMatchObject({ restricted: true, members: ["mia@example.com", "cora@example.com", "eddie@example.com"] });

    // Someone who is not a member cannot see it, so cannot change it either (404, not 403: its existence stays hidden).
    const other = await person("olga", "editor");
    expect((await appErrorOf(as(other, () => save(restricted, { restricted: false })))).code).toBe("NOT_FOUND");
    expect(await getPostmortem({ slug: doc.slug })).toMatchObject({ version: restricted.version, restricted: true });

    const db = await getDb();
    const audit = await db.auditEvent.findMany({ where: { kind: "access-changed", subject: doc.slug } });
    expect(audit.map((entry) => [entry.actorName, entry.detail])).toEqual([["Eddie", "Restricted to mia@example.com, cora@example.com, eddie@example.com"]]);
  });

  it("lets a member change the members, keeps the creator and the saver among them, and lets an admin open it again", async () => {
    const editorMember = await person("emil", "editor");
    const doc = await as(creator, () => create({ title: "Shared with Emil", restricted: true, members: ["emil@example.com"] }));
    expect(doc.members).toEqual(["cora@example.com", "emil@example.com"]);

    // Emil adds Val, and tries to drop both himself and the creator: they stay.
    const changed = await as(editorMember, () => save(doc, { members: ["VAL@example.com"] }));
    expect(changed.members).toEqual(["val@example.com", "cora@example.com", "emil@example.com"]);
    expect((await as(outsiderViewer, () => getPostmortem({ slug: doc.slug }))).title).toBe("Shared with Emil");

    // A draft without the access keys (an old client, a revision from before) keeps them.
    const { restricted: _restricted, members: _members, ...withoutAccess } = changed;
    const kept = await as(editorMember, () =>
      savePostmortem({ slug: doc.slug, version: changed.version, draft: postmortemUpdateSchema.parse({ ...withoutAccess, summary: "Still secret." }) }),
    );
    expect(kept).toMatchObject({ restricted: true, members: changed.members, summary: "Still secret." });

    const opened = await as(admin, () => save(kept, { restricted: false }));
    expect(opened.restricted).toBe(false);
    expect((await as(outsiderEditor, () => getPostmortem({ slug: doc.slug }))).restricted).toBe(false);
  });

  it("refuses members that are not emails, lower-cases and deduplicates the rest", () => {
    expect(postmortemInputSchema.safeParse({ title: "x", members: ["not an email"] }).error?.issues[0].path).toEqual(["members", 0]);
    expect(postmortemInputSchema.safeParse({ title: "x", members: Array.from({ length: 201 }, (_, i) => `p${i}@example.com`) }).success).toBe(false);
    expect(postmortemInputSchema.parse({ title: "x", members: [" A@Example.com", "a@example.com"] }).members).toEqual(["a@example.com"]);
    expect(postmortemInputSchema.parse({ title: "x" })).not.toHaveProperty("restricted");
    expect(postmortemInputSchema.safeParse({ title: "x", restricted: "yes" }).success).toBe(false);
  });

  it("makes an open postmortem by default, and a restricted one for someone who can then see it", async () => {
    const plain = await as(outsiderEditor, () => create({ title: "Plain" }));
    expect(plain).toMatchObject({ restricted: false, members: [] });
    const mine = await as(outsiderEditor, () => create({ title: "Eddie's secret", restricted: true }));
    expect(mine.members).toEqual(["eddie@example.com"]);
    expect((await as(outsiderEditor, () => getPostmortem({ slug: mine.slug }))).restricted).toBe(true);
    expect((await appErrorOf(as(outsiderViewer, () => getPostmortem({ slug: mine.slug })))).code).toBe("NOT_FOUND");
  });
});
