import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { expect, test, uniqueTitle } from "./fixtures";

/**
 * A postmortem written through the guided editor only, as in a review meeting:
 * typing, the timeline pasted from the original post, a reload half-way.
 */

type Story = {
  title: string;
  incidentDate: string;
  timezone: string;
  impact: string;
  timelineLines: string;
  trigger: string;
  rootCause: string;
  factors: { category: string; text: string }[];
  actions: { title: string; description: string }[];
  lessons: { wentWell: string; wentWrong: string; lucky: string };
  extraSection?: { title: string; body: string };
  expectedTimes: string[];
};

const EXAMPLE_001 = path.resolve(__dirname, "..", "..", "shared", "examples", "001_dcfdd56ea97a1954.txt");

/** Splits a Markdown post into its "## " sections (title → body). */
function sections(markdown: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const part of markdown.split(/^## /m).slice(1)) {
    const [title, ...body] = part.split("\n");
    map.set(title.trim(), body.join("\n").replace(/\n---\s*$/m, "").trim());
  }
  return map;
}

/** "### 1. **Lack of config validation**\n\ntext" → [{ heading, body }]. */
function subsections(body: string): { heading: string; body: string }[] {
  return body
    .split(/^### /m)
    .slice(1)
    .map((part) => {
      const [heading, ...rest] = part.split("\n");
      return { heading: heading.replace(/^\d+\.\s*/, "").replace(/\*\*/g, "").trim(), body: rest.join("\n").trim() };
    });
}

function storyFrom001(): Story {
  const post = readFileSync(EXAMPLE_001, "utf8");
  const parts = sections(post);
  const timeline = parts.get("The Incident Timeline")!;
  const timelineLines = timeline.slice(timeline.indexOf("**10:47 AM**"), timeline.indexOf("**Total time")).trim();
  const categories = ["environment_drift", "environment_drift", "process", "testing", "human_factors"];
  return {
    title: "Real-life Postmortem: Lessons from a Bad Deploy",
    incidentDate: "2025-05-25",
    timezone: "UTC",
    impact: "80% of login attempts failed during the incident window.",
    timelineLines,
    trigger: parts.get("The Incident")!.split("\n")[0],
    rootCause: parts.get("Root Cause")!,
    factors: subsections(parts.get("Contributing Factors")!).map((f, i) => ({ category: categories[i], text: `${f.heading}: ${f.body}` })),
    actions: subsections(parts.get("What We’ve Fixed")!).map((a) => ({ title: a.heading, description: a.body })),
    lessons: {
      wentWell: parts.get("Recovery and Response")!.split("\n")[0],
      wentWrong: parts.get("Key Lessons Learned")!,
      lucky: "We were lucky this didn’t last longer or cause data loss.",
    },
    extraSection: { title: "Cultural Shifts and Team Reflection", body: parts.get("Cultural Shifts and Team Reflection")! },
    expectedTimes: ["10:47", "10:50", "10:52", "10:55", "11:10", "11:25", "11:32", "11:39", "12:12"].map((t) => `2025-05-25T${t}:00Z`),
  };
}

/** Our own story, so the journey also runs where ../shared is absent. */
const OWN_STORY: Story = {
  title: "Queue backlog after a broker upgrade",
  incidentDate: "2024-11-02",
  timezone: "Europe/Berlin",
  impact: "Order confirmations were delayed by up to **40 minutes**.",
  timelineLines: [
    "- 23:40 Broker upgrade to 3.12 is rolled out",
    "- 23:55 Consumer lag starts to grow on the orders queue",
    "- 00:05 Alert: consumer lag above 10,000 messages",
    "- 00:20 Rolled back the broker upgrade",
    "- 00:48 Lag back to zero; incident resolved",
  ].join("\n"),
  trigger: "The rollout of broker version 3.12.",
  rootCause: "The new broker's default prefetch limit was 10× lower than ours.",
  factors: [
    { category: "environment_drift", text: "Staging used an explicit prefetch setting; production relied on the default." },
    { category: "monitoring", text: "Consumer lag alerted only after 10 minutes above threshold." },
  ],
  actions: [
    { title: "Set prefetch explicitly in every environment", description: "Config lives in one module." },
    { title: "Alert on lag growth rate", description: "Page after 2 minutes of growth." },
  ],
  lessons: { wentWell: "Rollback was rehearsed.", wentWrong: "Release notes were not read.", lucky: "Night-time traffic." },
  expectedTimes: ["2024-11-02T23:40:00+01:00", "2024-11-02T23:55:00+01:00", "2024-11-03T00:05:00+01:00", "2024-11-03T00:20:00+01:00", "2024-11-03T00:48:00+01:00"],
};

async function waitUntilSaved(page: Page) {
  await expect(page.locator("[data-save-state]")).toHaveAttribute("data-save-state", "saved", { timeout: 15_000 });
}

async function openStep(page: Page, name: RegExp) {
  await page.getByRole("navigation", { name: "Postmortem steps" }).getByRole("link", { name }).click();
}

async function writeThroughTheEditor(page: Page, story: Story, title: string): Promise<string> {
  await test.step("start a postmortem from its title", async () => {
    await page.goto("/");
    await page.getByRole("link", { name: "New postmortem" }).click();
    await page.getByLabel("Title").fill(title);
    await page.getByRole("button", { name: "Start the postmortem" }).click();
    await expect(page.getByRole("heading", { name: "Overview & impact" })).toBeVisible();
  });
  const slug = new URL(page.url()).pathname.split("/")[2];

  await test.step("overview and impact", async () => {
    await page.getByLabel("Severity").selectOption("SEV2");
    await page.getByLabel("Incident date").fill(story.incidentDate);
    await page.getByLabel("Time zone").fill(story.timezone);
    await page.getByLabel("Affected services").fill("auth-service, login-web");
    await page.getByLabel("Summary").fill(`Summary of ${story.title}.`);
    await page.getByLabel("Error rate").fill("80");
    await page.getByLabel("Impact", { exact: true }).fill(story.impact);
    await waitUntilSaved(page);
  });

  await test.step("timeline, pasted from the original lines", async () => {
    await openStep(page, /Timeline/);
    await page.getByRole("button", { name: "Paste lines…" }).click();
    await page.getByLabel("Lines to add to the timeline").fill(story.timelineLines);
    const count = story.expectedTimes.length;
    await expect(page.getByText(`${count} events read`)).toBeVisible();
    await page.getByRole("button", { name: `Add ${count} events` }).click();
    await expect(page.getByLabel(/^Time of event \d+$/)).toHaveCount(count);
    await waitUntilSaved(page);
  });

  await test.step("reload half-way: everything is still there", async () => {
    await page.reload();
    await expect(page.getByRole("heading", { name: "Timeline", level: 1 })).toBeVisible();
    await expect(page.getByLabel(/^Time of event \d+$/)).toHaveCount(story.expectedTimes.length);
    await openStep(page, /Overview/);
    await expect(page.getByLabel("Time zone")).toHaveValue(story.timezone);
    await expect(page.getByLabel("Error rate")).toHaveValue("80");
  });

  await test.step("root cause", async () => {
    await openStep(page, /Root cause/);
    await page.getByLabel("Trigger").fill(story.trigger);
    await page.getByRole("textbox", { name: "Root cause", exact: true }).fill(story.rootCause);
    await page.getByRole("button", { name: "Add a why" }).click();
    await expect(page.getByLabel("Why 1", { exact: true })).toBeFocused();
    await page.keyboard.type("Why did logins fail? A fallback path crashed.");
  });

  await test.step("contributing factors", async () => {
    await openStep(page, /Contributing factors/);
    for (const [index, factor] of story.factors.entries()) {
      await page.getByRole("button", { name: "Add a contributing factor" }).click();
      await page.locator(`#factor-${index}-category`).selectOption(factor.category);
      await page.locator(`#factor-${index}-text`).fill(factor.text);
    }
  });

  await test.step("corrective actions, each with an owner and a due date", async () => {
    await openStep(page, /Corrective actions/);
    for (const [index, action] of story.actions.entries()) {
      await page.getByRole("button", { name: "Add a corrective action" }).click();
      await page.getByLabel(`Action ${index + 1}`, { exact: true }).fill(action.title);
      const item = page.locator("[data-item]").nth(index);
      await item.getByLabel("Owner").fill("Platform team");
      await item.getByLabel("Due date").fill("2025-06-30");
      await item.getByLabel("Type").selectOption("prevent");
      await item.getByLabel("Description").fill(action.description);
    }
  });

  await test.step("lessons and an extra section; Ctrl+S saves at once", async () => {
    await openStep(page, /Lessons/);
    await page.getByLabel("What went well").fill(story.lessons.wentWell);
    await page.getByLabel("What went wrong").fill(story.lessons.wentWrong);
    await page.getByLabel("Where we got lucky").fill(story.lessons.lucky);
    if (story.extraSection) {
      await page.getByRole("button", { name: "Add a section" }).click();
      await page.getByLabel("Section 1 title").fill(story.extraSection.title);
      await page.locator("[data-item]").first().getByLabel("Body").fill(story.extraSection.body);
    }
    await page.keyboard.press("ControlOrMeta+s");
    await waitUntilSaved(page);
  });
  return slug;
}

for (const [name, load] of [
  ["example 001 from ../shared", () => storyFrom001()],
  ["our own multi-day story", () => OWN_STORY],
] as const) {
  test(`a postmortem written through the editor only: ${name}`, async ({ page, request }) => {
    test.skip(name.includes("001") && !existsSync(EXAMPLE_001), "../shared/examples is absent: nothing to recreate");
    test.setTimeout(120_000);
    const story = load();
    const title = uniqueTitle(story.title);
    const slug = await writeThroughTheEditor(page, story, title);

    await test.step("the saved document holds everything", async () => {
      const doc = await (await request.get(`/api/postmortems/${slug}`)).json();
      expect(doc.title).toBe(title);
      expect(doc.timezone).toBe(story.timezone);
      expect(doc.impactFigures.errorRate).toBe(80);
      expect(doc.timeline.map((event: { at: string }) => event.at)).toEqual(story.expectedTimes);
      expect(doc.timeline.every((event: { text: string }) => event.text.length > 5)).toBe(true);
      expect(doc.contributingFactors).toHaveLength(story.factors.length);
      expect(doc.contributingFactors.map((f: { category: string }) => f.category)).toEqual(story.factors.map((f) => f.category));
      expect(doc.correctiveActions.map((a: { title: string }) => a.title)).toEqual(story.actions.map((a) => a.title));
      expect(doc.correctiveActions.every((a: { owner: string; dueDate: string }) => a.owner && a.dueDate)).toBe(true);
      expect(doc.rootCause.whys).toEqual(["Why did logins fail? A fallback path crashed."]);
      expect(doc.lessons.lucky).toBe(story.lessons.lucky);
      if (story.extraSection) expect(doc.sections[0].title).toBe(story.extraSection.title);
    });

    await test.step("the page shows it, times in the postmortem's zone", async () => {
      await page.getByRole("link", { name: "View", exact: true }).click();
      await expect(page.getByRole("heading", { name: title, level: 1 })).toBeVisible();
      await expect(page.getByRole("heading", { name: "Contributing factors" })).toBeVisible();
    });
  });
}
