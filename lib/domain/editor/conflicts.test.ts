import { describe, expect, it } from "vitest";
import fixture from "@/e2e/fixtures/full-postmortem.json";
import { postmortemInputSchema, type PostmortemDraft } from "@/lib/schemas/postmortem";
import { CONFLICT_FIELDS, defaultChoice, describeValue, differingFields, mergeChoices } from "./conflicts";

const draft = (): PostmortemDraft => postmortemInputSchema.parse(fixture);

describe("differingFields", () => {
  it("finds nothing between two equal documents", () => {
    expect(differingFields(draft(), draft())).toEqual([]);
  });

  it("names each differing field with its label, in the form's order", () => {
    const mine = draft();
    const theirs = draft();
    theirs.lessons = { ...theirs.lessons, lucky: "Nobody was shopping." };
    theirs.title = "Checkout slowed down";
    theirs.timeline = theirs.timeline.slice(1);
    expect(differingFields(mine, theirs)).toEqual([
      { field: "title", label: "Title", changedBy: "unknown" },
      { field: "timeline", label: "Timeline", changedBy: "unknown" },
      { field: "lessons", label: "Lessons", changedBy: "unknown" },
    ]);
  });

  it("sees a change deep inside a list", () => {
    const theirs = draft();
    theirs.correctiveActions[2] = { ...theirs.correctiveActions[2], owner: "Amara Okafor" };
    expect(differingFields(draft(), theirs)).toEqual([{ field: "correctiveActions", label: "Corrective actions", changedBy: "unknown" }]);
  });

  it("ignores fields that are not edited in the form (slug, version, timestamps)", () => {
    const theirs = { ...draft(), version: 7, updatedAt: "2024-03-15T00:00:00Z" };
    expect(differingFields({ ...draft(), version: 6 }, theirs)).toEqual([]);
  });

  it("covers every field of the document a person edits", () => {
    const editable = Object.keys(draft()).filter((key) => !["slug", "version", "createdAt", "updatedAt"].includes(key));
    expect(CONFLICT_FIELDS.map(([field]) => field).sort()).toEqual(editable.sort());
  });
});

describe("differingFields with the version both started from", () => {
  it("says who changed each field: only them, only me, or both of us", () => {
    const base = draft();
    const mine = { ...draft(), title: "My title", summary: "My summary" };
    const theirs = { ...draft(), summary: "Their summary", severity: base.severity === "SEV1" ? "SEV2" : "SEV1" } as PostmortemDraft;
    expect(differingFields(mine, theirs, base)).toEqual([
      { field: "title", label: "Title", changedBy: "mine" },
      { field: "summary", label: "Summary", changedBy: "both" },
      { field: "severity", label: "Severity", changedBy: "theirs" },
    ]);
  });

  it("defaults a field only they changed to theirs, so resolving with the defaults never undoes their edit", () => {
    // The two-tab case: A saved a new summary; B, still on the old version, changed only the title.
    const base = draft();
    const a = { ...draft(), summary: "A's new summary" };
    const b = { ...draft(), title: "B's new title" };
    const differences = differingFields(b, a, base);
    const picked = Object.fromEntries(differences.map(({ field, changedBy }) => [field, defaultChoice(changedBy)]));
    expect(picked).toEqual({ title: "mine", summary: "theirs" });
    const merged = mergeChoices(b, a, picked);
    expect(merged.summary).toBe("A's new summary");
    expect(merged.title).toBe("B's new title");
  });

  it("keeps mine by default when both changed a field or the base is unknown", () => {
    expect(defaultChoice("both")).toBe("mine");
    expect(defaultChoice("unknown")).toBe("mine");
    expect(defaultChoice("mine")).toBe("mine");
  });
});

describe("mergeChoices", () => {
  it("starts from their document and takes mine where I chose mine", () => {
    const mine = draft();
    mine.title = "My title";
    mine.summary = "My summary";
    mine.tags = ["mine"];
    const theirs = { ...draft(), title: "Their title", summary: "Their summary", tags: ["theirs"], version: 4 };

    const merged = mergeChoices(mine, theirs, { title: "mine", summary: "theirs" });
    expect(merged).toEqual({ ...theirs, title: "My title" });
    expect(merged.version).toBe(4);
  });

  it("keeps their document unchanged when nothing is chosen, without changing either side", () => {
    const mine = { ...draft(), title: "My title" };
    const theirs = { ...draft(), title: "Their title" };
    const merged = mergeChoices(mine, theirs, {});
    expect(merged).toEqual(theirs);
    expect(merged).not.toBe(theirs);
    expect(mine.title).toBe("My title");
    expect(theirs.title).toBe("Their title");
  });

  it("leaves no difference in the fields where I chose mine", () => {
    const mine = draft();
    mine.timeline = [];
    mine.severity = "SEV1";
    const theirs = draft();
    theirs.summary = "Theirs";
    const merged = mergeChoices(mine, theirs, { timeline: "mine", severity: "mine" });
    expect(differingFields(mine, merged)).toEqual([{ field: "summary", label: "Summary", changedBy: "unknown" }]);
  });
});

describe("describeValue", () => {
  it("shows empty values as (empty) and empty lists as (none)", () => {
    expect(describeValue(null)).toBe("(empty)");
    expect(describeValue(undefined)).toBe("(empty)");
    expect(describeValue("")).toBe("(empty)");
    expect(describeValue([])).toBe("(none)");
    expect(describeValue({ wentWell: "", wentWrong: "", lucky: "" })).toBe("(empty)");
  });

  it("shows text as it is", () => {
    expect(describeValue("SEV2")).toBe("SEV2");
    expect(describeValue("line one\nline two")).toBe("line one\nline two");
  });

  it("shows a list one item a line, objects by their filled values", () => {
    expect(describeValue(["checkout-api", "product-cache"])).toBe("• checkout-api\n• product-cache");
    expect(describeValue([{ at: null, kind: "note", text: "Support reports abandoned carts.", link: null }])).toBe(
      "• Note — Support reports abandoned carts.",
    );
  });

  it("shows an object's filled fields as label: value, joining lists", () => {
    expect(describeValue({ trigger: "Deploy", narrative: "", whys: ["Why 1?", "Why 2?"] })).toBe("Trigger: Deploy\nWhys: Why 1?; Why 2?");
    expect(describeValue({ usersAffected: 18000, errorRate: 0, durationMinutes: null })).toBe("Users affected: 18000\nError rate: 0");
    expect(describeValue({ wentWell: "Rollback was quick.", wentWrong: "", lucky: "" })).toBe("What went well: Rollback was quick.");
  });

  it("uses the form's words for statuses, kinds and categories, not the stored values", () => {
    expect(describeValue("in_review", "status")).toBe("In review");
    expect(describeValue("in_review")).toBe("in_review");
    expect(describeValue([{ text: "Stale config", category: "environment_drift" }])).toBe("• Stale config — Configuration / environment drift");
    expect(describeValue([{ title: "Add jitter", type: "prevent", status: "in_progress" }])).toBe("• Add jitter — Prevent — In progress");
  });

  it("can show every field of a full document", () => {
    const doc = draft();
    for (const [field] of CONFLICT_FIELDS) {
      const shown = describeValue(doc[field]);
      expect(shown, field).not.toMatch(/\[object Object\]/);
      expect(shown.trim(), field).not.toBe("");
    }
  });
});
