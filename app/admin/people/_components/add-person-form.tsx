"use client";

import { useState, useTransition } from "react";
import { FormError } from "@/components/account/auth-panel";
import type { FormFailure } from "@/components/account/form-state";
import { Field, inputClass, primaryButtonClass } from "@/components/ui/fields";
import { ROLES, ROLE_DESCRIPTIONS, ROLE_LABELS } from "@/lib/domain/access/roles";
import { addPersonAction, type InviteLink } from "../actions";

/** Name, email and role: the person is created without a password, and the invite link comes back to hand over. */
export function AddPersonForm({ onInvite }: { onInvite: (invite: InviteLink) => void }) {
  const [failure, setFailure] = useState<FormFailure | null>(null);
  const [isPending, startTransition] = useTransition();
  const errors = failure?.fieldErrors ?? {};

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    startTransition(async () => {
      const answer = await addPersonAction(null, data);
      if (answer?.ok) {
        form.reset();
        setFailure(null);
        onInvite(answer.invite);
      } else {
        setFailure(answer);
      }
    });
  }

  return (
    <form onSubmit={submit} className="space-y-4" noValidate aria-labelledby="add-person-title">
      <FormError message={failure?.formError} />
      <div className="grid gap-4 sm:grid-cols-[minmax(0,1fr)_minmax(0,1fr)_10rem]">
        <Field label="Name" errors={errors.name}>
          {(control) => <input {...control} name="name" type="text" autoComplete="off" required className={inputClass} />}
        </Field>
        <Field label="Email" errors={errors.email}>
          {(control) => <input {...control} name="email" type="email" autoComplete="off" required className={inputClass} />}
        </Field>
        <Field label="Role" errors={errors.role}>
          {(control) => (
            <select {...control} name="role" defaultValue="viewer" className={inputClass}>
              {ROLES.map((role) => (
                <option key={role} value={role}>
                  {ROLE_LABELS[role]}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <dl className="grid gap-x-6 gap-y-1 text-xs text-zinc-500 sm:grid-cols-3">
        {ROLES.map((role) => (
          <div key={role}>
            <dt className="inline font-medium text-zinc-700 dark:text-zinc-300">{ROLE_LABELS[role]}: </dt>
            <dd className="inline">{ROLE_DESCRIPTIONS[role]}</dd>
          </div>
        ))}
      </dl>
      <button type="submit" className={primaryButtonClass} disabled={isPending}>
        {isPending ? "Adding…" : "Add person"}
      </button>
    </form>
  );
}
