import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

/** Two people (two browser contexts, no shared storage) with the same postmortem open in the editor, each page failing the test on an uncaught error. */
async function openEditorTwice(openPage: () => Promise<Page>, slug: string): Promise<[Page, Page]> {
  const pages: Page[] = [];
  for (let i = 0; i < 2; i++) {
    const page = await openPage();
    await page.goto(`/postmortems/${slug}/edit`);
    pages.push(page);
  }
  return [pages[0], pages[1]];
}

/** Two people, one postmortem; and a server that stops answering for a while. */

test("a stale save shows both sides field by field and saves the user's choice", async ({ openPage, makePostmortem, request }) => {
  const doc = await makePostmortem({ summary: "Original summary." });
  const [alice, bob] = await openEditorTwice(openPage, doc.slug);

  await test.step("Alice renames the postmortem and it saves", async () => {
    await alice.getByLabel("Title").fill(`${doc.title} (renamed by Alice)`);
    await expect(alice.locator("[data-save-state]")).toHaveAttribute("data-save-state", "saved");
  });

  await test.step("Bob, still on the old version, edits the summary and is shown a conflict", async () => {
    await bob.getByLabel("Summary").fill("Bob's better summary.");
    const dialog = bob.getByRole("dialog", { name: /Someone else saved/ });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole("group", { name: "Title" })).toContainText(`${doc.title} (renamed by Alice)`);
    await expect(dialog.getByRole("group", { name: "Title" })).toContainText(doc.title);
    await expect(dialog.getByRole("group", { name: "Summary" })).toContainText("Bob's better summary.");
    await expect(dialog.getByRole("group", { name: "Summary" })).toContainText("Original summary.");
    await expect(bob.locator("[data-save-state]")).toHaveAttribute("data-save-state", "conflict");
  });

  await test.step("Bob takes Alice's title and keeps his summary", async () => {
    const dialog = bob.getByRole("dialog");
    await dialog.getByRole("group", { name: "Title" }).getByRole("radio", { name: "Take theirs" }).check();
    await dialog.getByRole("group", { name: "Summary" }).getByRole("radio", { name: "Keep mine" }).check();
    await dialog.getByRole("button", { name: "Save my choices" }).click();
    await expect(dialog).toBeHidden();
    await expect(bob.locator("[data-save-state]")).toHaveAttribute("data-save-state", "saved");
  });

  const saved = await (await request.get(`/api/postmortems/${doc.slug}`)).json();
  expect(saved.title).toBe(`${doc.title} (renamed by Alice)`);
  expect(saved.summary).toBe("Bob's better summary.");
  expect(saved.version).toBe(doc.version + 2);
  await expect(bob.getByLabel("Title")).toHaveValue(`${doc.title} (renamed by Alice)`);
});

test("accepting the conflict's defaults keeps both people's edits; Esc puts the choice off and focus stays in the dialog", async ({ openPage, makePostmortem, request }) => {
  const doc = await makePostmortem({ summary: "Original summary." });
  const [alice, bob] = await openEditorTwice(openPage, doc.slug);

  await alice.getByLabel("Summary").fill("Alice's new summary.");
  await expect(alice.locator("[data-save-state]")).toHaveAttribute("data-save-state", "saved");

  await bob.getByLabel("Title").fill(`${doc.title} (Bob)`);
  const dialog = bob.getByRole("dialog", { name: /Someone else saved/ });
  await expect(dialog).toBeVisible();
  const summary = dialog.getByRole("group", { name: "Summary" });
  await expect(summary).toContainText("Only they changed this");
  await expect(summary.getByRole("radio", { name: "Take theirs" })).toBeChecked();
  const title = dialog.getByRole("group", { name: "Title" });
  await expect(title).toContainText("Only you changed this");
  await expect(title.getByRole("radio", { name: "Keep mine" })).toBeChecked();

  await test.step("Tab never leaves the dialog", async () => {
    for (const key of [...Array(12).fill("Tab"), ...Array(12).fill("Shift+Tab")]) {
      await bob.keyboard.press(key);
      expect(await bob.evaluate(() => Boolean(document.activeElement?.closest("dialog"))), `focus after ${key}`).toBe(true);
    }
  });

  await test.step("Esc closes it without saving; the header offers it again", async () => {
    await bob.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await expect(bob.locator("[data-save-state]")).toHaveAttribute("data-save-state", "conflict");
    expect((await (await request.get(`/api/postmortems/${doc.slug}`)).json()).title).toBe(doc.title);
    await bob.getByRole("button", { name: "Choose what to keep" }).click();
    await expect(dialog).toBeVisible();
  });

  await dialog.getByRole("button", { name: "Save my choices" }).click();
  await expect(bob.locator("[data-save-state]")).toHaveAttribute("data-save-state", "saved");
  const saved = await (await request.get(`/api/postmortems/${doc.slug}`)).json();
  expect(saved.summary).toBe("Alice's new summary.");
  expect(saved.title).toBe(`${doc.title} (Bob)`);
  await expect(bob.getByLabel("Summary")).toHaveValue("Alice's new summary.");
});

