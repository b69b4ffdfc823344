import { describe, expect, it } from "vitest";
import fixture from "@/e2e/fixtures/full-postmortem.json";
import type { Role } from "@/lib/domain/access/roles";
import { postmortemInputSchema, postmortemUpdateSchema } from "@/lib/schemas/postmortem";
import { giveTestFileFreshDatabase } from "@/lib/server/testing/fresh-database";

giveTestFileFreshDatabase();
const { runAs, ANONYMOUS, OPERATOR } = await import("./actor");
const { getDb } = await import("../db");
const postmortems = await import("../postmortems");
const { searchPostmortems } = await import("../search");
const { listActions, listActionOwners, changeActionStatus } = await import("../actions");
const { getInsights } = await import("../insights/get-insights");
const { importPostmortem } = await import("../postmortems/import-postmortem");
const { importSourceFile } = await import("../import-archive/import-source-file");
const { parseSearchParams } = await import("@/lib/schemas/search");
const people = await import("./people/people");
const tokens = await import("./tokens/tokens");
const { listAudit } = await import("./audit");

type Who = "anonymous" | Role;
const WHO: Who[] = ["anonymous", "viewer", "editor", "admin"];

const db = await getDb();
const users: Record<Role, { id: string; email: string; name: string }> = {
  viewer: { id: "u-viewer", email: "viewer@example.com", name: "Vera Viewer" },
  editor: { id: "u-editor", email: "editor@example.com", name: "Eddie Editor" },
  admin: { id: "u-admin", email: "admin@example.com", name: "Ada Admin" },
};
for (const [role, user] of Object.entries(users)) await db.user.create({ data: { ...user, role } });

function actorOf(who: Who) {
  if (who === "anonymous") return ANONYMOUS;
  return { kind: "user" as const, userId: users[who].id, email: users[who].email, name: users[who].name, role: who };
}

