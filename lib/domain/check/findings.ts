/** What `hindsight check` reports about one postmortem file (the shape of its --json output). */
export type CheckFinding = {
  kind: "language" | "completeness";
  /** A language rule id ("named-person") or a checklist item id ("impact-quantified"). */
  rule: string;
  /** What is wrong, in a sentence. */
  message: string;
  /** What to write instead, or what to add. */
  suggestion: string;
  /** The flagged words; null for a completeness gap, which has no words to show. */
  excerpt: string | null;
  /** 1-based line in the original file; null when it cannot be placed (a title read from the file name, a gap). */
  line: number | null;
  /**
   * Only on the entry that closes a rule's list when it had more findings than
   * MAX_FINDINGS_PER_RULE: how many more there were, not listed.
   */
  omitted?: number;
};