test("edits made while the API is unreachable are kept on the device and saved when it answers again", async ({ page, makePostmortem, request }) => {
  const doc = await makePostmortem();
  await page.goto(`/postmortems/${doc.slug}/edit?step=lessons`);
  await page.route(`**/api/postmortems/${doc.slug}`, (route) => route.abort("internetdisconnected"));

  await page.getByLabel("Where we got lucky").fill("Written while the server was away.");
  await expect(page.locator("[data-save-state]")).toHaveText("Offline — your changes are kept on this device");

  await test.step("a reload while still offline loses nothing", async () => {
    await page.reload();
    await expect(page.getByLabel("Where we got lucky")).toHaveValue("Written while the server was away.");
    await expect(page.locator("[data-save-state]")).toHaveAttribute("data-save-state", "offline");
  });

  await test.step("the API answers again: the change is saved", async () => {
    await page.unroute(`**/api/postmortems/${doc.slug}`);
    await expect(page.locator("[data-save-state]")).toHaveAttribute("data-save-state", "saved", { timeout: 20_000 });
    const saved = await (await request.get(`/api/postmortems/${doc.slug}`)).json();
    expect(saved.lessons.lucky).toBe("Written while the server was away.");
  });
});

test("an invalid figure is explained beside the field and nothing invalid is saved", async ({ page, makePostmortem, request }) => {
  const doc = await makePostmortem();
  await page.goto(`/postmortems/${doc.slug}/edit`);
  await page.getByLabel("Error rate").fill("150");
  await expect(page.getByText("Must be at most 100")).toBeVisible();
  await page.getByLabel("Users affected").fill("-3");
  await expect(page.getByText("Must not be negative")).toBeVisible();
  await expect(page.locator("[data-save-state]")).toHaveAttribute("data-save-state", "invalid");
  const stored = await (await request.get(`/api/postmortems/${doc.slug}`)).json();
  expect(stored.impactFigures.errorRate).toBe(12.5);

  await page.getByLabel("Error rate").fill("15");
  await page.getByLabel("Users affected").fill("300");
  await expect(page.locator("[data-save-state]")).toHaveAttribute("data-save-state", "saved");
  const fixed = await (await request.get(`/api/postmortems/${doc.slug}`)).json();
  expect(fixed.impactFigures).toMatchObject({ errorRate: 15, usersAffected: 300 });
});

test("times typed past midnight land on the next day, in order, with a note saying so", async ({ page, makePostmortem, request }) => {
  const doc = await makePostmortem({ timeline: [], timezone: "America/New_York", incidentDate: "2026-12-04" });
  await page.goto(`/postmortems/${doc.slug}/edit?step=timeline`);
  const time = page.getByLabel("Time of the new event");
  for (const [at, text] of [
    ["23:10", "Failover starts"],
    ["23:25", "Writes fail on the new primary"],
    ["00:15", "Rollback begins"],
    ["01:05", "Checkout recovers"],
  ]) {
    await time.fill(at);
    await page.getByLabel("What happened (new event)").fill(text);
    await page.keyboard.press("Enter");
    await expect(page.getByLabel(/^What happened \(event \d\)$/).last()).toHaveValue(text);
    if (at === "00:15") await expect(page.getByText(/Read as Sat 5 Dec, the day after the event before it/)).toBeVisible();
  }
  await expect(page.locator("[data-save-state]")).toHaveAttribute("data-save-state", "saved");
  const saved = await (await request.get(`/api/postmortems/${doc.slug}`)).json();
  expect(saved.timeline.map((event: { at: string }) => event.at)).toEqual([
    "2026-12-04T23:10:00-05:00",
    "2026-12-04T23:25:00-05:00",
    "2026-12-05T00:15:00-05:00",
    "2026-12-05T01:05:00-05:00",
  ]);
});

