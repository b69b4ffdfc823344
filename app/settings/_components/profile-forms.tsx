"use client";

import { useActionState } from "react";
import { FormError, Notice } from "@/components/account/auth-panel";
import { PASSWORD_HINT } from "@/components/account/password-hint";
import { Field, inputClass, primaryButtonClass } from "@/components/ui/fields";
import { changePasswordAction, updateNameAction } from "../actions";

export function NameForm({ name }: { name: string }) {
  const [state, action, isPending] = useActionState(updateNameAction, null);
  const errors = state && !state.ok ? state.fieldErrors : {};
  return (
    <form action={action} className="space-y-4" noValidate aria-labelledby="profile-title">
      <FormError message={state && !state.ok ? state.formError : null} />
      {state?.ok && <Notice>Your name is now {state.name}.</Notice>}
      <Field label="Name" hint="Shown on the revisions, status changes and actions you sign." errors={errors.name}>
        {(control) => <input {...control} name="name" type="text" autoComplete="name" required defaultValue={state?.ok ? state.name : name} className={inputClass} />}
      </Field>
      <button type="submit" className={primaryButtonClass} disabled={isPending}>
        {isPending ? "Saving…" : "Save name"}
      </button>
    </form>
  );
}

export function PasswordForm() {
  const [state, action, isPending] = useActionState(changePasswordAction, null);
  const errors = state && !state.ok ? state.fieldErrors : {};
  return (
    <form action={action} className="space-y-4" noValidate aria-labelledby="password-title">
      <FormError message={state && !state.ok ? state.formError : null} />
      {state?.ok && <Notice>Your password is changed. Your other sessions were signed out.</Notice>}
      <Field label="Current password" errors={errors.currentPassword}>
        {(control) => <input {...control} name="currentPassword" type="password" autoComplete="current-password" required className={inputClass} />}
      </Field>
      <Field label="New password" hint={PASSWORD_HINT} errors={errors.newPassword}>
        {(control) => <input {...control} name="newPassword" type="password" autoComplete="new-password" required minLength={12} className={inputClass} />}
      </Field>
      <Field label="Repeat the new password" errors={errors.newPasswordRepeat}>
        {(control) => <input {...control} name="newPasswordRepeat" type="password" autoComplete="new-password" required className={inputClass} />}
      </Field>
      <button type="submit" className={primaryButtonClass} disabled={isPending}>
        {isPending ? "Changing…" : "Change password"}
      </button>
    </form>
  );
}
