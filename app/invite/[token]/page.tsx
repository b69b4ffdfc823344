import type { Metadata } from "next";
import Link from "next/link";
import { AuthPanel } from "@/components/account/auth-panel";
import { findInvite } from "@/lib/server/auth";
import { INVITE_LIFETIME_MS } from "@/lib/server/auth/people/people";
import { InviteForm } from "./invite-form";

export const dynamic = "force-dynamic";
// The link is a secret: no Referer header may carry it to another site.
export const metadata: Metadata = { title: "Join Hindsight", referrer: "no-referrer" };

type Props = { params: Promise<{ token: string }> };

/** An invite link: who it is for, and the form that sets their name and password. */
export default async function InvitePage({ params }: Props) {
  const { token } = await params;
  const invite = token.length <= 200 ? await findInvite({ token }) : null;
  if (!invite) {
    return (
      <AuthPanel title="This invite link no longer works">
        <p className="text-sm leading-relaxed text-zinc-600 dark:text-zinc-400">
          It has expired (links work for {INVITE_LIFETIME_MS / 86_400_000} days), it was already used, or a newer link replaced it. Ask an admin for a new one.
        </p>
        <p className="mt-6 text-sm">
          <Link href="/login" className="font-medium text-accent-600 underline underline-offset-2 dark:text-accent-400">
            Go to sign in
          </Link>
        </p>
      </AuthPanel>
    );
  }
  return (
    <AuthPanel
      title="Join Hindsight"
      intro={
        <p>
          This invite is for <strong className="font-medium text-zinc-900 dark:text-zinc-100">{invite.name}</strong> ({invite.email}). Choose a password to finish
          setting up your account.
        </p>
      }
    >
      <InviteForm token={token} name={invite.name} email={invite.email} />
    </AuthPanel>
  );
}
