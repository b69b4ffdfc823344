import { describe, expect, it } from "vitest";
import { checkTransition, isReadOnly } from "./workflow";

describe("checkTransition", () => {
  it("follows draft → in review → published → archived", () => {
    expect(checkTransition("draft", "in_review")).toEqual({ ok: true, summary: "Sent for review" });
    expect(checkTransition("in_review", "published")).toEqual({ ok: true, summary: "Published" });
    expect(checkTransition("published", "archived")).toEqual({ ok: true, summary: "Archived" });
    expect(checkTransition("archived", "draft")).toEqual({ ok: true, summary: "Restored from the archive" });
  });

  it("needs a reason to reopen a published postmortem, and records it", () => {
    const refused = checkTransition("published", "in_review");
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.message).toMatch(/why/);
    expect(checkTransition("published", "in_review", "  ")).toMatchObject({ ok: false });
    expect(checkTransition("published", "in_review", "New data on the impact")).toEqual({
      ok: true,
      summary: "Reopened: New data on the impact",
    });
  });

  it("refuses moves that skip the workflow or change nothing, saying what is possible", () => {
    const skip = checkTransition("archived", "published");
    expect(skip.ok).toBe(false);
    expect(!skip.ok && skip.message).toContain("it can go to: draft");
    expect(checkTransition("draft", "draft")).toMatchObject({ ok: false });
    expect(checkTransition("published", "draft", "typo")).toMatchObject({ ok: false });
  });

  it("keeps only published postmortems read-only", () => {
    expect(isReadOnly("published")).toBe(true);
    expect(isReadOnly("in_review")).toBe(false);
    expect(isReadOnly("draft")).toBe(false);
  });
});
