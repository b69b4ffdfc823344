"use client";

import { useActionState, useEffect, useRef } from "react";
import { FormError } from "@/components/account/auth-panel";
import { OneTimeValue } from "@/components/account/copy-button";
import { Field, inputClass, primaryButtonClass } from "@/components/ui/fields";
import { createTokenAction } from "../actions";

/** Name, read-only, expiry: the new token is shown once, with a Copy button. */
export function CreateTokenForm() {
  const [state, action, isPending] = useActionState(createTokenAction, null);
  const errors = state && !state.ok ? state.fieldErrors : {};
  const createdRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (state?.ok) createdRef.current?.focus();
  }, [state]);

  return (
    <>
      {state?.ok && (
        <section aria-labelledby="new-token-title" className="mb-6 rounded-xl border border-accent-500/40 bg-accent-50 p-5 dark:bg-accent-500/10">
          <h3 id="new-token-title" ref={createdRef} tabIndex={-1} className="font-semibold focus:outline-none">
            Your new token “{state.name}”
          </h3>
          <p className="mt-1 mb-3 text-sm text-zinc-700 dark:text-zinc-300">
            Copy it now and keep it somewhere safe. <strong className="font-semibold">You won&apos;t see it again.</strong> Send it as{" "}
            <code className="font-mono text-[0.85em]">Authorization: Bearer …</code>
          </p>
          <OneTimeValue label={`New token ${state.name}`} value={state.token} />
        </section>
      )}
      <form action={action} className="space-y-4" noValidate aria-labelledby="create-token-title">
        <FormError message={state && !state.ok ? state.formError : null} />
        <div className="grid gap-4 sm:grid-cols-[minmax(0,1fr)_12rem]">
          <Field label="Name" hint="Say what uses it, such as “incident bot”." errors={errors.name}>
            {(control) => <input {...control} name="name" type="text" autoComplete="off" required maxLength={100} className={inputClass} />}
          </Field>
          <Field label="Expires in days" hint="Optional: empty never expires." errors={errors.expiresInDays}>
            {(control) => <input {...control} name="expiresInDays" type="number" inputMode="numeric" min={1} max={3650} step={1} className={inputClass} />}
          </Field>
        </div>
        <label className="flex items-start gap-2 text-sm">
          <input type="checkbox" name="readOnly" className="mt-0.5 size-4 rounded border-zinc-300 accent-accent-600 dark:border-zinc-700" />
          <span>
            <span className="font-medium text-zinc-800 dark:text-zinc-200">Read-only</span>
            <span className="block text-xs text-zinc-500">It can read and export, like a viewer, whatever your role.</span>
          </span>
        </label>
        <button type="submit" className={primaryButtonClass} disabled={isPending}>
          {isPending ? "Creating…" : "Create token"}
        </button>
      </form>
    </>
  );
}