/** What a call by `who` comes to: "ok", or the AppError code. */
async function outcome(who: Who, call: () => Promise<unknown>): Promise<string> {
  try {
    await runAs(actorOf(who), call);
    return "ok";
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
}

let counter = 0;
async function fresh(status: "draft" | "published" = "draft") {
  counter += 1;
  return runAs(OPERATOR, () => postmortems.createPostmortem({ draft: postmortemInputSchema.parse({ ...fixture, slug: undefined, title: `Access ${counter}`, status }) }));
}

const DENIED_ANON = "UNAUTHENTICATED";
const row = (anonymous: string, viewer: string, editor: string, admin: string) => ({ anonymous, viewer, editor, admin });
const reads = row(DENIED_ANON, "ok", "ok", "ok");
const edits = row(DENIED_ANON, "FORBIDDEN", "ok", "ok");
const adminOnly = row(DENIED_ANON, "FORBIDDEN", "FORBIDDEN", "ok");

/** Every data-access function a route, page or server action calls, with what each role gets. */
const TABLE: { name: string; expected: Record<Who, string>; call: () => Promise<unknown> }[] = [
  { name: "getPostmortem", expected: reads, call: async () => postmortems.getPostmortem({ slug: (await fresh()).slug }) },
  { name: "listPostmortems", expected: reads, call: () => postmortems.listPostmortems({ page: 1, perPage: 5 }) },
  { name: "listRevisions", expected: reads, call: async () => postmortems.listRevisions({ slug: (await fresh()).slug }) },
  { name: "readPublishedPostmortems", expected: reads, call: () => postmortems.readPublishedPostmortems() },
  { name: "searchPostmortems", expected: reads, call: () => searchPostmortems(parseSearchParams(new URLSearchParams("q=database"))) },
  { name: "getInsights", expected: reads, call: () => getInsights({}) },
  { name: "listActions", expected: reads, call: () => listActions({ query: { statuses: [], due: "any", page: 1, perPage: 5 }, today: "2026-12-05" }) },
  { name: "listActionOwners", expected: reads, call: () => listActionOwners() },
  { name: "createPostmortem", expected: edits, call: () => postmortems.createPostmortem({ draft: postmortemInputSchema.parse({ title: "Made in the access test" }) }) },
  {
    name: "savePostmortem",
    expected: edits,
    call: async () => {
      const doc = await fresh();
      return postmortems.savePostmortem({ slug: doc.slug, version: doc.version, draft: postmortemUpdateSchema.parse({ ...doc, title: `${doc.title}!` }) });
    },
  },
  { name: "changeStatus (to in review)", expected: edits, call: async () => postmortems.changeStatus({ slug: (await fresh()).slug, status: "in_review" }) },
  { name: "changeStatus (to archived)", expected: adminOnly, call: async () => postmortems.changeStatus({ slug: (await fresh()).slug, status: "archived" }) },
  { name: "archivePostmortem", expected: adminOnly, call: async () => postmortems.archivePostmortem({ slug: (await fresh()).slug }) },
  { name: "restoreRevision", expected: edits, call: async () => postmortems.restoreRevision({ slug: (await fresh()).slug, version: 1 }) },
  { name: "changeActionStatus", expected: edits, call: async () => { const doc = await fresh(); return changeActionStatus({ slug: doc.slug, index: 0, status: "done", version: doc.version }); } },
  { name: "importPostmortem", expected: edits, call: () => importPostmortem({ text: "# Imported in the access test\n\n## Summary\n\nIt broke." }) },
  { name: "importSourceFile (preview)", expected: edits, call: () => importSourceFile({ name: `access-${++counter}.md`, bytes: new TextEncoder().encode("# Previewed in the access test\n"), dryRun: true }) },
  { name: "importSourceFile", expected: edits, call: () => importSourceFile({ name: `access-${++counter}.md`, bytes: new TextEncoder().encode(`# Imported in the access test ${counter}\n`) }) },
  { name: "loadSamplePostmortems", expected: edits, call: () => postmortems.loadSamplePostmortems() },
  { name: "listPeople", expected: adminOnly, call: () => people.listPeople() },
  { name: "addPerson", expected: adminOnly, call: () => people.addPerson({ name: "New Person", email: `new-${++counter}@example.com`, role: "viewer" }) },
  { name: "setRole", expected: adminOnly, call: () => people.setRole({ email: users.viewer.email, role: "viewer" }) },
  { name: "createInvite", expected: adminOnly, call: () => people.createInvite({ email: users.viewer.email }) },
  { name: "listAudit", expected: adminOnly, call: () => listAudit() },
  { name: "listPeopleNames", expected: reads, call: () => people.listPeopleNames() },
  { name: "createToken (own)", expected: reads, call: () => tokens.createToken({ name: `own ${++counter}` }) },
  { name: "listTokens (own)", expected: reads, call: () => tokens.listTokens() },
  { name: "listTokens (everyone's)", expected: adminOnly, call: () => tokens.listTokens({ all: true }) },
];

describe("access in the data-access layer: every function, every role", () => {
  for (const entry of TABLE) {
    it(`${entry.name}: anonymous ${entry.expected.anonymous}, viewer ${entry.expected.viewer}, editor ${entry.expected.editor}, admin ${entry.expected.admin}`, async () => {
      const got: Record<string, string> = {};
      for (const who of WHO) got[who] = await outcome(who, entry.call);
      expect(got).toEqual(entry.expected);
    });
  }
});

describe("the workflow on every path (issue 14, item 5)", () => {
  it("a person's create starts as a draft whatever status it asks for; a save and a restore keep the current status", async () => {
    const created = await runAs(actorOf("editor"), () => postmortems.createPostmortem({ draft: postmortemInputSchema.parse({ title: "Asks to be published", status: "published" }) }));
    expect(created.status).toBe("draft");
    const inReview = await runAs(actorOf("editor"), () => postmortems.changeStatus({ slug: created.slug, status: "in_review" }));
    const saved = await runAs(actorOf("editor"), () =>
      postmortems.savePostmortem({ slug: created.slug, version: inReview.version, draft: postmortemUpdateSchema.parse({ ...inReview, status: "published" }) }),
    );
    expect(saved.status).toBe("in_review");
    const restored = await runAs(actorOf("editor"), () => postmortems.restoreRevision({ slug: created.slug, version: 1 }));
    expect(restored.status).toBe("in_review");
  });

  it("an import starts as a draft whatever its front matter says", async () => {
    const { document } = await runAs(actorOf("editor"), () => importPostmortem({ text: "---\ntitle: Front matter says published\nstatus: published\n---\n\n## Summary\n\nIt broke." }));
    expect(document.status).toBe("draft");
  });

  it("signs revisions with the signed-in person, and records status changes in the audit log", async () => {
    const doc = await fresh();
    await runAs(actorOf("editor"), () => postmortems.changeStatus({ slug: doc.slug, status: "in_review" }));
    const revisions = await runAs(actorOf("viewer"), () => postmortems.listRevisions({ slug: doc.slug }));
    expect(revisions[0].authorName).toBe("Eddie Editor");
    const audit = await runAs(actorOf("admin"), () => listAudit({ kind: "status-changed" }));
    expect(audit.entries.find((entry) => entry.subject === doc.slug)).toMatchObject({ actorName: "Eddie Editor", actorId: users.editor.id });
  });
});

describe("upgrading a database from before accounts (issue 14, item 12)", () => {
  it("keeps postmortems without an owner open to every role, and old revisions' typed names", async () => {
    // As the first round stored them: no creator, a typed author name.
    const doc = await fresh();
    await db.postmortem.update({ where: { slug: doc.slug }, data: { createdById: null } });
    await db.revision.updateMany({ where: { postmortem: { slug: doc.slug } }, data: { authorName: "Typed Name", authorId: null } });
    for (const who of ["viewer", "editor", "admin"] as const) {
      const seen = await runAs(actorOf(who), () => postmortems.getPostmortem({ slug: doc.slug }));
      expect(seen.slug).toBe(doc.slug);
    }
    const revisions = await runAs(actorOf("viewer"), () => postmortems.listRevisions({ slug: doc.slug }));
    expect(revisions.map((revision) => revision.authorName)).toEqual(["Typed Name"]);
  });
});
