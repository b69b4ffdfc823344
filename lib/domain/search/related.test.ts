import { describe, expect, it } from "vitest";
import { postmortemInputSchema, type PostmortemDocument } from "@/lib/schemas/postmortem";
import { encodeFacets, LabelDictionary } from "./facets";
import { characteristicWords, rankRelated } from "./related";
import type { FacetValues } from "./search-document";

const labels = new LabelDictionary();
const base: FacetValues = { severity: "SEV2", status: "published", day: "2024-03-14", services: [], tags: [], factorCategories: [], actionStatuses: [] };
const make = (id: number, values: Partial<FacetValues>) => encodeFacets(id, id, { ...base, ...values }, labels);

describe("characteristicWords", () => {
  it("starts with the title, tags and services, and leaves out short and common words", () => {
    const doc: PostmortemDocument = {
      ...postmortemInputSchema.parse({
        title: "The token parser broke logins",
        tags: ["auth"],
        services: ["auth-api"],
        summary: "After the deploy, the parser rejected old tokens.",
        rootCause: { narrative: "keepalive keepalive keepalive and the other things" },
      }),
      slug: "s",
      version: 1,
      createdAt: "",
      updatedAt: "",
    };
    const words = characteristicWords(doc);
    expect(words.slice(0, 6)).toEqual(["token", "parser", "broke", "logins", "auth", "deploy"]);
    expect(words).toContain("keepalive");
    expect(words).not.toContain("the");
    expect(words).not.toContain("api");
  });
});

describe("rankRelated", () => {
  const source = make(1, { services: ["auth-api"], tags: ["dns"], factorCategories: ["environment_drift"] });
  const records = [
    undefined,
    source,
    make(2, { services: ["auth-api"], factorCategories: ["environment_drift"] }),
    make(3, { tags: ["dns"], day: "2020-01-01" }),
    make(4, { services: ["billing"], factorCategories: ["environment_drift"] }),
    make(5, { services: ["auth-api"], tags: ["dns"], status: "archived" }),
    make(6, {}),
  ];

  it("ranks by what is shared and explains it in one line, leaving out itself and archived ones", () => {
    const ranked = rankRelated({ source, records, labels, words: [], totalDocuments: 6, limit: 5 });
    expect(ranked).toEqual([
      { id: 2, score: 4, reason: "same service: auth-api; also environment drift" },
    ]);
  });

  it("counts rare shared words, naming them", () => {
    const words = [
      { word: "kestrel", ids: [1, 3, 6] },
      { word: "latency", ids: [1, 2, 3, 4, 6] },
    ];
    const ranked = rankRelated({ source, records, labels, words, totalDocuments: 1000, limit: 5 });
    expect(ranked.map((r) => r.id)).toEqual([3, 2, 6, 4]);
    expect(ranked[0].reason).toBe("tag: dns; also mentions kestrel, latency");
    expect(ranked.find((r) => r.id === 6)?.reason).toBe("also mentions kestrel, latency");
  });
});
