import { describe, expect, it } from "vitest";
import { HEADING_SYNONYMS, matchHeading, normalizeHeading } from "./synonyms";

const roleOf = (title: string, parent: Parameters<typeof matchHeading>[1] = null) => matchHeading(title, parent)?.role ?? null;

describe("headings by meaning", () => {
  it.each([
    ["Incident Timeline", "timeline"],
    ["Timeline of the events", "timeline"],
    ["The Incident Timeline", "timeline"],
    ["Timeline (all times UTC)", "timeline"],
    ["What We’ve Fixed", "actions"],
    ["Corrective actions", "actions"],
    ["Action Items", "actions"],
    ["Follow-up", "actions"],
    ["Remediation", "actions"],
    ["Contributing Factors", "factors"],
    ["What went wrong?", "factors"],
    ["Key Lessons Learned", "lessons"],
    ["The Takeaway", "lessons"],
    ["What Broke (In One Line)", "rootCause"],
    ["Root Causes", "rootCause"],
    ["The Fallout", "impact"],
    ["TL;DR", "summary"],
    ["5 Whys", "whys"],
    ["Where we got lucky", "lucky"],
    ["### 3. **Trigger**", "trigger"],
    ["What made it worse", "factors"],
    ["What we are doing about it", "actions"],
    ["What we’re doing about it", "actions"],
    ["Corrective actions:", "actions"],
    ["What we're doing about it:", "actions"],
  ])("%j → %s", (title, role) => {
    expect(roleOf(title)).toBe(role);
  });

  it("reads a heading in its context", () => {
    expect(roleOf("What went wrong", "lessons")).toBe("wentWrong");
    expect(roleOf("What went wrong", null)).toBe("factors");
    expect(roleOf("Detection", null)).toBe("detection");
    expect(roleOf("Detection", "timeline")).toBeNull();
  });

  it("says which headings make their actions done", () => {
    expect(matchHeading("What We've Fixed", null)).toEqual({ role: "actions", isDone: true });
    expect(matchHeading("Action items", null)).toEqual({ role: "actions", isDone: false });
  });

  it("leaves the rest to extra sections, and long sentences to their words", () => {
    for (const title of ["The Setup", "Recovery and Response", "Cultural Shifts and Team Reflection", "Final Thoughts", "Appendix: What You Can Do Today", "The Incident"]) {
      expect(roleOf(title), title).toBeNull();
    }
    expect(roleOf("How the timeline of our deploys hid the bug from everyone")).toBeNull();
  });

  it("normalises numbering, emphasis, apostrophes, articles and parentheses", () => {
    expect(normalizeHeading("### 1. **The What We’ve Fixed** (so far):")).toBe("what weve fixed");
    expect(normalizeHeading("2) Our Lessons & Learnings")).toBe("lessons and learnings");
  });

  it("has every phrase once per context", () => {
    const seen = new Set<string>();
    for (const synonym of HEADING_SYNONYMS) {
      for (const phrase of synonym.phrases) {
        const key = `${synonym.context ?? "any"}:${normalizeHeading(phrase)}`;
        expect(seen.has(key), key).toBe(false);
        seen.add(key);
      }
    }
  });
});
