import { parse as parseYaml } from "yaml";
import { describe, expect, it } from "vitest";
import { exportFileName, renderMarkdown } from "./index";
import { documentFrom } from "./test-document";

const base = documentFrom({
  title: "Search returned stale results",
  summary: "The search index stopped updating for two hours.",
  severity: "SEV3",
  status: "published",
  timezone: "UTC",
  incidentDate: "2024-06-01",
  services: ["search"],
  tags: ["index"],
  authors: ["Kim Lee"],
  impact: "Results were up to two hours old.",
  timeline: [
    { at: "2024-06-01T22:30:00Z", kind: "impact_start", text: "Indexer stops consuming the queue." },
    { at: "2024-06-01T23:50:00Z", kind: "detected", text: "Support reports stale results.", link: "https://status.example.com/1" },
    { at: null, kind: "note", text: "Queue depth alert was muted (time unknown)." },
    { at: "2024-06-02T00:30:00Z", kind: "resolved", text: "Indexer restarted | queue drained." },
  ],
  rootCause: { trigger: "A deploy changed the queue name.", narrative: "The indexer read an old queue.", whys: ["Why stale? The indexer read nothing."] },
  contributingFactors: [{ category: "monitoring", text: "The queue alert was muted." }],
  correctiveActions: [{ title: "Unmute the queue alert", owner: "Kim Lee", url: "https://tracker.example.com/S-1", status: "done" }],
  lessons: { wentWell: "Quick restart.", wentWrong: "Late detection.", lucky: "Low traffic." },
  sections: [{ title: "Appendix", body: "Queue names are in the runbook.", internal: false }],
});

