import { beforeAll, describe, expect, it } from "vitest";
import { parseTrackerQuery, type TrackerQuery } from "@/lib/schemas/actions";
import { postmortemInputSchema, type PostmortemInput } from "@/lib/schemas/postmortem";
import { giveTestFileFreshDatabase } from "@/lib/server/testing/fresh-database";
import { appErrorOf } from "@/lib/server/testing/app-error-of";

giveTestFileFreshDatabase();
const { createPostmortem, changeStatus, getPostmortem, listRevisions, savePostmortem } = await import("@/lib/server/postmortems");
const { getDb } = await import("@/lib/server/db");
const { changeActionStatus, listActionOwners, listActions } = await import("./index");

const TODAY = "2024-03-15";
const make = (input: PostmortemInput) => createPostmortem({ draft: postmortemInputSchema.parse(input) });
const query = (search = "") => parseTrackerQuery(new URLSearchParams(search)).query;
const list = (search = "", overrides: Partial<TrackerQuery> = {}) => listActions({ query: { ...query(search), ...overrides }, today: TODAY });
const titles = async (search = "") => (await list(search)).actions.map((a) => a.title);

describe("listActions", () => {
  beforeAll(async () => {
    await make({
      title: "Login outage",
      slug: "login-outage",
      severity: "SEV1",
      correctiveActions: [
        { title: "Late canary", owner: "Ana", dueDate: "2024-03-03", status: "open", type: "prevent" },
        { title: "Finished alert", owner: "Ana", dueDate: "2024-02-01", status: "done", type: "detect" },
        { title: "Soon runbook", owner: "Bo", dueDate: "2024-04-01", status: "in_progress", type: "process" },
        { title: "Someday cleanup", owner: null },
      ],
    });
    await make({
      title: "Billing delay",
      slug: "billing-delay",
      severity: "SEV3",
      correctiveActions: [
        { title: "Far future", owner: "Bo", dueDate: "2025-01-01", type: "mitigate" },
        { title: "Blank owner", owner: "  ", dueDate: "2024-03-10", status: "wont_do" },
      ],
    });
    await make({ title: "Archived one", status: "archived", correctiveActions: [{ title: "Archived action", owner: "Ana" }] });
  });

  it("lists every action outside archived postmortems, open work first and earliest due first", async () => {
    expect(await titles()).toEqual(["Late canary", "Soon runbook", "Far future", "Someday cleanup", "Finished alert", "Blank owner"]);
    const page = await list();
    expect(page).toMatchObject({ total: 6, overdue: 1, page: 1, pageCount: 1, statusCounts: { open: 3, in_progress: 1, done: 1, wont_do: 1 } });
    expect(page.actions[0]).toEqual({
      slug: "login-outage",
      postmortemTitle: "Login outage",
      postmortemStatus: "draft",
      severity: "SEV1",
      version: 1,
      index: 0,
      title: "Late canary",
      type: "prevent",
      priority: null,
      owner: "Ana",
      dueDate: "2024-03-03",
      status: "open",
      url: null,
    });
  });

  it("filters by owner, including unassigned (no owner or a blank one)", async () => {
    expect(await titles("owner=Ana")).toEqual(["Late canary", "Finished alert"]);
    expect(await titles("owner=unassigned")).toEqual(["Someday cleanup", "Blank owner"]);
    expect(await titles("owner=Nobody")).toEqual([]);
  });

  it("filters by status, counting every status beside the filter", async () => {
    const page = await list("status=done,wont_do");
    expect(page.actions.map((a) => a.title)).toEqual(["Finished alert", "Blank owner"]);
    expect(page.total).toBe(2);
    expect(page.overdue).toBe(0);
    expect(page.statusCounts).toEqual({ open: 3, in_progress: 1, done: 1, wont_do: 1 });
  });

  it("filters by due date: overdue, the next 30 days, none, a range", async () => {
    expect(await titles("due=overdue")).toEqual(["Late canary"]);
    expect(await titles("due=next30")).toEqual(["Soon runbook"]);
    expect(await titles("due=none")).toEqual(["Someday cleanup"]);
    expect(await titles("dueFrom=2024-03-01&dueTo=2024-03-31")).toEqual(["Late canary", "Blank owner"]);
  });

  it("filters by type and severity, and combines filters", async () => {
    expect(await titles("type=detect")).toEqual(["Finished alert"]);
    expect(await titles("severity=SEV3")).toEqual(["Far future", "Blank owner"]);
    expect(await titles("owner=Bo&severity=SEV1")).toEqual(["Soon runbook"]);
  });

  it("pages with LIMIT and OFFSET", async () => {
    const second = await list("perPage=4&page=2");
    expect(second.actions.map((a) => a.title)).toEqual(["Finished alert", "Blank owner"]);
    expect(second).toMatchObject({ total: 6, pageCount: 2, page: 2 });
  });

  it("offers the named owners of non-archived postmortems", async () => {
    expect(await listActionOwners()).toEqual(["Ana", "Bo"]);
  });
});

