"use client";

import { Field, inputClass } from "@/components/ui/fields";
import {
  ACTION_PRIORITIES,
  ACTION_STATUSES,
  ACTION_STATUS_LABELS,
  ACTION_TYPES,
  type ActionPriority,
  type ActionStatus,
  type ActionType,
} from "@/lib/domain/postmortem";
import type { CorrectiveAction } from "@/lib/schemas/postmortem";
import { edited } from "../event-keys";
import { ItemList } from "../item-list";
import { MarkdownField } from "../markdown-field";
import { errorsAt, type StepProps } from "../step-types";

const capitalise = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

const newAction = (): CorrectiveAction => ({
  title: "",
  description: "",
  type: null,
  priority: null,
  owner: null,
  dueDate: null,
  status: "open",
  url: null,
});

export function ActionsStep({ doc, update, errors }: StepProps) {
  return (
    <ItemList
      items={doc.correctiveActions}
      onChange={(correctiveActions) => update((d) => ({ ...d, correctiveActions }))}
      noun="action"
      addLabel="Add a corrective action"
      makeItem={newAction}
      renderItem={(action, index, replace) => {
        const at = (field: string) => errorsAt(errors, `correctiveActions.${index}.${field}`);
        const set = (patch: Partial<CorrectiveAction>) => replace(edited(action, patch));
        return (
          <div className="space-y-3">
            <Field label={`Action ${index + 1}`} errors={at("title")}>
              {(control) => (
                <input {...control} type="text" value={action.title} placeholder="Validate config files in CI" onChange={(e) => set({ title: e.target.value })} className={inputClass} />
              )}
            </Field>
            <div className="grid gap-3 sm:grid-cols-3">
              <Field label="Type" errors={at("type")}>
                {(control) => (
                  <select {...control} value={action.type ?? ""} onChange={(e) => set({ type: (e.target.value || null) as ActionType | null })} className={inputClass}>
                    <option value="">Not set</option>
                    {ACTION_TYPES.map((type) => (
                      <option key={type} value={type}>
                        {capitalise(type)}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field label="Priority" errors={at("priority")}>
                {(control) => (
                  <select {...control} value={action.priority ?? ""} onChange={(e) => set({ priority: (e.target.value || null) as ActionPriority | null })} className={inputClass}>
                    <option value="">Not set</option>
                    {ACTION_PRIORITIES.map((priority) => (
                      <option key={priority} value={priority}>
                        {capitalise(priority)}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field label="Status" errors={at("status")}>
                {(control) => (
                  <select {...control} value={action.status} onChange={(e) => set({ status: e.target.value as ActionStatus })} className={inputClass}>
                    {ACTION_STATUSES.map((status) => (
                      <option key={status} value={status}>
                        {ACTION_STATUS_LABELS[status]}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field label="Owner" errors={at("owner")}>
                {(control) => (
                  <input {...control} type="text" value={action.owner ?? ""} onChange={(e) => set({ owner: e.target.value || null })} className={inputClass} />
                )}
              </Field>
              <Field label="Due date" errors={at("dueDate")}>
                {(control) => (
                  <input {...control} type="date" value={action.dueDate ?? ""} onChange={(e) => set({ dueDate: e.target.value || null })} className={inputClass} />
                )}
              </Field>
              <Field label="Tracker link" errors={at("url")}>
                {(control) => (
                  <input {...control} type="url" value={action.url ?? ""} placeholder="https://…" onChange={(e) => set({ url: e.target.value.trim() || null })} className={inputClass} />
                )}
              </Field>
            </div>
            <MarkdownField label="Description" rows={2} value={action.description} errors={at("description")} onChange={(description) => set({ description })} />
          </div>
        );
      }}
    />
  );
}
