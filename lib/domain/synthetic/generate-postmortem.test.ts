import { describe, expect, it } from "vitest";
import { postmortemInputSchema } from "@/lib/schemas/postmortem";
import { formatEventTime, parseEventTime } from "../time";
import { generatePostmortem } from "./generate-postmortem";

const wordCount = (value: unknown): number => JSON.stringify(value).split(/\s+/).length;

describe("generatePostmortem", () => {
  it("is deterministic and valid against the exchange schema", () => {
    expect(generatePostmortem(7)).toEqual(generatePostmortem(7));
    expect(generatePostmortem(7)).not.toEqual(generatePostmortem(8));
    for (let i = 1; i <= 50; i++) expect(postmortemInputSchema.parse(generatePostmortem(i))).toEqual(generatePostmortem(i));
  });

  it("writes about 1,500 words with timelines, factors and actions, over several years", () => {
    const docs = Array.from({ length: 200 }, (_, i) => generatePostmortem(i + 1));
    const words = docs.map(wordCount).reduce((a, b) => a + b, 0) / docs.length;
    expect(words).toBeGreaterThan(1300);
    expect(words).toBeLessThan(1800);
    expect(new Set(docs.map((d) => d.incidentDate!.slice(0, 4))).size).toBeGreaterThanOrEqual(6);
    expect(new Set(docs.flatMap((d) => d.services)).size).toBeGreaterThan(30);
    expect(new Set(docs.map((d) => d.severity)).size).toBe(5);
    for (const doc of docs) {
      expect(doc.timeline.length).toBeGreaterThanOrEqual(10);
      expect(doc.contributingFactors.length).toBeGreaterThanOrEqual(2);
      expect(doc.correctiveActions.length).toBeGreaterThanOrEqual(3);
    }
  });

  it("writes times exactly as Hindsight writes them back, in the postmortem's zone", () => {
    for (let i = 1; i <= 300; i++) {
      const doc = generatePostmortem(i);
      for (const event of doc.timeline) {
        if (event.at) expect(formatEventTime(parseEventTime(event.at, doc.timezone), doc.timezone)).toBe(event.at);
      }
    }
  });
});
