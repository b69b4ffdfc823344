"use client";

import { Field, inputClass } from "@/components/ui/fields";
import type { Section } from "@/lib/schemas/postmortem";
import { edited } from "../event-keys";
import { ItemList } from "../item-list";
import { MarkdownField } from "../markdown-field";
import { errorsAt, type StepProps } from "../step-types";

export function LessonsStep({ doc, update, errors }: StepProps) {
  const setLesson = (key: keyof typeof doc.lessons) => (value: string) => update((d) => ({ ...d, lessons: { ...d.lessons, [key]: value } }));
  return (
    <div className="space-y-6">
      <MarkdownField label="What went well" hint="Detection, tooling, teamwork that helped." value={doc.lessons.wentWell} errors={errorsAt(errors, "lessons.wentWell")} onChange={setLesson("wentWell")} />
      <MarkdownField label="What went wrong" hint="Gaps in systems and processes, not in people." value={doc.lessons.wentWrong} errors={errorsAt(errors, "lessons.wentWrong")} onChange={setLesson("wentWrong")} />
      <MarkdownField label="Where we got lucky" hint="What could have made it worse, and did not." value={doc.lessons.lucky} errors={errorsAt(errors, "lessons.lucky")} onChange={setLesson("lucky")} />

      <section aria-labelledby="sections-title" className="border-t border-zinc-200 pt-6 dark:border-zinc-800">
        <h2 id="sections-title" className="text-sm font-medium text-zinc-800 dark:text-zinc-200">
          Extra sections
        </h2>
        <p className="mt-0.5 text-xs text-zinc-500">Anything else worth keeping — &ldquo;Customer communication&rdquo;, &ldquo;Appendix&rdquo; — in the order shown.</p>
        <div className="mt-3">
          <ItemList<Section>
            items={doc.sections}
            onChange={(sections) => update((d) => ({ ...d, sections }))}
            noun="section"
            addLabel="Add a section"
            makeItem={() => ({ title: "", body: "", internal: false })}
            renderItem={(section, index, replace) => (
              <div className="space-y-3">
                <Field label={`Section ${index + 1} title`} errors={errorsAt(errors, `sections.${index}.title`)}>
                  {(control) => (
                    <input {...control} type="text" value={section.title} onChange={(e) => replace(edited(section, { title: e.target.value }))} className={inputClass} />
                  )}
                </Field>
                <MarkdownField label="Body" value={section.body} errors={errorsAt(errors, `sections.${index}.body`)} onChange={(body) => replace(edited(section, { body }))} />
                <label className="flex items-center gap-2 text-sm">
                  <input type="checkbox" checked={section.internal} onChange={(e) => replace(edited(section, { internal: e.target.checked }))} className="size-4 accent-accent-600" />
                  Internal only (left out of public exports)
                </label>
              </div>
            )}
          />
        </div>
      </section>
    </div>
  );
}
