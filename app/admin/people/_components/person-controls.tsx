"use client";

import { useState, useTransition } from "react";
import { failureMessage, type FormFailure } from "@/components/account/form-state";
import { buttonClass } from "@/components/ui/fields";
import { ROLES, ROLE_LABELS } from "@/lib/domain/access/roles";
import type { Person } from "@/lib/server/auth";
import { changeRoleAction, newInviteAction, setDisabledAction, type InviteLink } from "../actions";

function Problem({ failure }: { failure: FormFailure | null }) {
  return (
    <span role="alert" className="block max-w-64 text-xs text-red-700 empty:hidden dark:text-red-400">
      {failure ? failureMessage(failure) : ""}
    </span>
  );
}

/** The person's role, saved as soon as it changes. */
export function RoleSelect({ person }: { person: Person }) {
  const [role, setRole] = useState<string>(person.role);
  const [failure, setFailure] = useState<FormFailure | null>(null);
  const [isPending, startTransition] = useTransition();
  return (
    <div className="flex flex-col gap-1">
      <select
        aria-label={`Role of ${person.name}`}
        value={role}
        disabled={isPending}
        onChange={(event) => {
          const previous = role;
          const next = event.target.value;
          setRole(next);
          startTransition(async () => {
            const answer = await changeRoleAction(person.email, next);
            // A refused change puts the select back on the role that is saved.
            if (answer && !answer.ok) setRole(previous);
            setFailure(answer && !answer.ok ? answer : null);
          });
        }}
        className="block w-full min-w-28 rounded-md border border-zinc-300 bg-white px-2 py-1 text-sm shadow-xs focus:border-accent-500 focus:outline-2 focus:outline-accent-500/40 disabled:opacity-60 dark:border-zinc-700 dark:bg-zinc-900"
      >
        {ROLES.map((value) => (
          <option key={value} value={value}>
            {ROLE_LABELS[value]}
          </option>
        ))}
      </select>
      <Problem failure={failure} />
    </div>
  );
}

/**
 * Disable or enable the person, or make a new invite link (for a lost link
 * or a forgotten password). Not for yourself: you change your own password
 * in Settings, and cannot disable yourself.
 */
export function PersonControls({ person, isSelf, onInvite }: { person: Person; isSelf: boolean; onInvite: (invite: InviteLink) => void }) {
  const [failure, setFailure] = useState<FormFailure | null>(null);
  const [isPending, startTransition] = useTransition();
  const run = (work: () => Promise<{ ok: true } | FormFailure | null>) =>
    startTransition(async () => {
      const answer = await work();
      setFailure(answer && !answer.ok ? answer : null);
    });

  return (
    <div className="flex flex-col items-start gap-1 empty:hidden md:items-end">
      <div className="flex flex-wrap gap-2">
        {!person.disabled && !isSelf && (
          <button
            type="button"
            className={buttonClass}
            disabled={isPending}
            aria-label={`New invite link for ${person.name}`}
            onClick={() =>
              run(async () => {
                const answer = await newInviteAction(person.email);
                if (answer?.ok) onInvite(answer.invite);
                return answer;
              })
            }
          >
            New invite link
          </button>
        )}
        {!isSelf && (
          <button
            type="button"
            className={buttonClass}
            disabled={isPending}
            aria-label={`${person.disabled ? "Enable" : "Disable"} ${person.name}`}
            onClick={() => run(() => setDisabledAction(person.email, !person.disabled))}
          >
            {person.disabled ? "Enable" : "Disable"}
          </button>
        )}
      </div>
      <Problem failure={failure} />
    </div>
  );
}
