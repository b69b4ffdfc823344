"use client";

import { inputClass } from "@/components/ui/fields";
import { edited } from "../event-keys";
import { ItemList } from "../item-list";
import { LanguageHints } from "../language-hints";
import { MarkdownField } from "../markdown-field";
import { errorsAt, type StepProps } from "../step-types";

type Why = { text: string };

// Whys are plain strings in the document; the editor wraps them so each keeps its input while typing.
const wrapped = new WeakMap<string[], Why[]>();
function asItems(whys: string[]): Why[] {
  let items = wrapped.get(whys);
  if (!items) {
    items = whys.map((text) => ({ text }));
    wrapped.set(whys, items);
  }
  return items;
}

export function RootCauseStep({ doc, update, errors }: StepProps) {
  const items = asItems(doc.rootCause.whys);
  const setWhys = (next: Why[]) => {
    const whys = next.map((why) => why.text);
    wrapped.set(whys, next);
    update((d) => ({ ...d, rootCause: { ...d.rootCause, whys } }));
  };
  return (
    <div className="space-y-6">
      <MarkdownField
        label="Trigger"
        hint="The change or event that set the incident off — a deploy, a config change, a traffic spike. Not a person."
        rows={3}
        value={doc.rootCause.trigger}
        errors={errorsAt(errors, "rootCause.trigger")}
        onChange={(trigger) => update((d) => ({ ...d, rootCause: { ...d.rootCause, trigger } }))}
      />
      <MarkdownField
        label="Root cause"
        hint="Why the system allowed the trigger to cause harm. Describe conditions and mechanisms; code blocks are welcome."
        rows={8}
        value={doc.rootCause.narrative}
        errors={errorsAt(errors, "rootCause.narrative")}
        onChange={(narrative) => update((d) => ({ ...d, rootCause: { ...d.rootCause, narrative } }))}
      />
      <section aria-labelledby="whys-title">
        <h2 id="whys-title" className="text-sm font-medium text-zinc-800 dark:text-zinc-200">
          Five whys
        </h2>
        <p className="mt-0.5 text-xs text-zinc-500">Start from the impact and ask &ldquo;why?&rdquo; until you reach something the organisation can change.</p>
        <div className="mt-3">
          <ItemList
            items={items}
            onChange={setWhys}
            noun="why"
            numbered
            addLabel="Add a why"
            makeItem={() => ({ text: "" })}
            renderItem={(why, index, replace) => (
              <>
                <label className="sr-only" htmlFor={`why-${index}`}>
                  Why {index + 1}
                </label>
                <textarea
                  id={`why-${index}`}
                  rows={2}
                  value={why.text}
                  placeholder={index === 0 ? "Why did users see errors?" : "Why was that?"}
                  onChange={(e) => replace(edited(why, { text: e.target.value }))}
                  aria-invalid={Boolean(errorsAt(errors, `rootCause.whys.${index}`))}
                  className={inputClass}
                />
                <LanguageHints text={why.text} />
                {errorsAt(errors, `rootCause.whys.${index}`) && (
                  <p className="mt-1 text-xs text-red-600 dark:text-red-400">{errorsAt(errors, `rootCause.whys.${index}`)?.join(" ")}</p>
                )}
              </>
            )}
          />
        </div>
      </section>
    </div>
  );
}
