import { describe, expect, it } from "vitest";
import fixture from "@/e2e/fixtures/full-postmortem.json";
import { postmortemInputSchema, postmortemUpdateSchema, type PostmortemDraft } from "@/lib/schemas/postmortem";
import { withoutBlankItems } from "./prune";

const draft = (): PostmortemDraft => postmortemInputSchema.parse(fixture);

/** A draft as the editor holds it just after the author pressed "add" in every list. */
function withBlankRows(doc: PostmortemDraft): PostmortemDraft {
  return {
    ...doc,
    timeline: [...doc.timeline, { at: null, kind: "note", text: "  ", link: null }],
    rootCause: { ...doc.rootCause, whys: ["", ...doc.rootCause.whys, "   "] },
    contributingFactors: [{ category: "other", text: "" }, ...doc.contributingFactors],
    correctiveActions: [
      ...doc.correctiveActions,
      { title: "", description: " ", type: null, priority: null, owner: null, dueDate: null, status: "open", url: null },
    ],
    sections: [...doc.sections, { title: "", body: "", internal: false }],
  };
}

describe("withoutBlankItems", () => {
  it("drops the rows an author added but has not filled in", () => {
    expect(withoutBlankItems(withBlankRows(draft()))).toEqual(draft());
  });

  it("leaves a document without blank rows as it is", () => {
    expect(withoutBlankItems(draft())).toEqual(draft());
  });

  it("makes a draft with blank rows pass validation again", () => {
    const doc = withBlankRows(draft());
    expect(postmortemUpdateSchema.safeParse({ ...doc, version: 1 }).success).toBe(false);
    expect(postmortemUpdateSchema.safeParse({ ...withoutBlankItems(doc), version: 1 }).success).toBe(true);
  });

  it("keeps a partly filled row, so that validation can say what it lacks", () => {
    const doc = draft();
    doc.timeline = [{ at: "2024-03-14T00:12:00+01:00", kind: "alert", text: "", link: null }];
    doc.correctiveActions = [
      { title: "", description: "", type: null, priority: null, owner: "Jonas Weber", dueDate: null, status: "open", url: null },
      { title: "", description: "Run the load test cold.", type: null, priority: null, owner: null, dueDate: null, status: "open", url: null },
    ];
    doc.sections = [{ title: "", body: "Notes without a title", internal: false }];
    const pruned = withoutBlankItems(doc);
    expect(pruned.timeline).toHaveLength(1);
    expect(pruned.correctiveActions).toHaveLength(2);
    expect(pruned.sections).toHaveLength(1);
  });

  it("keeps the other fields and does not change the draft it was given", () => {
    const doc = { ...withBlankRows(draft()), version: 3 };
    const before = structuredClone(doc);
    const pruned = withoutBlankItems(doc);
    expect(doc).toEqual(before);
    expect(pruned.version).toBe(3);
    expect(pruned.lessons).toBe(doc.lessons);
  });
});
