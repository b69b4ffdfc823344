"use server";

import { redirect } from "next/navigation";
import { failureOf, textOf, type FormFailure } from "@/components/account/form-state";
import { requestIp } from "@/components/account/request-info";
import { createFirstAdmin } from "@/lib/server/auth";

/** Only failures come back: success redirects to sign-in. */
export type SetupState = (FormFailure & { values: { name: string; email: string } }) | null;

/** Creates the first admin (allowed only while nobody has an account), then sends them to sign in. */
export async function setUpFirstAdmin(_previous: SetupState, form: FormData): Promise<SetupState> {
  const name = textOf(form, "name");
  const email = textOf(form, "email");
  let created: { email: string };
  try {
    created = await createFirstAdmin({ name, email, password: textOf(form, "password"), ip: await requestIp() });
  } catch (error) {
    return { ...failureOf(error), values: { name, email } };
  }
  redirect(`/login?${new URLSearchParams({ next: "/", email: created.email, notice: "setup" })}`);
}
