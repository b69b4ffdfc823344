"use client";

import { useId } from "react";
import { Field, FieldErrors, inputClass } from "@/components/ui/fields";
import { IMPACT_FIGURE_LABELS, SEVERITIES, type ImpactFigureKey, type Severity } from "@/lib/domain/postmortem";
import { ListInput, NumberInput } from "../inputs";
import { LanguageHints } from "../language-hints";
import { MarkdownField } from "../markdown-field";
import { errorsAt, type StepProps } from "../step-types";
import { TimeZoneInput } from "../time-zone-input";
import { MemberPicker, type Person } from "./member-picker";

const SEVERITY_HINTS: Record<Severity, string> = {
  SEV1: "SEV1 — critical",
  SEV2: "SEV2 — major",
  SEV3: "SEV3 — minor",
  SEV4: "SEV4 — low",
};

const FIGURES: { key: ImpactFigureKey; unit: string; step?: string }[] = [
  { key: "usersAffected", unit: "users", step: "1" },
  { key: "errorRate", unit: "%" },
  { key: "durationMinutes", unit: "minutes" },
  { key: "requestsFailed", unit: "requests", step: "1" },
  { key: "revenueLost", unit: "lost" },
];

type OverviewProps = StepProps & {
  /** People to suggest as members of a restricted postmortem. */
  people?: Person[];
  /** False when this person may not change who can see it (not an admin, the creator or a member). */
  canChangeAccess?: boolean;
};

/** The member list's errors: of the list, and of each entry ("members.2"), as one list. */
function memberErrors(errors: Record<string, string[]>): string[] | undefined {
  const found = Object.entries(errors)
    .filter(([path]) => path === "members" || path.startsWith("members."))
    .flatMap(([path, messages]) => (path === "members" ? messages : messages.map((message) => `Member ${Number(path.split(".")[1]) + 1}: ${message}`)));
  return found.length ? found : undefined;
}

