/** Plain-words summary of what a save changed, for the revision list. */

const FIELD_NAMES: Record<string, string> = {
  slug: "slug",
  title: "title",
  summary: "summary",
  severity: "severity",
  status: "status",
  timezone: "time zone",
  incidentDate: "incident date",
  services: "services",
  tags: "tags",
  authors: "authors",
  impact: "impact",
  impactFigures: "impact figures",
  timeline: "timeline",
  rootCause: "root cause",
  contributingFactors: "contributing factors",
  correctiveActions: "corrective actions",
  lessons: "lessons",
  sections: "sections",
};

/** Names the top-level fields that differ between two documents ("Edited title and timeline"). */
export function describeChanges(before: Record<string, unknown>, after: Record<string, unknown>): string {
  const changed = Object.keys(FIELD_NAMES).filter(
    (key) => JSON.stringify(before[key] ?? null) !== JSON.stringify(after[key] ?? null),
  );
  if (changed.length === 0) return "Saved without changes";
  const names = changed.map((key) => FIELD_NAMES[key]);
  const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
  return `Edited ${list}`;
}
