import type { Metadata } from "next";
import { SectionTabs, SETTINGS_TABS } from "@/components/account/section-tabs";
import { ROLE_LABELS } from "@/lib/domain/access/roles";
import { requirePageActor } from "@/lib/server/auth";
import { NameForm, PasswordForm } from "./_components/profile-forms";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Settings" };

/** Your own account: name and password. */
export default async function SettingsPage() {
  const actor = await requirePageActor({ path: "/settings" });
  if (actor.kind !== "user") return <p className="text-sm text-zinc-600 dark:text-zinc-400">The operator has no account settings.</p>;
  return (
    <div>
      <h1 className="text-2xl font-semibold tracking-tight">Settings</h1>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
        Signed in as {actor.email}, with the role {ROLE_LABELS[actor.role]}.
      </p>
      <SectionTabs label="Settings" current="/settings" tabs={SETTINGS_TABS} />
      <div className="mt-8 grid max-w-xl gap-10">
        <section aria-labelledby="profile-title">
          <h2 id="profile-title" className="font-semibold">
            Profile
          </h2>
          <div className="mt-4">
            <NameForm name={actor.name} />
          </div>
        </section>
        <section aria-labelledby="password-title" className="border-t border-zinc-200 pt-8 dark:border-zinc-800">
          <h2 id="password-title" className="font-semibold">
            Password
          </h2>
          <p className="mt-0.5 text-sm text-zinc-600 dark:text-zinc-400">If you sign in only with single sign-on, your password is managed there instead.</p>
          <div className="mt-4">
            <PasswordForm />
          </div>
        </section>
      </div>
    </div>
  );
}
