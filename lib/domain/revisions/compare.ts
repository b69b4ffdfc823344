/**
 * What changed between two saved versions of a postmortem, field by field,
 * with a word-level diff inside text so a reader sees exactly which words moved.
 */
import { diffArrays, wordsWithSpaceDiff } from "diff";
import { CONFLICT_FIELDS, describeValue, type ConflictField } from "../editor/conflicts";

export type TextChange = { value: string; change: "added" | "removed" | "same" };

export type FieldChange = {
  field: ConflictField;
  label: string;
  /** The field as text before and after, diffed word by word. */
  parts: TextChange[];
  /** Too many changes to diff word by word (see diffText): `parts` is the whole old text removed, then the whole new text added. */
  isReplaced: boolean;
};

/** Counts the word comparisons a diff makes, so tests can see the work grow with the text and not faster. */
export type DiffCounter = { comparisons: number };

// Partial: versions saved before postmortems could be restricted have no `restricted` or `members`.
type Comparable = Partial<Record<ConflictField, unknown>>;

const CHOICE_FIELDS = new Set<ConflictField>(["status", "severity", "timezone", "incidentDate"]);

/** The fields that differ between `before` and `after`, each with a word diff of its text form. */
export function compareRevisions(before: Comparable, after: Comparable, options: { counter?: DiffCounter } = {}): FieldChange[] {
  return CONFLICT_FIELDS.flatMap(([field, label]) => {
    const old = describeValue(before[field], field);
    const now = describeValue(after[field], field);
    if (old === now) return [];
    // A choice (a status, a severity, a zone, a date) reads as "old → new", not as its words run together.
    if (CHOICE_FIELDS.has(field)) {
      const parts: TextChange[] = [
        { value: old, change: "removed" },
        { value: " → ", change: "same" },
        { value: now, change: "added" },
      ];
      return [{ field, label, parts, isReplaced: false }];
    }
    return [{ field, label, ...diffText({ old, now, counter: options.counter }) }];
  });
}

// Myers's diff costs about (old + new words) × edits, and the edits grow with the text when it is
// rewritten: a 41,000-character summary replaced by another took 27 s. So each field's diff has a budget
// (deterministic, unlike a timeout, so the page reads the same on a busy server): at most MAX_EDITS
// edits (jsdiff's maxEditLength), at most MAX_COMPARISONS word comparisons beyond a linear allowance
// for walking the text once; over budget the field is shown replaced.
/** Most edits (words and spaces added or removed) shown word by word; Myers's memory and time grow with its square. */
export const MAX_EDITS = 500;
/** Word comparisons one field's diff may make on top of 4 per word (about 150 ms at worst). */
export const MAX_COMPARISONS = 1_000_000;

class OverBudget extends Error {}

/** Word diff of two texts (words, spaces and line breaks as tokens, as jsdiff's diffWordsWithSpace), or the whole text replaced when over budget. */
export function diffText({ old, now, counter }: { old: string; now: string; counter?: DiffCounter }): Pick<FieldChange, "parts" | "isReplaced"> {
  const oldTokens = [...wordsWithSpaceDiff.tokenize(old)];
  const newTokens = [...wordsWithSpaceDiff.tokenize(now)];
  // A rewrite is caught here in linear time, before Myers spends its budget finding out.
  const changes = fewestEdits(oldTokens, newTokens) > MAX_EDITS ? undefined : diffWithinBudget(oldTokens, newTokens, counter);
  if (!changes) {
    return {
      parts: [
        { value: old, change: "removed" },
        { value: now, change: "added" },
      ],
      isReplaced: true,
    };
  }
  const parts = changes.map((part): TextChange => ({ value: part.value.join(""), change: part.added ? "added" : part.removed ? "removed" : "same" }));
  return { parts, isReplaced: false };
}

// jsdiff has no budget of comparisons, so the comparator counts them and throws to stop it (it keeps no state between calls).
function diffWithinBudget(oldTokens: string[], newTokens: string[], counter: DiffCounter | undefined) {
  const budget = MAX_COMPARISONS + 4 * (oldTokens.length + newTokens.length);
  let comparisons = 0;
  try {
    return diffArrays(oldTokens, newTokens, {
      maxEditLength: MAX_EDITS,
      comparator: (left, right) => {
        if (++comparisons > budget) throw new OverBudget();
        return left === right;
      },
    });
  } catch (error) {
    if (error instanceof OverBudget) return undefined;
    throw error;
  } finally {
    if (counter) counter.comparisons += comparisons;
  }
}

// A lower bound on the edits between two token lists: every copy of a word that one text has more of must be added or removed.
function fewestEdits(oldTokens: string[], newTokens: string[]): number {
  const surplus = new Map<string, number>();
  for (const token of oldTokens) surplus.set(token, (surplus.get(token) ?? 0) + 1);
  for (const token of newTokens) surplus.set(token, (surplus.get(token) ?? 0) - 1);
  let edits = 0;
  for (const count of surplus.values()) edits += Math.abs(count);
  return edits;
}
