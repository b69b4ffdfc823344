"use server";

import { redirect } from "next/navigation";
import { failureOf, fieldFailure, textOf, type FormFailure } from "@/components/account/form-state";
import { requestIp } from "@/components/account/request-info";
import { acceptInvite } from "@/lib/server/auth";

/** Only failures come back: success sends them to sign in. */
export type InviteState = (FormFailure & { name: string }) | null;

/** Sets the invited person's name and password (the link then stops working), then sends them to sign in. */
export async function acceptInviteAction(token: string, _previous: InviteState, form: FormData): Promise<InviteState> {
  const name = textOf(form, "name");
  const password = textOf(form, "password");
  if (password !== textOf(form, "passwordRepeat")) return { ...fieldFailure("passwordRepeat", "The two passwords are not the same."), name };
  let email: string;
  try {
    ({ email } = await acceptInvite({ token, name, password, ip: await requestIp() }));
  } catch (error) {
    return { ...failureOf(error), name };
  }
  redirect(`/login?${new URLSearchParams({ email, notice: "invite" })}`);
}
