import { describe, expect, it } from "vitest";
import { postmortemInputSchema } from "@/lib/schemas/postmortem";
import { checkLanguage } from "./check-language";
import { listProseFields } from "./prose-fields";

const draft = postmortemInputSchema.parse({
  title: "The day someone broke login",
  summary: "A config change took login down.",
  impact: "80% of logins failed. It was human error.",
  timeline: [
    { text: "Config deployed." },
    { text: "Datadog reports errors." },
    { text: "Sarah forgot to check staging." },
  ],
  rootCause: { trigger: "A config change.", narrative: "Obviously the variable was missing.", whys: ["Why? No validation.", "Why? We should have added it."] },
  contributingFactors: [{ category: "process", text: "The reviewer was careless." }],
  correctiveActions: [{ title: "Validate config", description: "Nobody bothered to add schema checks." }, { title: "Stop the blame game" }],
  lessons: { wentWell: "Rollback was fast.", wentWrong: "We failed to notice the alert.", lucky: "Off-peak." },
  sections: [{ title: "Cultural shifts", body: "> Someone broke it (a quote, ignored)\n\nThe intern accidentally deleted the production bucket." }],
});

describe("checkLanguage", () => {
  it("checks every prose field and reports dotted field paths with offsets into that field", () => {
    const findings = checkLanguage(draft);
    expect(findings.map((f) => [f.field, f.ruleId])).toEqual([
      ["title", "someone-did"],
      ["impact", "human-error"],
      ["timeline.2.text", "named-person"],
      ["rootCause.narrative", "obviously"],
      ["rootCause.whys.1", "should-have"],
      ["contributingFactors.0.text", "careless"],
      ["correctiveActions.0.description", "didnt-bother"],
      ["correctiveActions.1.title", "blame"],
      ["lessons.wentWrong", "failed-to"],
      ["sections.0.body", "person-as-cause"],
    ]);
    const fields = new Map(listProseFields(draft).map(({ field, text }) => [field, text]));
    for (const finding of findings) {
      expect(fields.get(finding.field)!.slice(finding.start, finding.end).replace(/\s+/g, " ")).toBe(finding.excerpt);
    }
  });

  it("accepts a stored document as well as a draft, and an empty one", () => {
    const stored = { ...draft, slug: "x", version: 3, createdAt: "2024-01-01T00:00:00Z", updatedAt: "2024-01-01T00:00:00Z" };
    expect(checkLanguage(stored)).toHaveLength(10);
    expect(checkLanguage(postmortemInputSchema.parse({ title: "Login outage" }))).toEqual([]);
  });

  it("lists every prose field of the document shape", () => {
    expect(listProseFields(draft).map((f) => f.field)).toEqual([
      "title", "summary", "impact", "timeline.0.text", "timeline.1.text", "timeline.2.text",
      "rootCause.trigger", "rootCause.narrative", "rootCause.whys.0", "rootCause.whys.1",
      "contributingFactors.0.text", "correctiveActions.0.title", "correctiveActions.0.description",
      "correctiveActions.1.title", "correctiveActions.1.description", "lessons.wentWell", "lessons.wentWrong",
      "lessons.lucky", "sections.0.title", "sections.0.body",
    ]);
  });
});
