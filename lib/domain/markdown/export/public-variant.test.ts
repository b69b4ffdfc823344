import { parse as parseYaml } from "yaml";
import { describe, expect, it } from "vitest";
import fixture from "@/e2e/fixtures/full-postmortem.json";
import type { PostmortemInput } from "@/lib/schemas/postmortem";
import { applyReplacements, renderMarkdown } from "./index";
import { documentFrom } from "./test-document";

const doc = documentFrom(fixture as PostmortemInput);
const frontMatterOf = (markdown: string) => parseYaml(markdown.split("---\n")[1]);

describe("the public variant", () => {
  const markdown = renderMarkdown(doc, { isPublic: true });

  it("leaves out owners, tracker URLs, authors and internal sections", () => {
    expect(markdown).not.toContain("owner:");
    expect(markdown).not.toContain("Jonas Weber");
    expect(markdown).not.toContain("Amara Okafor");
    expect(markdown).not.toContain("https://tracker.example.com/SHOP-1201");
    expect(markdown).not.toContain("[tracker]");
    expect(markdown).not.toContain("Internal notes");
    expect(markdown).not.toContain("host names are in the runbook");
    expect(frontMatterOf(markdown)).not.toHaveProperty("authors");
  });

  it("keeps everything else: public sections, timeline links, actions and their status", () => {
    expect(markdown).toContain("## Customer communication\n\nA status page update went out at 00:20 and was closed at 01:05.");
    expect(markdown).toContain("[link](https://git.example.com/shop/pull/812)");
    expect(markdown).toContain("- [x] **Add TTL jitter to the product cache** — Randomise expiry by ±10 %. _(type: prevent · priority: high · due: 2024-03-29 · status: done)_");
    expect(markdown).toContain(doc.rootCause.narrative);
  });

  it("keeps the authors when asked, but still no owners", () => {
    const withAuthors = renderMarkdown(doc, { isPublic: true, includeAuthors: true });
    expect(frontMatterOf(withAuthors).authors).toEqual(["Amara Okafor", "Jonas Weber"]);
    expect(withAuthors).not.toContain("owner:");
    expect(renderMarkdown(doc, { isPublic: true, includeAuthors: true, frontMatter: "none" })).toContain("- **Authors:** Amara Okafor, Jonas Weber\n");
    expect(renderMarkdown(doc, { isPublic: true, frontMatter: "none" })).not.toContain("**Authors:**");
  });

  it("applies the replacements everywhere: title, front matter, body and links; case-sensitive, every occurrence", () => {
    const internal = {
      ...doc,
      title: "db-prod-3.internal fell over (db-prod-3.internal)",
      services: ["db-prod-3.internal"],
      summary: "db-prod-3.internal was slow. DB-PROD-3.INTERNAL is another host.",
      timeline: [{ ...doc.timeline[0], link: "https://grafana.db-prod-3.internal/d/1" }],
    };
    const replaced = renderMarkdown(internal, { isPublic: true, replacements: [{ from: "db-prod-3.internal", to: "the database" }] });
    expect(replaced).not.toContain("db-prod-3.internal");
    expect(frontMatterOf(replaced)).toMatchObject({ title: "the database fell over (the database)", services: ["the database"], categories: ["postmortem", "the database"] });
    expect(replaced).toContain("the database was slow. DB-PROD-3.INTERNAL is another host.");
    expect(replaced).toContain("[link](<https://grafana.the database/d/1>)");
  });

  it("applies replacements in order, and only in the public variant", () => {
    expect(applyReplacements("cache cache", [{ from: "cache", to: "store" }, { from: "store", to: "layer" }])).toBe("layer layer");
    expect(applyReplacements("abc", [{ from: "", to: "x" }])).toBe("abc");
    const notPublic = renderMarkdown(doc, { replacements: [{ from: "cache", to: "store" }] });
    expect(notPublic).toContain("product cache");
    expect(notPublic).toContain("owner: Jonas Weber");
  });
});
