import type { Metadata } from "next";
import { NotAllowed, roleName } from "@/components/account/not-allowed";
import { ADMIN_TABS, SectionTabs } from "@/components/account/section-tabs";
import { listPeople, mayDo, requirePageActor } from "@/lib/server/auth";
import { INVITE_LIFETIME_MS } from "@/lib/server/auth/people/people";
import { PeopleManager } from "./_components/people-manager";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "People" };

/** Admin → People: add people (with an invite link), change roles, disable and enable, new invite links. */
export default async function PeoplePage() {
  const actor = await requirePageActor({ path: "/admin/people" });
  if (!mayDo(actor, "admin")) {
    return (
      <NotAllowed title="People">
        Only admins manage people. Your role is {roleName(actor)}: ask an admin if someone needs an account or a different role.
      </NotAllowed>
    );
  }
  const people = await listPeople();
  return (
    <div>
      <h1 className="text-2xl font-semibold tracking-tight">People</h1>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">Who can sign in to Hindsight, and what their role lets them do.</p>
      <SectionTabs label="Admin" current="/admin/people" tabs={ADMIN_TABS} />
      <PeopleManager people={people} selfId={actor.kind === "user" ? actor.userId : null} inviteDays={INVITE_LIFETIME_MS / 86_400_000} />
    </div>
  );
}
