"use client";

import { useActionState } from "react";
import { Field, inputClass, primaryButtonClass } from "@/components/ui/fields";
import { startPostmortem } from "./actions";

export function NewPostmortemForm() {
  const [state, action, isPending] = useActionState(startPostmortem, null);
  return (
    <form action={action} className="mt-8 space-y-4" noValidate>
      <Field label="Title" hint="What happened, in a few words — you can change it later." errors={state?.fieldErrors.title}>
        {(control) => (
          <input
            {...control}
            name="title"
            type="text"
            required
            autoFocus
            defaultValue={state?.title ?? ""}
            placeholder="Login failures after a feature-flag config change"
            className={inputClass}
          />
        )}
      </Field>
      <button type="submit" className={primaryButtonClass} disabled={isPending}>
        {isPending ? "Creating…" : "Start the postmortem"}
      </button>
    </form>
  );
}
