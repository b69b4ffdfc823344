/**
 * What changed between two saved versions of a postmortem, field by field,
 * with a word-level diff inside text so a reader sees exactly which words moved.
 */
import { diffWordsWithSpace } from "diff";
import { CONFLICT_FIELDS, describeValue, type ConflictField } from "../editor/conflicts";

export type TextChange = { value: string; change: "added" | "removed" | "same" };

export type FieldChange = {
  field: ConflictField;
  label: string;
  /** The field as text before and after, diffed word by word. */
  parts: TextChange[];
};

type Comparable = Record<ConflictField, unknown>;

/** The fields that differ between `before` and `after`, each with a word diff of its text form. */
export function compareRevisions(before: Comparable, after: Comparable): FieldChange[] {
  return CONFLICT_FIELDS.flatMap(([field, label]) => {
    const old = describeValue(before[field]);
    const now = describeValue(after[field]);
    if (old === now) return [];
    const parts = diffWordsWithSpace(old, now).map((part): TextChange => ({
      value: part.value,
      change: part.added ? "added" : part.removed ? "removed" : "same",
    }));
    return [{ field, label, parts }];
  });
}