export function OverviewStep({ doc, update, errors, people = [], canChangeAccess = true }: OverviewProps) {
  const restricted = doc.restricted ?? false;
  const accessId = useId();
  return (
    <div className="space-y-6">
      <Field label="Title" hint="What happened, in a few words users would recognise." errors={errorsAt(errors, "title")}>
        {(control) => (
          <input {...control} type="text" value={doc.title} onChange={(e) => update((d) => ({ ...d, title: e.target.value }))} className={inputClass} />
        )}
      </Field>

      <div className="grid gap-6 sm:grid-cols-2">
        <Field label="Severity" hint="SEV1: most users cannot work · SEV4: little user impact." errors={errorsAt(errors, "severity")}>
          {(control) => (
            <select
              {...control}
              value={doc.severity ?? ""}
              onChange={(e) => update((d) => ({ ...d, severity: (e.target.value || null) as Severity | null }))}
              className={inputClass}
            >
              <option value="">Not set</option>
              {SEVERITIES.map((severity) => (
                <option key={severity} value={severity}>
                  {SEVERITY_HINTS[severity]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          label="Incident date"
          hint={doc.incidentDate ? "The day it began; times without a date fall on it." : "Not set yet: enter the day it began, so that times without a date fall on the right day."}
          errors={errorsAt(errors, "incidentDate")}>
          {(control) => (
            <input
              {...control}
              type="date"
              value={doc.incidentDate ?? ""}
              onChange={(e) => update((d) => ({ ...d, incidentDate: e.target.value || null }))}
              className={inputClass}
            />
          )}
        </Field>
        <Field label="Time zone" hint="The timeline is entered and shown in this zone." errors={errorsAt(errors, "timezone")}>
          {(control) => <TimeZoneInput control={control} value={doc.timezone} onChange={(timezone) => update((d) => ({ ...d, timezone }))} />}
        </Field>
        <Field label="Affected services" hint="Separate with commas." errors={errorsAt(errors, "services")}>
          {(control) => (
            <ListInput control={control} value={doc.services} placeholder="auth-api, login-web" onChange={(services) => update((d) => ({ ...d, services }))} />
          )}
        </Field>
        <Field label="Tags" hint="Separate with commas." errors={errorsAt(errors, "tags")}>
          {(control) => <ListInput control={control} value={doc.tags} placeholder="config, feature-flag" onChange={(tags) => update((d) => ({ ...d, tags }))} />}
        </Field>
        <div>
          <Field label="Authors" hint="Who wrote this postmortem. Separate with commas." errors={errorsAt(errors, "authors")}>
            {(control) => <ListInput control={control} value={doc.authors} onChange={(authors) => update((d) => ({ ...d, authors }))} />}
          </Field>
          <AuthorSuggestions people={people} authors={doc.authors} onAdd={(name) => update((d) => ({ ...d, authors: [...d.authors, name] }))} />
        </div>
      </div>

      <Field label="Summary" hint="Two or three sentences: what happened, who was affected, how it ended." errors={errorsAt(errors, "summary")}>
        {(control) => (
          <>
            <textarea {...control} rows={3} value={doc.summary} onChange={(e) => update((d) => ({ ...d, summary: e.target.value }))} className={inputClass} />
            <LanguageHints text={doc.summary} />
          </>
        )}
      </Field>

      <fieldset>
        <legend className="text-sm font-medium text-zinc-800 dark:text-zinc-200">Impact in figures</legend>
        <p className="mt-0.5 text-xs text-zinc-500">Leave a figure empty when it is not known.</p>
        <div className="mt-3 grid gap-4 sm:grid-cols-3">
          {FIGURES.map(({ key, unit, step }) => (
            <Field key={key} label={IMPACT_FIGURE_LABELS[key]} errors={errorsAt(errors, `impactFigures.${key}`)}>
              {(control) => (
                <NumberInput
                  control={control}
                  unit={unit}
                  step={step}
                  value={doc.impactFigures[key]}
                  onChange={(value) => update((d) => ({ ...d, impactFigures: { ...d.impactFigures, [key]: value } }))}
                />
              )}
            </Field>
          ))}
        </div>
      </fieldset>

      <MarkdownField
        label="Impact"
        hint="Who noticed what, for how long. Markdown: tables and lists work."
        value={doc.impact}
        errors={errorsAt(errors, "impact")}
        onChange={(impact) => update((d) => ({ ...d, impact }))}
      />

      <fieldset className="rounded-lg border border-zinc-200 p-4 dark:border-zinc-800">
        <legend className="px-1 text-sm font-medium text-zinc-800 dark:text-zinc-200">Who can see it</legend>
        <div className="flex items-start gap-2.5">
          <input
            id={`${accessId}-restricted`}
            type="checkbox"
            checked={restricted}
            disabled={!canChangeAccess}
            aria-describedby={`${accessId}-hint${errorsAt(errors, "restricted") ? ` ${accessId}-errors` : ""}`}
            onChange={(e) => update((d) => ({ ...d, restricted: e.target.checked, members: d.members ?? [] }))}
            className="mt-0.5 size-4 accent-accent-600"
          />
          <div>
            <label htmlFor={`${accessId}-restricted`} className="block text-sm font-medium text-zinc-800 dark:text-zinc-200">
              Restricted
            </label>
            <p id={`${accessId}-hint`} className="text-xs text-zinc-500">
              Only members and admins can see this postmortem.
              {!canChangeAccess && " Only an admin, its creator or a member can change this."}
            </p>
          </div>
        </div>
        <FieldErrors id={`${accessId}-errors`} errors={errorsAt(errors, "restricted")} />
        {restricted && (
          <div className="mt-4">
            <MemberPicker
              value={doc.members ?? []}
              people={people}
              disabled={!canChangeAccess}
              errors={memberErrors(errors)}
              onChange={(members) => update((d) => ({ ...d, members }))}
            />
          </div>
        )}
      </fieldset>
    </div>
  );
}

const MAX_SUGGESTIONS = 4;

/** People who can sign in and are not authors yet, as buttons that add them (the Authors field stays free text). */
function AuthorSuggestions({ people, authors, onAdd }: { people: Person[]; authors: string[]; onAdd: (name: string) => void }) {
  const taken = new Set(authors.map((name) => name.trim().toLowerCase()));
  const suggestions = people.filter((person) => !taken.has(person.name.trim().toLowerCase())).slice(0, MAX_SUGGESTIONS);
  if (suggestions.length === 0) return null;
  return (
    <div className="mt-2 flex flex-wrap items-center gap-1.5 text-xs" aria-label="Suggested authors" role="group">
      <span className="text-zinc-500">Add:</span>
      {suggestions.map((person) => (
        <button
          key={person.email}
          type="button"
          onClick={() => onAdd(person.name)}
          className="rounded-full border border-zinc-300 px-2 py-0.5 text-zinc-700 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-accent-500 dark:border-zinc-700 dark:text-zinc-300 dark:hover:bg-zinc-800"
        >
          {person.name}
        </button>
      ))}
    </div>
  );
}
