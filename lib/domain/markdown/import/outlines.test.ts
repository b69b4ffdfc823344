/**
 * Our own outline fixtures (fixtures/outlines): plain-text posts whose
 * headings are bare lines (ending in an emoji, a question mark or a colon,
 * numbered "2." or "2.1"), factors and actions written as subheadings with
 * paragraphs, and actions grouped under "Short term" / "Now" / "P0" /
 * "Detect" subheadings, in Markdown and plain text, with ticket links,
 * owners and due dates.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { postmortemInputSchema, type PostmortemDraft } from "@/lib/schemas/postmortem";
import { parseMarkdown } from "./parse-markdown";
import { allStrings, missingSentences } from "./test-support";

const dir = path.join(__dirname, "fixtures", "outlines");
const now = new Date("2026-01-15T12:00:00Z");

function parse(name: string): { draft: PostmortemDraft; warnings: string[] } {
  const { document, warnings } = parseMarkdown(readFileSync(path.join(dir, name), "utf8"), { fileName: name, now });
  return { draft: postmortemInputSchema.parse(document), warnings };
}

// Words that became structure: a group word ("Detect", "Later") a type or priority, "due"/"by" a due date, a table header its columns.
const STRUCTURE_WORDS = /^(?:action|actions|ticket|due|by|owner|owners|priority|status|type|now|next|later|detect|mitigate|prevent|done|january|february|march|april|may|june|july|august|september|october|november|december)$/i;

/**
 * Sentences missing word for word whose words are not all kept either: an
 * action line whose owner, due date or ticket became a field keeps its
 * words, not its exact wording.
 */
