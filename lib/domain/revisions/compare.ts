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

// Partial: versions saved before postmortems could be restricted have no `restricted` or `members`.
type Comparable = Partial<Record<ConflictField, unknown>>;

/** The fields that differ between `before` and `after`, each with a word diff of its text form. */
const CHOICE_FIELDS = new Set<ConflictField>(["status", "severity", "timezone", "incidentDate"]);

export function compareRevisions(before: Comparable, after: Comparable): FieldChange[] {
  return CONFLICT_FIELDS.flatMap(([field, label]) => {
    const old = describeValue(before[field], field);
    const now = describeValue(after[field], field);
    if (old === now) return [];
    // A choice (a status, a severity, a zone, a date) reads as "old → new", not as its words run together.
    const parts = CHOICE_FIELDS.has(field)
      ? ([
          { value: old, change: "removed" },
          { value: " → ", change: "same" },
          { value: now, change: "added" },
        ] satisfies TextChange[])
      : diffWordsWithSpace(old, now).map((part): TextChange => ({
          value: part.value,
          change: part.added ? "added" : part.removed ? "removed" : "same",
        }));
    return [{ field, label, parts }];
  });
}
