"use client";

import { useState } from "react";
import { FormError } from "@/components/account/auth-panel";
import { Field, buttonClass, inputClass, primaryButtonClass } from "@/components/ui/fields";

type ErrorBody = { message?: string; error?: { message?: string } } | null;

const UNREACHABLE = "The server could not be reached. Check your connection and try again.";

async function messageOf(response: Response): Promise<string | undefined> {
  const body = (await response.json().catch(() => null)) as ErrorBody;
  return body?.message ?? body?.error?.message;
}

/** Email and password, sent to better-auth's sign-in endpoint; on success, a full load of `next`. */
export function LoginForm({ next, email }: { next: string; email: string }) {
  const [error, setError] = useState<string | null>(null);
  const [isPending, setPending] = useState(false);

  async function signIn(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    if (!form.get("email") || !form.get("password")) {
      setError("Enter your email and password.");
      return;
    }
    setPending(true);
    setError(null);
    try {
      const response = await fetch("/api/auth/sign-in/email", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: form.get("email"), password: form.get("password") }),
      });
      if (response.ok) {
        window.location.assign(next);
        return;
      }
      // Wrong email and wrong password get the same answer, so that neither gives the other away.
      if (response.status === 401 || response.status === 400) setError("Wrong email or password.");
      else if (response.status === 429) setError((await messageOf(response)) ?? "Too many attempts. Wait a few minutes, then try again.");
      else if (response.status === 403) setError((await messageOf(response)) ?? "This account cannot sign in. Ask an admin.");
      else setError((await messageOf(response)) ?? `Could not sign in: the server answered ${response.status}.`);
    } catch {
      setError(UNREACHABLE);
    }
    setPending(false);
  }

  return (
    <form onSubmit={signIn} className="space-y-5" noValidate>
      <FormError message={error} />
      <Field label="Email">
        {(control) => (
          <input {...control} name="email" type="email" autoComplete="username" required autoFocus={!email} defaultValue={email} className={inputClass} />
        )}
      </Field>
      <Field label="Password">
        {(control) => <input {...control} name="password" type="password" autoComplete="current-password" required autoFocus={Boolean(email)} className={inputClass} />}
      </Field>
      <button type="submit" className={`${primaryButtonClass} w-full`} disabled={isPending}>
        {isPending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}

/** "Sign in with <provider>": better-auth answers with the provider's authorization URL, which the browser then follows. */
export function SsoButton({ next, providerName, problem, isOnlyWay }: { next: string; providerName: string; problem: string | null; /** Password sign-in is off: this is the main button. */ isOnlyWay: boolean }) {
  const [error, setError] = useState<string | null>(problem);
  const [isPending, setPending] = useState(false);

  async function start() {
    setPending(true);
    setError(null);
    try {
      const response = await fetch("/api/auth/sign-in/oauth2", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ providerId: "sso", callbackURL: next, errorCallbackURL: "/login?error=sso" }),
      });
      const body = (await response.json().catch(() => null)) as ({ url?: string } & ErrorBody) | null;
      if (response.ok && body?.url) {
        window.location.assign(body.url);
        return;
      }
      setError(`Could not start single sign-on: ${body?.message ?? `the server answered ${response.status}`}. Try again, or ask an admin.`);
    } catch {
      setError(UNREACHABLE);
    }
    setPending(false);
  }

  return (
    <div className="space-y-3">
      <FormError message={error} />
      <button type="button" onClick={start} disabled={isPending} className={`${isOnlyWay ? primaryButtonClass : buttonClass} w-full`}>
        {isPending ? "Opening…" : `Sign in with ${providerName}`}
      </button>
    </div>
  );
}
