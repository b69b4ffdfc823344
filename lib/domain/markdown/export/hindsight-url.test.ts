import { describe, expect, it } from "vitest";
import { parseMarkdown } from "../import";
import { renderMarkdown } from "./render";
import { documentFrom } from "./test-document";

const doc = documentFrom({ title: "Checkout outage", slug: "checkout-outage", severity: "SEV2", summary: "Payments failed." });
const origin = "https://postmortems.example.test";

describe("hindsight_url in the front matter", () => {
  it("links an internal export back to the postmortem's page at the origin given", () => {
    expect(renderMarkdown(doc, { hindsightOrigin: origin })).toContain(`\nhindsight_url: ${origin}/postmortems/checkout-outage\n`);
    expect(renderMarkdown(doc, { hindsightOrigin: origin, frontMatter: "hugo" })).toContain(`\nhindsight_url: ${origin}/postmortems/checkout-outage\n`);
  });

  it("is left out of public exports, without an origin, and without front matter", () => {
    expect(renderMarkdown(doc, { hindsightOrigin: origin, isPublic: true })).not.toContain("hindsight_url");
    expect(renderMarkdown(doc)).not.toContain("hindsight_url");
    expect(renderMarkdown(doc, { hindsightOrigin: origin, frontMatter: "none" })).not.toContain(origin);
  });

  it("is skipped on import: no warning, no extra section", () => {
    const { document, warnings } = parseMarkdown(renderMarkdown(doc, { hindsightOrigin: origin }));
    expect(warnings.filter((warning) => JSON.stringify(warning).includes("hindsight_url"))).toEqual([]);
    expect((document.sections ?? []).map((section) => section.title)).not.toContain("Front matter");
    expect(document.slug).toBe("checkout-outage");
  });
});
