import { describe, expect, it } from "vitest";
import fixture from "@/e2e/fixtures/full-postmortem.json";
import { postmortemInputSchema, type PostmortemDocument } from "@/lib/schemas/postmortem";
import { completionWordsOf, searchDocumentOf } from "./search-document";

const documentOf = (input: unknown): PostmortemDocument => ({
  ...postmortemInputSchema.parse(input),
  slug: "s",
  version: 1,
  createdAt: "2024-05-01T10:00:00.000Z",
  updatedAt: "2024-05-01T10:00:00.000Z",
});

describe("searchDocumentOf", () => {
  it("puts every field's text in its column and the facet values beside it", () => {
    const doc = searchDocumentOf(documentOf(fixture));
    expect(doc).toMatchObject({
      severity: "SEV2",
      status: "in_review",
      day: "2024-03-13",
      services: ["checkout-api", "product-cache"],
      tags: ["cache", "latency", "config-change"],
      factorCategories: ["environment_drift", "monitoring", "testing"],
      actionStatuses: ["done", "in_progress", "open"],
    });
    expect(doc.text.title).toBe(fixture.title);
    expect(doc.text.labels).toBe("checkout-api\nproduct-cache\ncache\nlatency\nconfig-change\nAmara Okafor\nJonas Weber");
    expect(doc.text.timeline).toContain("TTL change for the product cache is deployed.");
    expect(doc.text.rootCause).toContain("Why did checkout slow down?");
    expect(doc.text.factors).toContain("Configuration / environment drift: Staging warms its cache gradually");
    expect(doc.text.actions).toContain("Add TTL jitter to the product cache\nRandomise expiry by ±10 %.\nJonas Weber");
    expect(doc.text.lessons).toContain("Rollback took four minutes");
    expect(doc.text.sections).toContain(fixture.sections[0].title);
  });

  it("indexes Markdown fields as plain text, so that snippets and summaries never show Markdown", () => {
    const doc = searchDocumentOf(
      documentOf({ title: "x", summary: "![Real Life Postmortem Header](/assets/header.png)\n\nA **bad** deploy locked [accounts](https://x.example)." }),
    );
    expect(doc.text.summary).toBe("A bad deploy locked accounts.");
  });

  it("dates a postmortem without an incident date by the day it was created", () => {
    expect(searchDocumentOf(documentOf({ title: "x" })).day).toBe("2024-05-01");
  });

  it("lists the words worth completing", () => {
    const words = completionWordsOf(searchDocumentOf(documentOf({ title: "Configuration drift in Zürich", summary: "a 2024 drift" })));
    expect(words).toEqual(["configuration", "drift", "in", "zurich"]);
  });
});