test("the timeline is fast by keyboard: add, reorder, delete with undo", async ({ page, makePostmortem }) => {
  const doc = await makePostmortem({ timeline: [], timezone: "UTC", incidentDate: "2024-03-14" });
  await page.goto(`/postmortems/${doc.slug}/edit?step=timeline`);
  const time = page.getByLabel("Time of the new event");

  await test.step("time, Tab, Tab, text, Enter — three times", async () => {
    for (const [at, text] of [
      ["10:47 AM", "Config deployed"],
      ["2024-03-14 10:52", "PagerDuty alerts the on-call engineer"],
      ["", "Support tickets pile up (time unknown)"],
    ]) {
      await time.click();
      await page.keyboard.type(at);
      await page.keyboard.press("Tab");
      await page.keyboard.press("Tab");
      await page.keyboard.type(text);
      await page.keyboard.press("Enter");
      await expect(time).toBeFocused();
    }
    await expect(page.getByLabel(/^What happened \(event \d\)$/)).toHaveCount(3);
    await expect(page.getByLabel("Kind of event 2")).toHaveValue("alert");
  });

  await test.step("a time typed out of order is placed in time order", async () => {
    await time.fill("10:40");
    await page.getByLabel("What happened (new event)").fill("Change merged");
    await page.keyboard.press("Enter");
    await expect(page.getByLabel("What happened (event 1)")).toHaveValue("Change merged");
  });

  await test.step("an impossible time is refused with the reason", async () => {
    await time.fill("13:55 PM");
    await page.getByLabel("What happened (new event)").fill("Should not be added");
    await page.keyboard.press("Enter");
    await expect(page.getByText(/not a valid time/)).toBeVisible();
    await expect(page.getByLabel(/^What happened \(event \d\)$/)).toHaveCount(4);
  });

  await test.step("the untimed event kept its place; Alt+↑ moves it up; delete and undo", async () => {
    const untimed = page.getByLabel("What happened (event 3)");
    await expect(untimed).toHaveValue("Support tickets pile up (time unknown)");
    await untimed.focus();
    await page.keyboard.press("Alt+ArrowUp");
    await expect(page.getByLabel("What happened (event 2)")).toHaveValue("Support tickets pile up (time unknown)");
    await expect(page.getByLabel("What happened (event 2)")).toBeFocused();
    await page.getByRole("button", { name: "Delete event 2" }).click();
    await expect(page.getByLabel(/^What happened \(event \d\)$/)).toHaveCount(3);
    await page.getByRole("button", { name: "Undo" }).click();
    await expect(page.getByLabel("What happened (event 2)")).toHaveValue("Support tickets pile up (time unknown)");
  });
  await expect(page.locator("[data-save-state]")).toHaveAttribute("data-save-state", "saved");
});

test("Ctrl+S with nothing changed adds no version to the history", async ({ page, makePostmortem, request }) => {
  const doc = await makePostmortem();
  await page.goto(`/postmortems/${doc.slug}/edit`);
  await expect(page.locator("[data-save-state]")).toHaveText(/^Saved/);
  await page.keyboard.press("ControlOrMeta+s");
  await page.keyboard.press("ControlOrMeta+s");
  await expect(page.locator("[data-save-state]")).toHaveAttribute("data-save-state", "saved");
  await page.getByLabel("Summary").fill("A real change.");
  await expect(page.locator("[data-save-state]")).toHaveAttribute("data-save-state", "saved");
  await expect.poll(async () => (await (await request.get(`/api/postmortems/${doc.slug}`)).json()).summary).toBe("A real change.");
  const { revisions } = await (await request.get(`/api/postmortems/${doc.slug}/revisions`)).json();
  expect(revisions.map((revision: { summary: string }) => revision.summary)).not.toContain("Saved without changes");
  expect((await (await request.get(`/api/postmortems/${doc.slug}`)).json()).version).toBe(doc.version + 1);
});
