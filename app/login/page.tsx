import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthPanel, Notice } from "@/components/account/auth-panel";
import { currentActor, hasAnyPerson, safeNextPath, ssoSettings } from "@/lib/server/auth";
import { ssoProblemMessage } from "@/lib/server/auth/sso";
import { LoginForm, SsoButton } from "./login-form";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Sign in" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

const NOTICES: Record<string, string> = {
  setup: "Your admin account is ready: sign in.",
  invite: "Your password is set: sign in.",
};

/** Where to go once signed in: `next` when it stays on this site and is not this page or setup (which would loop). */
function afterSignIn(value: string | undefined): string {
  const next = safeNextPath(value);
  return /^\/(login|setup)(?:[/?#]|$)/.test(next) ? "/" : next;
}

/**
 * The sign-in page: email and password (unless turned off), and the single
 * sign-on button when it is set up. Leads to setup while nobody has an
 * account, and straight on to `next` when already signed in.
 */
export default async function LoginPage({ searchParams }: Props) {
  const query = await searchParams;
  const next = afterSignIn(first(query.next));
  if (!(await hasAnyPerson())) redirect("/setup");
  if ((await currentActor()).kind !== "anonymous") redirect(next);

  const sso = ssoSettings();
  const notice = NOTICES[first(query.notice) ?? ""];
  const errors = [query.error ?? []].flat();
  const email = (first(query.email) ?? "").slice(0, 254);

  return (
    <AuthPanel title="Sign in to Hindsight" intro={sso.passwordLogin ? undefined : <p>Your team signs in with {sso.name}.</p>}>
      {notice && (
        <div className="mb-6">
          <Notice>{notice}</Notice>
        </div>
      )}
      {sso.passwordLogin && <LoginForm next={next} email={email} />}
      {sso.enabled && (
        <div className={sso.passwordLogin ? "mt-6" : ""}>
          {sso.passwordLogin && (
            <p className="mb-6 flex items-center gap-3 text-xs text-zinc-500 before:h-px before:flex-1 before:bg-zinc-200 after:h-px after:flex-1 after:bg-zinc-200 dark:before:bg-zinc-800 dark:after:bg-zinc-800">
              or
            </p>
          )}
          <SsoButton next={next} providerName={sso.name} problem={ssoProblemMessage(errors)} isOnlyWay={!sso.passwordLogin} />
        </div>
      )}
      <p className="mt-8 text-xs leading-relaxed text-zinc-500">
        {sso.enabled
          ? `New here? Sign in with ${sso.name}, or ask an admin to add you under Admin → People.`
          : "No account yet? An admin adds you under Admin → People and gives you a link to set your password."}
      </p>
    </AuthPanel>
  );
}