const frontMatterOf = (markdown: string) => parseYaml(markdown.split("---\n")[1]);
const headings = (markdown: string) => markdown.split("\n").filter((line) => /^#{1,3} /.test(line));

describe("front matter", () => {
  it("jekyll (the default): layout, title, date, tags, categories, comments, then Hindsight's own keys", () => {
    const markdown = renderMarkdown(base);
    expect(markdown.startsWith("---\nlayout: post\ntitle: Search returned stale results\ndate: 2024-06-01 22:30:00 +0000\n")).toBe(true);
    expect(frontMatterOf(markdown)).toEqual({
      layout: "post",
      title: "Search returned stale results",
      date: "2024-06-01 22:30:00 +0000",
      tags: ["index"],
      categories: ["postmortem", "search"],
      comments: true,
      severity: "SEV3",
      status: "published",
      timezone: "UTC",
      services: ["search"],
      authors: ["Kim Lee"],
      slug: "search-returned-stale-results",
      incident_date: "2024-06-01",
    });
    expect(markdown).not.toMatch(/^# /m);
  });

  it("hugo: title, ISO date, draft unless published, tags, then Hindsight's keys", () => {
    const published = frontMatterOf(renderMarkdown(base, { frontMatter: "hugo" }));
    expect(published).toMatchObject({ title: base.title, date: "2024-06-01T22:30:00Z", draft: false, tags: ["index"], slug: base.slug });
    expect(published).not.toHaveProperty("layout");
    expect(frontMatterOf(renderMarkdown({ ...base, status: "in_review" }, { frontMatter: "hugo" })).draft).toBe(true);
  });

  it("none: the title as the H1, then the fields as a list", () => {
    const markdown = renderMarkdown(base, { frontMatter: "none" });
    expect(markdown.startsWith("# Search returned stale results\n\n- **Date:** 2024-06-01\n- **Severity:** SEV3\n- **Status:** published\n")).toBe(true);
    expect(markdown).toContain("- **Authors:** Kim Lee\n- **Slug:** search-returned-stale-results\n");
    expect(markdown).not.toContain("---\n");
  });

  it("dates the post by the first timed event in the zone, else the incident day, else creation", () => {
    const berlin = { ...base, timezone: "Europe/Berlin" };
    expect(frontMatterOf(renderMarkdown(berlin)).date).toBe("2024-06-02 00:30:00 +0200");
    const noTimes = { ...berlin, timeline: [] };
    expect(frontMatterOf(renderMarkdown(noTimes)).date).toBe("2024-06-01 00:00:00 +0200");
    expect(frontMatterOf(renderMarkdown({ ...noTimes, incidentDate: null })).date).toBe("2024-03-15 10:30:00 +0100");
  });

  it("quotes values YAML would misread and keeps long titles on one line", () => {
    const title = `No: ${"a very long title ".repeat(8).trim()} # not a comment`;
    const markdown = renderMarkdown({ ...base, title, tags: ["yes", "2024-06-01", "on"] });
    expect(frontMatterOf(markdown)).toMatchObject({ title, tags: ["yes", "2024-06-01", "on"] });
    expect(markdown.split("\n").filter((line) => line.startsWith("title:"))).toHaveLength(1);
  });

  it("tells Jekyll not to run Liquid when the text has {{ }} or {% %}", () => {
    const helm = { ...base, rootCause: { ...base.rootCause, narrative: "```yaml\nimage: {{ .Values.image }}\n```" } };
    expect(frontMatterOf(renderMarkdown(helm)).render_with_liquid).toBe(false);
    expect(frontMatterOf(renderMarkdown(base))).not.toHaveProperty("render_with_liquid");
  });
});

describe("templates", () => {
  it("blog: summary and metrics first, then impact, timeline, root cause, factors, actions, lessons, extra sections", () => {
    const markdown = renderMarkdown(base);
    expect(markdown.split("---\n\n")[1].startsWith("The search index stopped updating for two hours.\n\n**Total time to resolution:** 2 hours\n**Time to detect:** 1 hour, 20 minutes\n\n## Impact")).toBe(true);
    expect(headings(markdown)).toEqual([
      "## Impact",
      "## Timeline",
      "### Sat, 1 Jun 2024",
      "### Sun, 2 Jun 2024",
      "## Root cause",
      "### Trigger",
      "### Five whys",
      "## Contributing factors",
      "## Corrective actions",
      "## Lessons learned",
      "### What went well",
      "### What went wrong",
      "### Where we got lucky",
      "## Appendix",
    ]);
  });

  it("sre: the SRE book's order, with resolution and detection taken from the timeline", () => {
    const markdown = renderMarkdown(base, { template: "sre" });
    expect(headings(markdown).filter((line) => line.startsWith("## "))).toEqual([
      "## Summary",
      "## Impact",
      "## Root causes",
      "## Trigger",
      "## Resolution",
      "## Detection",
      "## Action items",
      "## Lessons learned",
      "## Timeline",
      "## Contributing factors",
      "## Appendix",
    ]);
    expect(markdown).toContain("## Resolution\n\n- **Sun, 2 Jun 2024 00:30** _(Resolved)_ Indexer restarted \\| queue drained.\n");
    expect(markdown).toContain("## Detection\n\n- **Sat, 1 Jun 2024 23:50** _(Detected)_ Support reports stale results. [link](https://status.example.com/1)\n");
  });

  it("short: summary, metrics, impact, root cause and actions only", () => {
    const markdown = renderMarkdown(base, { template: "short" });
    expect(headings(markdown)).toEqual(["## Impact", "## Root cause", "### Trigger", "### Five whys", "## Corrective actions"]);
    expect(markdown).toContain("**Total time to resolution:** 2 hours");
  });

  it("leaves out sections with nothing in them", () => {
    const markdown = renderMarkdown(documentFrom({ title: "Only a title" }), { frontMatter: "none" });
    expect(markdown).toBe("# Only a title\n\n- **Status:** draft\n- **Slug:** only-a-title\n");
  });
});

describe("timeline", () => {
  it("list: times in the zone, a date heading when the day changes, a dash for an unknown time", () => {
    const markdown = renderMarkdown(base);
    expect(markdown).toContain(
      [
        "## Timeline",
        "",
        "All times UTC.",
        "",
        "### Sat, 1 Jun 2024",
        "",
        "- **22:30** _(Impact start)_ Indexer stops consuming the queue.",
        "- **23:50** _(Detected)_ Support reports stale results. [link](https://status.example.com/1)",
        "- **—** _(Note)_ Queue depth alert was muted (time unknown).",
        "",
        "### Sun, 2 Jun 2024",
        "",
        "- **00:30** _(Resolved)_ Indexer restarted \\| queue drained.",
      ].join("\n"),
    );
  });

  it("table: the date in the Time cell when the day changes, pipes escaped", () => {
    const markdown = renderMarkdown(base, { timeline: "table" });
    expect(markdown).toContain(
      [
        "| Time | Kind | Event |",
        "|---|---|---|",
        "| Sat, 1 Jun 2024 22:30 | Impact start | Indexer stops consuming the queue. |",
        "| 23:50 | Detected | Support reports stale results. [link](https://status.example.com/1) |",
        "| — | Note | Queue depth alert was muted (time unknown). |",
        "| Sun, 2 Jun 2024 00:30 | Resolved | Indexer restarted \\| queue drained. |",
      ].join("\n"),
    );
  });

  it("shows times in the postmortem's zone, and says nothing about a zone when there is none", () => {
    const tokyo = renderMarkdown({ ...base, timezone: "Asia/Tokyo" });
    expect(tokyo).toContain("All times Asia/Tokyo.\n\n### Sun, 2 Jun 2024\n\n- **07:30** _(Impact start)_");
    const floating = documentFrom({ title: "Floating", timeline: [{ at: "2024-06-01T10:00:00", kind: "detected", text: "Seen." }] });
    const markdown = renderMarkdown(floating);
    expect(markdown).toContain("## Timeline\n\n### Sat, 1 Jun 2024\n\n- **10:00** _(Detected)_ Seen.");
    expect(markdown).not.toContain("All times");
  });

  it("keeps a multi-line event inside its list item", () => {
    const doc = { ...base, timeline: [{ at: null, kind: "note" as const, text: "First line\n- not a list\n# not a heading", link: null }] };
    expect(renderMarkdown(doc)).toContain("- **—** _(Note)_ First line\n  \\- not a list\n  \\# not a heading\n");
    expect(renderMarkdown(doc, { timeline: "table" })).toContain("| — | Note | First line - not a list # not a heading |");
  });
});

describe("metrics line", () => {
  it("leaves out what the timeline cannot give", () => {
    const noDetection = { ...base, timeline: base.timeline.filter((event) => event.kind !== "detected") };
    const markdown = renderMarkdown(noDetection);
    expect(markdown).toContain("**Total time to resolution:** 2 hours\n\n");
    expect(markdown).not.toContain("Time to detect");
    expect(renderMarkdown({ ...base, timeline: [] })).not.toContain("Total time to resolution");
  });

  it("shows the detection gap when something came before the impact was noticed", () => {
    const withTrigger = { ...base, timeline: [{ at: "2024-05-30T20:30:00Z", kind: "trigger" as const, text: "Queue renamed.", link: null }, ...base.timeline] };
    expect(renderMarkdown(withTrigger)).toContain("**Time to detect:** 1 hour, 20 minutes · **Detection gap:** 2 days, 3 hours");
  });
});

describe("the user's Markdown", () => {
  it("goes in as it is: code blocks, tables, links and lists survive", () => {
    const impact = "| Region | Errors |\n|---|---|\n| EU | 1,240 |\n\nSee [the dashboard](https://grafana.example.com/d/1).";
    const narrative = "```python\nif os.getenv('X') == 'true':\n    use_new_flow()\n```\n\n- one\n- two";
    const markdown = renderMarkdown({ ...base, impact, rootCause: { ...base.rootCause, narrative } });
    expect(markdown).toContain(impact);
    expect(markdown).toContain(narrative);
  });

  it("closes a code fence the user left open, so it cannot swallow the next sections", () => {
    const markdown = renderMarkdown({ ...base, impact: "```\nerror: boom" });
    expect(markdown).toContain("```\nerror: boom\n```\n\n## Timeline");
  });

  it("keeps a factor's or action's code block inside its list item", () => {
    const doc = {
      ...base,
      contributingFactors: [{ category: "technical" as const, text: "```js\nthrow e;\n```" }],
      correctiveActions: [{ ...base.correctiveActions[0], description: "Two steps:\n\n1. Unmute.\n2. Test it." }],
    };
    const markdown = renderMarkdown(doc);
    expect(markdown).toContain("- **Technical:**\n\n  ```js\n  throw e;\n  ```");
    expect(markdown).toContain(
      "- [x] **Unmute the queue alert** _(owner: Kim Lee · status: done · [tracker](https://tracker.example.com/S-1))_\n\n  Two steps:\n\n  1. Unmute.\n  2. Test it.",
    );
  });

  it("escapes the plain-text fields so they read as written", () => {
    const doc = {
      ...base,
      title: "Why *everything* broke #",
      correctiveActions: [{ ...base.correctiveActions[0], title: "Fix `config_loader` [P1]", owner: "_ops_" }],
      rootCause: { ...base.rootCause, whys: ["1. Because <b>"] },
      sections: [{ title: "Notes #", body: "", internal: false }],
    };
    const markdown = renderMarkdown(doc, { frontMatter: "none" });
    expect(markdown).toContain("# Why \\*everything\\* broke \\#\n");
    expect(markdown).toContain("- [x] **Fix \\`config_loader\\` \\[P1]** _(owner: \\_ops\\_ · status: done");
    expect(markdown).toContain("1. 1\\. Because \\<b>");
    expect(markdown).toContain("## Notes \\#");
  });
});

describe("corrective actions", () => {
  it("checks done actions and lists only the details that are set", () => {
    const doc = {
      ...base,
      correctiveActions: [
        { title: "A", description: "Do A.", type: "prevent" as const, priority: "high" as const, owner: "Jo", dueDate: "2024-06-30", status: "in_progress" as const, url: "https://t.example.com/1" },
        { title: "B", description: "", type: null, priority: null, owner: null, dueDate: null, status: "wont_do" as const, url: null },
      ],
    };
    const markdown = renderMarkdown(doc);
    expect(markdown).toContain(
      "- [ ] **A** — Do A. _(type: prevent · priority: high · owner: Jo · due: 2024-06-30 · status: in progress · [tracker](https://t.example.com/1))_\n- [ ] **B** _(status: won't do)_",
    );
  });
});

describe("exportFileName", () => {
  it("is the incident date and the slug", () => {
    expect(exportFileName(base)).toBe("2024-06-01-search-returned-stale-results.md");
  });

  it("falls back to the first timed event's day in the postmortem's zone, then to the day it was created", () => {
    const noDate = { ...base, incidentDate: null };
    expect(exportFileName(noDate)).toBe("2024-06-01-search-returned-stale-results.md");
    expect(exportFileName({ ...noDate, timezone: "Asia/Tokyo" })).toBe("2024-06-02-search-returned-stale-results.md");
    expect(exportFileName({ ...noDate, timeline: [] })).toBe("2024-03-15-search-returned-stale-results.md");
    expect(exportFileName({ ...noDate, timeline: [], timezone: "Pacific/Kiritimati", createdAt: "2024-03-15T12:00:00.000Z" })).toBe(
      "2024-03-16-search-returned-stale-results.md",
    );
  });

  it("uses the public slug when a replacement changes it", () => {
    const doc = { ...base, slug: "db-prod-3-outage" };
    expect(exportFileName(doc, { isPublic: true, replacements: [{ from: "db-prod-3", to: "the database" }] })).toBe("2024-06-01-the-database-outage.md");
    expect(exportFileName(doc, { isPublic: false, replacements: [{ from: "db-prod-3", to: "the database" }] })).toBe("2024-06-01-db-prod-3-outage.md");
  });
});
