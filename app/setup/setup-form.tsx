"use client";

import Link from "next/link";
import { useActionState } from "react";
import { FormError } from "@/components/account/auth-panel";
import { PASSWORD_HINT } from "@/components/account/password-hint";
import { Field, inputClass, primaryButtonClass } from "@/components/ui/fields";
import { setUpFirstAdmin } from "./actions";

export function SetupForm() {
  const [state, action, isPending] = useActionState(setUpFirstAdmin, null);
  const errors = state?.fieldErrors ?? {};
  const isTaken = state?.formError?.includes("already set up");
  return (
    <form action={action} className="space-y-5" noValidate>
      <FormError message={state?.formError} />
      {isTaken && (
        <p className="text-sm">
          <Link href="/login" className="font-medium text-accent-600 underline underline-offset-2 dark:text-accent-400">
            Go to sign in
          </Link>
        </p>
      )}
      <Field label="Name" errors={errors.name}>
        {(control) => <input {...control} name="name" type="text" autoComplete="name" required autoFocus defaultValue={state?.values.name} className={inputClass} />}
      </Field>
      <Field label="Email" errors={errors.email}>
        {(control) => <input {...control} name="email" type="email" autoComplete="email" required defaultValue={state?.values.email} className={inputClass} />}
      </Field>
      <Field label="Password" hint={PASSWORD_HINT} errors={errors.password}>
        {(control) => <input {...control} name="password" type="password" autoComplete="new-password" required minLength={12} className={inputClass} />}
      </Field>
      <button type="submit" className={`${primaryButtonClass} w-full`} disabled={isPending}>
        {isPending ? "Creating your account…" : "Create the admin account"}
      </button>
    </form>
  );
}
