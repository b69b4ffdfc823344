import { describe, expect, it } from "vitest";
import { postmortemInputSchema } from "@/lib/schemas/postmortem";
import { computeMetrics } from "@/lib/domain/metrics";
import { SAMPLE_POSTMORTEMS } from "./index";

describe("sample postmortems", () => {
  it.each(SAMPLE_POSTMORTEMS.map((sample) => [(sample as { title: string }).title, sample]))("%s is a valid, complete document", (_title, sample) => {
    const doc = postmortemInputSchema.parse(sample);
    expect(doc.timeline.length).toBeGreaterThan(3);
    expect(doc.contributingFactors.length).toBeGreaterThan(0);
    expect(computeMetrics(doc.timeline).timeToResolve).toBeGreaterThan(0);
  });
});
