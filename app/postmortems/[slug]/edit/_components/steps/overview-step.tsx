"use client";

import { Field, inputClass } from "@/components/ui/fields";
import { IMPACT_FIGURE_LABELS, SEVERITIES, type ImpactFigureKey, type Severity } from "@/lib/domain/postmortem";
import { ListInput, NumberInput } from "../inputs";
import { LanguageHints } from "../language-hints";
import { MarkdownField } from "../markdown-field";
import { errorsAt, type StepProps } from "../step-types";
import { TimeZoneInput } from "../time-zone-input";

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

export function OverviewStep({ doc, update, errors }: StepProps) {
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
        <Field label="Incident date" hint="The day it began; times without a date fall on it." errors={errorsAt(errors, "incidentDate")}>
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
        <Field label="Authors" hint="Who wrote this postmortem." errors={errorsAt(errors, "authors")}>
          {(control) => <ListInput control={control} value={doc.authors} onChange={(authors) => update((d) => ({ ...d, authors }))} />}
        </Field>
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
    </div>
  );
}
