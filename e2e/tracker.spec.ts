import AxeBuilder from "@axe-core/playwright";
import { readFileSync } from "node:fs";
import { ACCOUNTS } from "./auth";
import { expect, expectApiError, getPostmortem, test, type Doc } from "./fixtures";

/** An owner name no other test uses, so that the owner filter isolates this test's actions. */
const uniqueOwner = (name: string) => `${name} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** A date `days` from today (UTC), as YYYY-MM-DD. */
const daysFromToday = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

type Page = { total: number; overdue: number; actions: { title: string; slug: string; index: number; version: number; status: string }[] };

test.describe("GET /api/actions and PATCH /api/postmortems/{slug}/actions/{index}", () => {
  test("filters by owner, status and due date; a bad parameter is a 400 naming it", async ({ request, makePostmortem }) => {
    const owner = uniqueOwner("Api Owner");
    const doc = await makePostmortem({
      correctiveActions: [
        { title: "Late one", owner, dueDate: daysFromToday(-12), status: "open", type: "prevent" },
        { title: "Soon one", owner, dueDate: daysFromToday(5), status: "in_progress", type: "detect" },
        { title: "Done one", owner, dueDate: daysFromToday(-40), status: "done", type: "process" },
      ],
    });
    const list = async (query: string) => {
      const response = await request.get(`/api/actions?owner=${encodeURIComponent(owner)}&${query}`);
      expect(response.status(), await response.text()).toBe(200);
      return (await response.json()) as Page;
    };
    const all = await list("");
    expect(all.actions.map((a) => a.title)).toEqual(["Late one", "Soon one", "Done one"]);
    expect(all).toMatchObject({ total: 3, overdue: 1 });
    expect(all.actions[0]).toMatchObject({ slug: doc.slug, index: 0, version: doc.version });
    expect((await list("due=overdue")).actions.map((a) => a.title)).toEqual(["Late one"]);
    expect((await list("due=next30")).actions.map((a) => a.title)).toEqual(["Soon one"]);
    expect((await list("status=done&status=in_progress")).actions.map((a) => a.title)).toEqual(["Soon one", "Done one"]);
    expect((await list("type=detect")).total).toBe(1);

    const bad = await expectApiError(await request.get("/api/actions?due=soonish&perPage=5000&format=xml"), 400, "BAD_REQUEST");
    expect(Object.keys(bad.error.fields).sort()).toEqual(["due", "format", "perPage"]);
    expect(bad.error.fields.due[0]).toContain("overdue");
  });

  test("a status change saves a version with a revision signed by the editor; stale is 409 with the current document; bad input 422 or 404", async ({ request, requestAs, makePostmortem }) => {
    const doc = await makePostmortem({ correctiveActions: [{ title: "Rotate keys", owner: uniqueOwner("Patch") }] });
    const url = `/api/postmortems/${doc.slug}/actions/0`;
    const editor = await requestAs("editor");

    // The revision is signed by who is signed in (issue 14); X-Hindsight-Author is no longer read.
    const saved = await editor.patch(url, { data: { status: "done", version: doc.version }, headers: { "X-Hindsight-Author": "Tracker Tess" } });
    expect(saved.status(), await saved.text()).toBe(200);
    const after = (await saved.json()) as Doc & { correctiveActions: { status: string }[] };
    expect(after.version).toBe(doc.version + 1);
    expect(after.correctiveActions[0].status).toBe("done");
    const { revisions } = (await (await request.get(`/api/postmortems/${doc.slug}/revisions`)).json()) as { revisions: { summary: string; authorName: string }[] };
    expect(revisions[0]).toMatchObject({ summary: "Action 'Rotate keys' status: open → done", authorName: ACCOUNTS.editor.name });

    const stale = await expectApiError(await request.patch(url, { data: { status: "wont_do", version: doc.version } }), 409, "CONFLICT");
    expect(stale.current?.version).toBe(after.version);
    expect((await getPostmortem(request, doc.slug)).version).toBe(after.version);

    const badStatus = await expectApiError(await request.patch(url, { data: { status: "closed", version: after.version } }), 422, "INVALID");
    expect(badStatus.error.fields.status[0]).toContain("open, in_progress, done, wont_do");
    await expectApiError(await request.patch(url, { data: { status: "open" } }), 422, "INVALID");
    await expectApiError(await request.patch(`/api/postmortems/${doc.slug}/actions/7`, { data: { status: "open", version: after.version } }), 404, "NOT_FOUND");
    await expectApiError(await request.patch(`/api/postmortems/${doc.slug}/actions/first`, { data: { status: "open", version: after.version } }), 404, "NOT_FOUND");
    await expectApiError(await request.patch("/api/postmortems/no-such-postmortem/actions/0", { data: { status: "open", version: 1 } }), 404, "NOT_FOUND");
    await expectApiError(await request.patch(url, { data: Buffer.from("{not json"), headers: { "content-type": "application/json" } }), 400, "BAD_REQUEST");
    // None of the refused requests wrote anything.
    expect((await getPostmortem(request, doc.slug)).version).toBe(after.version);
  });

  test("actions of a published postmortem can still be closed; it stays published", async ({ request, makePostmortem }) => {
    const doc = await makePostmortem({ correctiveActions: [{ title: "After publication", owner: uniqueOwner("Pub") }] });
    const published = await request.post(`/api/postmortems/${doc.slug}/status`, { data: { status: "published" } });
    expect(published.status(), await published.text()).toBe(200);
    const { version } = (await published.json()) as Doc;
    const saved = await request.patch(`/api/postmortems/${doc.slug}/actions/0`, { data: { status: "done", version } });
    expect(saved.status(), await saved.text()).toBe(200);
    expect(await saved.json()).toMatchObject({ status: "published", version: version + 1 });
  });
});

test.describe("the tracker page", () => {
  test("filter by owner, status and overdue; change a status in place; it is kept and in the history", async ({ page, makePostmortem }) => {
    test.setTimeout(90_000);
    const owner = uniqueOwner("Ana Tracker");
    const doc = await makePostmortem({
      severity: "SEV1",
      correctiveActions: [
        { title: "Add a canary stage", owner, dueDate: daysFromToday(-12), status: "open", type: "prevent" },
        { title: "Page on queue depth", owner, dueDate: daysFromToday(20), status: "open", type: "detect" },
        { title: "Write the runbook", owner, dueDate: null, status: "done", type: "process" },
      ],
    });

    await test.step("pick the owner from the filters", async () => {
      await page.goto("/");
      await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Actions" }).click();
      await expect(page.getByRole("heading", { name: "Corrective actions", level: 1 })).toBeVisible();
      await page.getByRole("combobox", { name: "Owner", exact: true }).selectOption(owner);
      await page.getByRole("button", { name: "Apply" }).click();
      await expect(page).toHaveURL(/owner=Ana\+Tracker/);
      await expect(page.getByText("3 actions, 1 overdue")).toBeVisible();
      const rows = page.getByRole("table", { name: "Corrective actions" }).getByRole("row");
      await expect(rows).toHaveCount(4); // header + 3
      await expect(rows.nth(1)).toContainText("Add a canary stage");
      await expect(rows.nth(1)).toContainText("Overdue by 12 days");
      await expect(rows.nth(2)).toContainText("Due in 20 days");
      await expect(rows.nth(1).getByRole("link", { name: doc.title })).toHaveAttribute("href", `/postmortems/${doc.slug}`);
    });

    await test.step("narrow to overdue, then to done, and step back", async () => {
      await page.getByRole("combobox", { name: "Due", exact: true }).selectOption("overdue");
      await page.getByRole("button", { name: "Apply" }).click();
      await expect(page.getByText("1 action, 1 overdue")).toBeVisible();
      await expect(page.getByRole("combobox", { name: "Status of “Add a canary stage”" })).toBeVisible();

      await page.getByRole("combobox", { name: "Due", exact: true }).selectOption("any");
      await page.getByRole("checkbox", { name: /^Done/ }).check();
      await page.getByRole("button", { name: "Apply" }).click();
      await expect(page).toHaveURL(/status=done/);
      await expect(page.getByText(/^1 action$/)).toBeVisible();
      await expect(page.getByRole("combobox", { name: "Status of “Write the runbook”" })).toBeVisible();

      await page.goBack();
      await expect(page.getByText("1 action, 1 overdue")).toBeVisible();
      await page.goBack();
      await expect(page.getByText("3 actions, 1 overdue")).toBeVisible();
    });

    await test.step("change two statuses of one postmortem in place", async () => {
      const canary = page.getByRole("combobox", { name: "Status of “Add a canary stage”" });
      await canary.selectOption("done");
      const row = page.getByRole("row").filter({ has: canary });
      await expect(row.getByRole("status")).toHaveText("Saved");
      // The second change sends the version the first one produced.
      const queue = page.getByRole("combobox", { name: "Status of “Page on queue depth”" });
      await queue.selectOption("in_progress");
      await expect(page.getByRole("row").filter({ has: queue }).getByRole("status")).toHaveText("Saved");
    });

    await test.step("reload: the statuses are kept, and nothing is overdue any more", async () => {
      await page.reload();
      await expect(page.getByRole("combobox", { name: "Status of “Add a canary stage”" })).toHaveValue("done");
      await expect(page.getByRole("combobox", { name: "Status of “Page on queue depth”" })).toHaveValue("in_progress");
      await expect(page.getByText(/^3 actions$/)).toBeVisible();
      await expect(page.getByText(/Overdue by/)).toHaveCount(0);
    });

    await test.step("the postmortem's history has both changes", async () => {
      await page.goto(`/postmortems/${doc.slug}/history`);
      await expect(page.getByText("Action 'Add a canary stage' status: open → done")).toBeVisible();
      await expect(page.getByText("Action 'Page on queue depth' status: open → in progress")).toBeVisible();
    });
  });

  test("a change made elsewhere meanwhile is a conflict the page explains, showing the current status", async ({ page, request, makePostmortem }) => {
    const owner = uniqueOwner("Conflict Cas");
    const doc = await makePostmortem({ correctiveActions: [{ title: "Shard the queue", owner, status: "open" }] });
    await page.goto(`/actions?owner=${encodeURIComponent(owner)}`);
    const select = page.getByRole("combobox", { name: "Status of “Shard the queue”" });
    await expect(select).toHaveValue("open");

    // Someone else sets it in progress through the API while the page is open.
    const current = await getPostmortem(request, doc.slug);
    const elsewhere = await request.patch(`/api/postmortems/${doc.slug}/actions/0`, { data: { status: "in_progress", version: current.version } });
    expect(elsewhere.status()).toBe(200);

    await select.selectOption("wont_do");
    const alert = page.getByRole("row").filter({ has: select }).getByRole("alert");
    await expect(alert).toContainText("Not saved: someone changed this postmortem meanwhile");
    await expect(alert).toContainText("“In progress”");
    await expect(select).toHaveValue("in_progress");
    expect((await getPostmortem(request, doc.slug)).correctiveActions).toMatchObject([{ status: "in_progress" }]);

    // Choosing again now saves, against the version the conflict showed.
    await select.selectOption("done");
    await expect(page.getByRole("row").filter({ has: select }).getByRole("status")).toHaveText("Saved");
    expect((await getPostmortem(request, doc.slug)).correctiveActions).toMatchObject([{ status: "done" }]);
  });

  test("the CSV download holds the filtered rows, quoted, with formulas defused", async ({ page, makePostmortem }) => {
    const owner = uniqueOwner("Csv Cole");
    const doc = await makePostmortem({
      title: `Checkout, "cart" outage ${Date.now().toString(36)}`,
      correctiveActions: [
        { title: "=HYPERLINK(\"http://evil.example\",\"x\")", owner, dueDate: daysFromToday(-3), status: "open", type: "prevent" },
        { title: "Plain, with a comma", owner, status: "done" },
        { title: "Someone else's", owner: uniqueOwner("Other") },
      ],
    });
    await page.goto(`/actions?owner=${encodeURIComponent(owner)}`);
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download CSV" }).click()]);
    expect(download.suggestedFilename()).toMatch(/^hindsight-actions-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = readFileSync((await download.path())!, "utf8");
    const lines = csv.split("\r\n");
    // Every field quoted, so a spreadsheet that splits on ";" still reads each one whole.
    expect(lines[0]).toBe('"Postmortem","Postmortem link","Severity","Action","Type","Priority","Owner","Due date","Status","Days overdue","Tracker link"');
    expect(lines).toHaveLength(4); // header, two rows, and the empty string after the last CRLF
    const title = `"${doc.title.replace(/"/g, '""')}"`;
    expect(lines[1].startsWith(`${title},"http://`)).toBe(true);
    expect(lines[1]).toContain(`:${new URL(page.url()).port}/postmortems/${doc.slug}","SEV2","'=HYPERLINK(""http://evil.example"",""x"")","prevent","","${owner}","${daysFromToday(-3)}","Open","3",`);
    expect(lines[2]).toContain(`"Plain, with a comma","","","${owner}","","Done","",`);
    expect(lines[3]).toBe("");
  });

  test("junk in the address is named and ignored; the page still answers", async ({ page }) => {
    const response = await page.goto("/actions?due=soonish&status=closed&page=0");
    expect(response?.status()).toBe(200);
    const alert = page.getByRole("main").getByRole("alert");
    await expect(alert).toContainText("not understood");
    await expect(alert).toContainText("due");
    await expect(alert).toContainText("status");
    await expect(page.getByRole("heading", { name: "Corrective actions", level: 1 })).toBeVisible();
  });

  for (const width of [1280, 390]) {
    test(`no axe violations and no sideways scroll at ${width} px`, async ({ page, makePostmortem }) => {
      test.setTimeout(90_000); // axe over a full page is slow on a busy 2-core machine
      const owner = uniqueOwner("Axe Ada");
      await makePostmortem({
        correctiveActions: [
          { title: "An overdue action with a fairly long title to wrap", owner, dueDate: daysFromToday(-12), status: "open", type: "prevent" },
          { title: "Due soon", owner, dueDate: daysFromToday(3), status: "in_progress", type: "detect" },
          { title: "No owner yet", owner: null, status: "open" },
          { title: "Finished", owner, dueDate: daysFromToday(-30), status: "done", type: "process" },
        ],
      });
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`/actions?owner=${encodeURIComponent(owner)}`);
      await expect(page.getByText("3 actions, 1 overdue")).toBeVisible();
      await page.screenshot({ path: `/tmp/shots-b/tracker-${width}.png`, fullPage: true });
      const results = await new AxeBuilder({ page }).analyze();
      expect(results.violations.map((v) => `${v.id} — ${v.help} at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `the tracker at ${width}px scrolls sideways`).toBeLessThanOrEqual(0);
    });
  }
});
