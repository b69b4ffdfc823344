"use client";

import { useEffect, useRef, useState } from "react";
import { Avatar } from "@/components/account/avatar";
import { OneTimeValue } from "@/components/account/copy-button";
import type { Person } from "@/lib/server/auth";
import type { InviteLink } from "../actions";
import { AddPersonForm } from "./add-person-form";
import { PersonControls, RoleSelect } from "./person-controls";

const SIGN_IN_LABELS: Record<Person["signIn"], string> = {
  password: "Password",
  sso: "Single sign-on",
  "password+sso": "Password and single sign-on",
  invited: "Not yet",
};

function StatusText({ person }: { person: Person }) {
  if (person.disabled) return <span className="font-medium text-red-700 dark:text-red-400">Disabled</span>;
  if (person.signIn === "invited") return <span className="text-amber-700 dark:text-amber-400">Invited</span>;
  return <span className="text-emerald-700 dark:text-emerald-400">Active</span>;
}

/**
 * Admin → People: the form that adds someone, the invite link to hand over
 * (shown once), and everyone with their role, status and what they can do.
 */
export function PeopleManager({ people, selfId, inviteDays }: { people: Person[]; selfId: string | null; inviteDays: number }) {
  const [invite, setInvite] = useState<InviteLink | null>(null);
  const inviteRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (invite) inviteRef.current?.focus();
  }, [invite]);

  return (
    <>
      <section aria-labelledby="add-person-title" className="mt-8 rounded-xl border border-zinc-200 p-5 dark:border-zinc-800">
        <h2 id="add-person-title" className="font-semibold">
          Add a person
        </h2>
        <p className="mt-0.5 mb-4 text-sm text-zinc-600 dark:text-zinc-400">They get an invite link to set their password. People who sign in with single sign-on are added on their first sign-in.</p>
        <AddPersonForm onInvite={setInvite} />
      </section>

      {invite && (
        <section aria-labelledby="invite-title" className="mt-6 rounded-xl border border-accent-500/40 bg-accent-50 p-5 dark:bg-accent-500/10">
          <h2 id="invite-title" ref={inviteRef} tabIndex={-1} className="font-semibold focus:outline-none">
            Invite link for {invite.name}
          </h2>
          <p className="mt-1 mb-3 text-sm text-zinc-700 dark:text-zinc-300">
            Send it to {invite.email} yourself (chat, email). It works once, for {inviteDays} days. You won&apos;t see it again: if it is lost, make a new one.
          </p>
          <OneTimeValue label={`Invite link for ${invite.name}`} value={invite.url} />
          <button type="button" onClick={() => setInvite(null)} className="mt-3 text-sm text-zinc-600 underline underline-offset-2 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100">
            Done
          </button>
        </section>
      )}

      <section aria-labelledby="people-title" className="mt-10">
        <h2 id="people-title" className="font-semibold">
          Everyone <span className="font-normal text-zinc-500">({people.length})</span>
        </h2>
        <table className="mt-3 w-full text-sm max-md:block">
          <caption className="sr-only">People with an account</caption>
          <thead className="border-b border-zinc-200 text-left text-xs text-zinc-500 max-md:sr-only dark:border-zinc-800">
            <tr>
              <th scope="col" className="py-2 pr-3 font-medium">
                Person
              </th>
              <th scope="col" className="py-2 pr-3 font-medium">
                Role
              </th>
              <th scope="col" className="py-2 pr-3 font-medium">
                Status
              </th>
              <th scope="col" className="py-2 pr-3 font-medium">
                Signs in with
              </th>
              <th scope="col" className="py-2 font-medium">
                <span className="sr-only">Changes</span>
              </th>
            </tr>
          </thead>
          <tbody className="max-md:block">
            {people.map((person) => {
              const isSelf = person.id === selfId;
              return (
                <tr
                  key={person.id}
                  className={`border-b border-zinc-100 align-middle max-md:grid max-md:grid-cols-2 max-md:gap-x-3 max-md:gap-y-2 max-md:py-4 dark:border-zinc-800/70 ${person.disabled ? "text-zinc-500" : ""}`}
                >
                  <td className="py-3 pr-3 max-md:col-span-2 max-md:py-0">
                    <div className="flex items-center gap-3">
                      <Avatar name={person.name} />
                      <div className="min-w-0">
                        <div className="font-medium wrap-anywhere text-zinc-900 dark:text-zinc-100">
                          {person.name}
                          {isSelf && <span className="ml-2 text-xs font-normal text-zinc-500">(you)</span>}
                        </div>
                        <div className="text-xs wrap-anywhere text-zinc-500">{person.email}</div>
                      </div>
                    </div>
                  </td>
                  <td className="py-3 pr-3 max-md:py-0">
                    <RoleSelect person={person} />
                  </td>
                  <td className="py-3 pr-3 whitespace-nowrap max-md:self-center max-md:py-0">
                    <span className="text-xs text-zinc-500 md:hidden">Status: </span>
                    <StatusText person={person} />
                  </td>
                  <td className="py-3 pr-3 max-md:col-span-2 max-md:py-0">
                    <span className="text-xs text-zinc-500 md:hidden">Signs in with: </span>
                    {SIGN_IN_LABELS[person.signIn]}
                  </td>
                  <td className="py-3 max-md:col-span-2 max-md:py-0">
                    <PersonControls person={person} isSelf={isSelf} onInvite={setInvite} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
    </>
  );
}
