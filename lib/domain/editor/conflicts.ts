/**
 * Field-by-field comparison of two versions of a postmortem, for resolving a
 * save conflict: the user keeps theirs or mine for each field that differs.
 * With the version both started from (the base), each difference also says
 * who changed it, so a field only they changed defaults to theirs and a
 * field the user never touched cannot silently undo their edit.
 */
import {
  ACTION_STATUS_LABELS,
  ACTION_TYPE_LABELS,
  EVENT_KIND_LABELS,
  FACTOR_CATEGORY_LABELS,
  IMPACT_FIGURE_LABELS,
  STATUS_LABELS,
} from "@/lib/domain/postmortem";
import type { PostmortemDraft } from "@/lib/schemas/postmortem";

export const CONFLICT_FIELDS = [
  ["title", "Title"],
  ["summary", "Summary"],
  ["severity", "Severity"],
  ["status", "Status"],
  ["timezone", "Time zone"],
  ["incidentDate", "Incident date"],
  ["services", "Services"],
  ["tags", "Tags"],
  ["authors", "Authors"],
  ["impact", "Impact"],
  ["impactFigures", "Impact figures"],
  ["timeline", "Timeline"],
  ["rootCause", "Root cause"],
  ["contributingFactors", "Contributing factors"],
  ["correctiveActions", "Corrective actions"],
  ["lessons", "Lessons"],
  ["sections", "Extra sections"],
  ["restricted", "Who can see it"],
  ["members", "Members"],
] as const;

export type ConflictField = (typeof CONFLICT_FIELDS)[number][0];
/** Who changed a differing field since the base: "unknown" when the base is not known. */
export type ChangedBy = "mine" | "theirs" | "both" | "unknown";
export type FieldDifference = { field: ConflictField; label: string; changedBy: ChangedBy };
export type Choice = "mine" | "theirs";

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The fields whose values differ between my draft and theirs, and who changed each since `base`. */
export function differingFields(mine: PostmortemDraft, theirs: PostmortemDraft, base: PostmortemDraft | null = null): FieldDifference[] {
  return CONFLICT_FIELDS.filter(([field]) => !same(mine[field], theirs[field])).map(([field, label]) => ({
    field,
    label,
    changedBy: !base ? "unknown" : same(mine[field], base[field]) ? "theirs" : same(theirs[field], base[field]) ? "mine" : "both",
  }));
}

/** What a field starts chosen as: theirs when only they changed it, otherwise mine (the user's work is never dropped unasked). */
export function defaultChoice(changedBy: ChangedBy): Choice {
  return changedBy === "theirs" ? "theirs" : "mine";
}

/** Their document with my value for every field where I chose mine. */
export function mergeChoices<T extends PostmortemDraft>(mine: PostmortemDraft, theirs: T, choices: Partial<Record<ConflictField, Choice>>): T {
  const merged: T = { ...theirs };
  for (const [field] of CONFLICT_FIELDS) {
    if (choices[field] === "mine") (merged as Record<string, unknown>)[field] = mine[field];
  }
  return merged;
}

// People read these views, not the exchange format: field names and enum values get the form's words.
const KEY_LABELS: Record<string, string> = {
  ...IMPACT_FIGURE_LABELS,
  wentWell: "What went well",
  wentWrong: "What went wrong",
  lucky: "Where we got lucky",
  trigger: "Trigger",
  narrative: "Narrative",
  whys: "Whys",
};
const VALUE_LABELS: Record<string, Record<string, string>> = {
  kind: EVENT_KIND_LABELS,
  category: FACTOR_CATEGORY_LABELS,
  type: ACTION_TYPE_LABELS,
  status: ACTION_STATUS_LABELS,
};
const FIELD_VALUE_LABELS: Partial<Record<ConflictField, Record<string, string>>> = { status: STATUS_LABELS };

const labelled = (key: string, value: unknown) => (typeof value === "string" ? (VALUE_LABELS[key]?.[value] ?? value) : value);

/** A short, readable rendering of a field's value for the side-by-side view and the history's diff. */
export function describeValue(value: unknown, field?: ConflictField): string {
  // Versions saved before postmortems could be restricted have neither key: they were open to everyone.
  if (field === "restricted") return value ? "Members and admins only" : "Everyone";
  if (field === "members" && (value === null || value === undefined)) return "(none)";
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (value === null || value === undefined || value === "") return "(empty)";
  if (typeof value === "string") return (field && FIELD_VALUE_LABELS[field]?.[value]) ?? value;
  if (Array.isArray(value)) {
    if (value.length === 0) return "(none)";
    return value
      .map((item) =>
        typeof item === "string"
          ? `• ${item}`
          : `• ${Object.entries(item as object)
              .filter(([, v]) => v !== null && v !== "")
              .map(([k, v]) => String(labelled(k, v)))
              .join(" — ")}`,
      )
      .join("\n");
  }
  return (
    Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== null && v !== "" && !(Array.isArray(v) && v.length === 0))
      .map(([k, v]) => `${KEY_LABELS[k] ?? k}: ${Array.isArray(v) ? v.join("; ") : String(v)}`)
      .join("\n") || "(empty)"
  );
}