function lostSentences(text: string, document: unknown): string[] {
  const kept = allStrings(document).toLowerCase();
  return missingSentences(text, document).filter((sentence) =>
    (sentence.match(/\p{L}[\p{L}'’-]*/gu) ?? []).some((word) => !STRUCTURE_WORDS.test(word) && !kept.includes(word.toLowerCase())),
  );
}

const titles = (items: { title: string }[]) => items.map((item) => item.title);
const factorTitles = (draft: PostmortemDraft) => draft.contributingFactors.map((factor) => factor.text.match(/^\*\*(.+?)\*\*/)?.[1] ?? factor.text);

describe("outline fixtures", () => {
  it.each(readdirSync(dir))("%s is a valid document that keeps every sentence", (name) => {
    const text = readFileSync(path.join(dir, name), "utf8");
    const { document } = parseMarkdown(text, { fileName: name, now });
    expect(postmortemInputSchema.safeParse(document).error).toBeUndefined();
    expect(lostSentences(text, document)).toEqual([]);
  });

  it("emoji headings: the title line, factor and numbered action subheadings, a closing section with its list", () => {
    const { draft } = parse("emoji-headings.txt");
    expect(draft.title).toBe("The night our image resizer ate the CDN bill 💸");
    expect(draft.summary).toMatch(/^On March 14th, 2025 our image resizer[\s\S]*Latency rose by 40 ms and stayed there\.$/);
    expect(factorTitles(draft)).toEqual(["Nothing checked the cache headers 🧾", "Cost alerts were daily ⏰", "Nobody owned the resizer 🤷"]);
    expect(draft.contributingFactors[1].text).toContain("The billing alert runs once a day, at 06:00.");
    expect(draft.correctiveActions.map(({ title, owner, dueDate }) => ({ title, owner, dueDate }))).toEqual([
      { title: "Check the input first 🧪", owner: "Marta", dueDate: null },
      { title: "Hourly cost alerts 📈", owner: null, dueDate: "2025-04-30" },
      { title: "Give the resizer an owner 🧑‍💻", owner: null, dueDate: null },
    ]);
    expect(draft.sections).toEqual([
      expect.objectContaining({ title: "Final thoughts 💭", body: expect.stringMatching(/invoice at 09:00\.\n- Test the headers, not only the body\.\n- Alert on money[\s\S]*needs an owner\.$/) }),
    ]);
  });

  it("question headings with blank lines: factors and actions as subheadings, details read from their sentences", () => {
    const { draft } = parse("question-headings.txt");
    expect(draft.title).toBe("Why our login page went blank for 18 minutes");
    expect(draft.rootCause.narrative).toMatch(/^A build step renamed the main bundle/);
    expect(factorTitles(draft)).toEqual(["Our checks only looked at status codes", "The CDN cached HTML for an hour"]);
    expect(draft.correctiveActions).toEqual([
      expect.objectContaining({ title: "Load the page in a real browser after every deploy", owner: "Ines", url: "https://acme.atlassian.net/browse/WEB-318", status: "open" }),
      expect.objectContaining({ title: "Stop caching HTML at the edge", status: "done" }),
      expect.objectContaining({ title: "Restore the purge step", dueDate: "2025-05-30" }),
    ]);
    expect(titles(draft.sections)).toEqual(["How did we find out?"]);
  });

  it("pasted from Confluence: header lines under the title, bare headings without blank lines, a closing section", () => {
    const { draft } = parse("confluence-paste.txt");
    expect(draft.title).toBe("Incident review – Billing export failed for EU customers");
    expect(draft.summary).toMatch(/^The nightly billing export for EU customers failed three nights in a row\./);
    expect(draft.impact).toMatch(/^About 4,300 invoices/);
    expect(factorTitles(draft)).toEqual(["The export swallowed its own errors", "A schema change reached the export first", "Nobody watched the output"]);
    expect(draft.correctiveActions).toEqual([
      expect.objectContaining({ title: "Fail loudly on any export error", owner: "Daniel Weber", dueDate: "2024-11-08" }),
      expect.objectContaining({ title: "Select columns by name", owner: null }),
      expect.objectContaining({ title: "Row-count check against the invoices table", priority: "high" }),
    ]);
    expect(titles(draft.sections)).toEqual(["Final thoughts"]);
  });

  it("numbered headings (2., 2.1) with emoji: outline numbers are levels, items lose their number", () => {
    const { draft } = parse("numbered-headings.txt");
    expect(draft.title).toBe("Cache stampede after the catalogue deploy 🧨");
    expect(draft.summary).toMatch(/^On January 22nd, 2025, a deploy flushed the product cache/);
    expect(factorTitles(draft)).toEqual(["The deploy flushed the whole cache", "No request coalescing"]);
    expect(draft.correctiveActions.map(({ title, owner, dueDate }) => ({ title, owner, dueDate }))).toEqual([
      { title: "Remove the flush from the deploy script", owner: null, dueDate: null },
      { title: "Coalesce cache misses per key", owner: "Kenji Mori", dueDate: "2025-02-14" },
      { title: "Warm the cache before switching traffic", owner: "Aylin Demir", dueDate: null },
    ]);
    expect(draft.lessons.wentWrong).toMatch(/^Staging commands in production runbooks are a hazard\./);
    expect(draft.sections).toEqual([]);
  });

  it("Markdown Remediation grouped Short term / Long term: the list items are the actions, tickets their urls", () => {
    const { draft, warnings } = parse("remediation-short-long.md");
    expect(draft.correctiveActions.map(({ title, owner, dueDate, url, description }) => ({ title, owner, dueDate, url, description }))).toEqual([
      { title: "Pin the SDK to 4.12 until the agent fix lands", owner: null, dueDate: null, url: "https://github.com/acme/checkout/issues/812", description: "Group: Short term" },
      { title: "Add a p95 latency alert on the payments client", owner: "Priya Raman", dueDate: "2024-09-27", url: null, description: "Group: Short term" },
      { title: "Load-test checkout before any SDK upgrade", owner: "dmitri", dueDate: null, url: null, description: "Group: Short term" },
      { title: "Wrap third-party clients in our own connection pool", owner: null, dueDate: null, url: "https://github.com/acme/checkout/issues/815", description: "Group: Long term" },
      expect.objectContaining({ owner: "Platform team", dueDate: "2024-11-01", description: "Group: Long term" }),
    ]);
    // The sentence before the groups is no action: kept under the section's title.
    expect(draft.sections).toEqual([expect.objectContaining({ title: "Remediation", body: "We split the work into what ships this week and what needs design time." })]);
    expect(warnings.some((warning) => /text under "Remediation" that is not a corrective action/.test(warning))).toBe(true);
  });

  it("Markdown Now / Next / Later with Jira links and a checklist: priorities, owners after a dash or in parentheses", () => {
    const { draft } = parse("now-next-later.md");
    expect(factorTitles(draft)).toEqual(["The lock had no timeout", "The stall looked like progress", "The retry storm's impact"]);
    expect(draft.impact).toBe("");
    expect(draft.correctiveActions.map(({ title, priority, owner, dueDate, status, url }) => ({ title, priority, owner, dueDate, status, url }))).toEqual([
      { title: "Add a 30-minute timeout to the rebuild lock", priority: "high", owner: null, dueDate: null, status: "done", url: "https://acme.atlassian.net/browse/SRCH-101" },
      { title: "Alert when the rebuild runs longer than two hours", priority: "high", owner: "Aiko", dueDate: null, status: "open", url: null },
      { title: "Make the heartbeat report rows indexed, not just liveness", priority: "medium", owner: "Tomás", dueDate: "2024-03-15", status: "open", url: null },
      { title: "Move the rebuild to a shadow index and swap it in atomically", priority: "low", owner: null, dueDate: null, status: "open", url: "https://acme.atlassian.net/browse/SRCH-120" },
    ]);
    expect(draft.sections).toEqual([]);
  });

  it("Markdown Detect / Mitigate / Prevent: the group is the action's type", () => {
    const { draft } = parse("detect-mitigate-prevent.md");
    expect(draft.correctiveActions.map(({ type, priority, owner, status, url, dueDate }) => ({ type, priority, owner, status, url, dueDate }))).toEqual([
      { type: "detect", priority: "high", owner: "netops", status: "open", url: null, dueDate: null },
      { type: "detect", priority: null, owner: null, status: "open", url: null, dueDate: null },
      { type: "mitigate", priority: null, owner: null, status: "done", url: "https://linear.app/acme/issue/NET-77", dueDate: null },
      { type: "mitigate", priority: null, owner: null, status: "open", url: null, dueDate: null },
      { type: "prevent", priority: null, owner: "Jonas Berg", status: "open", url: null, dueDate: "2023-12-15" },
      { type: "prevent", priority: null, owner: null, status: "open", url: null, dueDate: null },
    ]);
    expect(draft.lessons.wentWell).toMatch(/^The secondary pool was healthy/);
  });

  it("plain-text P0 / P1 / P2 groups: a ticket id and its URL become the url, owners after a dash, dates after 'by'", () => {
    const { draft } = parse("priority-groups.txt");
    expect(draft.title).toBe("Postmortem: queue backlog in the notifications service");
    expect(draft.correctiveActions.map(({ title, priority, owner, dueDate, url }) => ({ title, priority, owner, dueDate, url }))).toEqual([
      { title: "Revert the batch size and pin it in config", priority: "high", owner: null, dueDate: null, url: "https://acme.atlassian.net/browse/OPS-2291" },
      { title: "Alert when the oldest message is older than five minutes", priority: "high", owner: "Sam Okafor", dueDate: "2024-07-12", url: null },
      { title: "Derive the visibility timeout from the batch size at startup", priority: "high", owner: "Grace Liu", dueDate: null, url: null },
      { title: "Add a replay dashboard for the notifications queue", priority: "high", owner: null, dueDate: "2024-08-02", url: null },
      { title: "Document the consumer's tuning knobs in the service README", priority: "medium", owner: null, dueDate: null, url: null },
    ]);
    expect(draft.lessons.wentWrong).toBe("- A config value that looks independent may not be.\n- Redelivery is silent: measure it.");
    expect(draft.sections).toEqual([]);
  });

  it("pasted with • bullets: factors and grouped actions read from bullet lines, colon headings", () => {
    const { draft } = parse("bullets-pasted.txt");
    expect(draft.title).toBe("Payment webhooks dropped during the TLS rotation");
    expect(draft.contributingFactors.map((factor) => factor.text)).toEqual([
      "The new certificate chain was missing an intermediate.",
      "Our health check used plain HTTP, so it never saw the failure.",
    ]);
    expect(draft.correctiveActions.map(({ title, owner, dueDate, url, description }) => ({ title, owner, dueDate, url, description }))).toEqual([
      { title: "Add the intermediate to the rotation script", owner: "Priya", dueDate: "2024-06-10", url: null, description: "Group: Short term" },
      { title: "Probe the receiver over HTTPS", owner: "Marco", dueDate: null, url: null, description: "Group: Short term" },
      { title: "Rotate certificates with the platform's managed tooling", owner: null, dueDate: null, url: "https://acme.atlassian.net/browse/PAY-88", description: "Group: Long term" },
    ]);
    expect(draft.sections).toEqual([]);
  });

  it("Google Docs export: bold headings, a table group and a list group under Follow-ups", () => {
    const { draft } = parse("google-docs-export.md");
    expect(draft.title).toBe("Postmortem: Feature flags served stale values");
    expect(factorTitles(draft)).toEqual(["Snapshot fallback without an age limit", "A single store for every region"]);
    expect(draft.correctiveActions.map(({ title, type, owner, dueDate, url }) => ({ title, type, owner, dueDate, url }))).toEqual([
      { title: "Refuse snapshots older than 15 minutes", type: "mitigate", owner: "Rui Costa", dueDate: null, url: "https://acme.atlassian.net/browse/FLAG-41" },
      { title: "Emit a metric when clients fall back", type: "mitigate", owner: "Mei Chen", dueDate: null, url: "https://acme.atlassian.net/browse/FLAG-42" },
      { title: "Replicate the flag store to every region", type: "prevent", owner: "Infra team", dueDate: "2025-06-30", url: null },
      { title: "Chaos test the store's partition behaviour every quarter", type: "prevent", owner: null, dueDate: null, url: null },
    ]);
    expect(draft.lessons.wentWell).toMatch(/^The kill switch/);
    expect(draft.sections).toEqual([]);
  });
});
