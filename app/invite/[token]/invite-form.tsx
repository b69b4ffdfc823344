"use client";

import { useActionState } from "react";
import { FormError } from "@/components/account/auth-panel";
import { PASSWORD_HINT } from "@/components/account/password-hint";
import { Field, inputClass, primaryButtonClass } from "@/components/ui/fields";
import { acceptInviteAction } from "./actions";

export function InviteForm({ token, name, email }: { token: string; name: string; email: string }) {
  const [state, action, isPending] = useActionState(acceptInviteAction.bind(null, token), null);
  const errors = state?.fieldErrors ?? {};
  return (
    <form action={action} className="space-y-5" noValidate>
      <FormError message={state?.formError} />
      <Field label="Email" hint="Your admin set it; you sign in with it.">
        {(control) => <input {...control} name="email" type="email" autoComplete="username" readOnly value={email} className={`${inputClass} bg-zinc-50 text-zinc-600 dark:bg-zinc-900/60 dark:text-zinc-400`} />}
      </Field>
      <Field label="Name" hint="As your team will see it on what you write." errors={errors.name}>
        {(control) => <input {...control} name="name" type="text" autoComplete="name" required defaultValue={state?.name ?? name} className={inputClass} />}
      </Field>
      <Field label="Password" hint={PASSWORD_HINT} errors={errors.password}>
        {(control) => <input {...control} name="password" type="password" autoComplete="new-password" required minLength={12} autoFocus className={inputClass} />}
      </Field>
      <Field label="Repeat the password" errors={errors.passwordRepeat}>
        {(control) => <input {...control} name="passwordRepeat" type="password" autoComplete="new-password" required className={inputClass} />}
      </Field>
      <button type="submit" className={`${primaryButtonClass} w-full`} disabled={isPending}>
        {isPending ? "Saving…" : "Set my password"}
      </button>
    </form>
  );
}