describe("changeActionStatus", () => {
  it("saves: version + 1, the action's new status, a revision by its author, the search index in step", async () => {
    const created = await make({ title: "Queue backlog", correctiveActions: [{ title: "Alert on depth", owner: "Cy" }, { title: "Drain script" }] });
    const saved = await changeActionStatus({ slug: created.slug, index: 1, status: "done", version: created.version, authorName: "Dee" });
    expect(saved.version).toBe(created.version + 1);
    expect(saved.correctiveActions.map((a) => a.status)).toEqual(["open", "done"]);
    expect((await getPostmortem({ slug: created.slug })).correctiveActions[1].status).toBe("done");
    const [latest] = await listRevisions({ slug: created.slug });
    expect(latest).toMatchObject({ version: saved.version, authorName: "Dee", summary: "Action 'Drain script' status: open → done" });
    const db = await getDb();
    const indexed = await db.searchDocument.findFirstOrThrow({ where: { postmortem: { slug: created.slug } } });
    expect(JSON.parse(indexed.actionStatuses)).toContain("done");
  });

  it("refuses a stale version with the current document, and writes nothing", async () => {
    const created = await make({ title: "Stale one", correctiveActions: [{ title: "Fix it" }] });
    const edited = await savePostmortem({ slug: created.slug, version: created.version, draft: postmortemInputSchema.parse({ title: "Stale one, edited", correctiveActions: [{ title: "Fix it", status: "in_progress" }] }) });
    const error = await appErrorOf(changeActionStatus({ slug: created.slug, index: 0, status: "done", version: created.version }));
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toMatch(/you sent version 1; it is now at version 2/);
    expect((error.details as { current: { version: number } }).current.version).toBe(edited.version);
    const after = await getPostmortem({ slug: created.slug });
    expect(after.version).toBe(edited.version);
    expect(after.correctiveActions[0].status).toBe("in_progress");
    expect((await listRevisions({ slug: created.slug })).length).toBe(2);
  });

  it("works on a published postmortem, which stays published", async () => {
    const created = await make({ title: "Published one", correctiveActions: [{ title: "Close me" }] });
    const published = await changeStatus({ slug: created.slug, status: "published" });
    const saved = await changeActionStatus({ slug: created.slug, index: 0, status: "done", version: published.version });
    expect(saved.status).toBe("published");
    expect(saved.correctiveActions[0].status).toBe("done");
  });

  it("refuses archived postmortems, unknown slugs and unknown actions, writing nothing", async () => {
    const created = await make({ title: "Will archive", correctiveActions: [{ title: "Keep" }] });
    const archived = await changeStatus({ slug: created.slug, status: "archived" });
    const onArchived = await appErrorOf(changeActionStatus({ slug: created.slug, index: 0, status: "done", version: archived.version }));
    expect(onArchived.code).toBe("CONFLICT");
    expect(onArchived.message).toMatch(/archived/);

    expect((await appErrorOf(changeActionStatus({ slug: "no-such-slug", index: 0, status: "done", version: 1 }))).code).toBe("NOT_FOUND");

    const other = await make({ title: "One action", correctiveActions: [{ title: "Only" }] });
    const missing = await appErrorOf(changeActionStatus({ slug: other.slug, index: 5, status: "done", version: other.version }));
    expect(missing.code).toBe("NOT_FOUND");
    expect(missing.message).toMatch(/no corrective action number 6/);
    expect((await getPostmortem({ slug: other.slug })).version).toBe(other.version);
  });

  it("setting the status an action already has writes nothing", async () => {
    const created = await make({ title: "No-op", correctiveActions: [{ title: "Same", status: "in_progress" }] });
    const same = await changeActionStatus({ slug: created.slug, index: 0, status: "in_progress", version: created.version });
    expect(same.version).toBe(created.version);
    expect((await listRevisions({ slug: created.slug })).length).toBe(1);
  });

  it("lets exactly one of two changes from the same version win", async () => {
    const created = await make({ title: "Race", correctiveActions: [{ title: "A" }, { title: "B" }] });
    const results = await Promise.allSettled([
      changeActionStatus({ slug: created.slug, index: 0, status: "done", version: created.version }),
      changeActionStatus({ slug: created.slug, index: 1, status: "done", version: created.version }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect((await getPostmortem({ slug: created.slug })).version).toBe(created.version + 1);
  });
});
