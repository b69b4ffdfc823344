"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { failureOf, textOf, type FormState } from "@/components/account/form-state";
import { requestIp } from "@/components/account/request-info";
import { isRole, type Role } from "@/lib/domain/access/roles";
import { addPerson, createInvite, setDisabled, setRole } from "@/lib/server/auth";
import { publicOrigin } from "@/lib/server/http/public-origin";

/** A one-time invite link to hand over, for whom. */
export type InviteLink = { name: string; email: string; url: string };
export type InviteState = FormState<{ invite: InviteLink }>;
export type PersonChangeState = FormState;

const PAGE = "/admin/people";

async function inviteUrl(token: string): Promise<string> {
  return new URL(`/invite/${token}`, publicOrigin(await headers())).href;
}

/** Adds a person without a password: the answer carries the invite link they set it with. */
export async function addPersonAction(_previous: InviteState, form: FormData): Promise<InviteState> {
  const role = textOf(form, "role");
  try {
    const { person, inviteToken } = await addPerson({
      name: textOf(form, "name"),
      email: textOf(form, "email"),
      role: (isRole(role) ? role : "") as Role,
      ip: await requestIp(),
    });
    revalidatePath(PAGE);
    return { ok: true, invite: { name: person.name, email: person.email, url: await inviteUrl(inviteToken!) } };
  } catch (error) {
    return failureOf(error);
  }
}

/** A new invite link for someone (their older links stop working): a lost link, or a forgotten password. */
export async function newInviteAction(email: string): Promise<InviteState> {
  try {
    const { person, inviteToken } = await createInvite({ email, ip: await requestIp() });
    revalidatePath(PAGE);
    return { ok: true, invite: { name: person.name, email: person.email, url: await inviteUrl(inviteToken) } };
  } catch (error) {
    return failureOf(error);
  }
}

export async function changeRoleAction(email: string, role: string): Promise<PersonChangeState> {
  try {
    await setRole({ email, role: (isRole(role) ? role : "") as Role, ip: await requestIp() });
    revalidatePath(PAGE);
    return { ok: true };
  } catch (error) {
    return failureOf(error);
  }
}

export async function setDisabledAction(email: string, disabled: boolean): Promise<PersonChangeState> {
  try {
    await setDisabled({ email, disabled, ip: await requestIp() });
    revalidatePath(PAGE);
    return { ok: true };
  } catch (error) {
    return failureOf(error);
  }
}
