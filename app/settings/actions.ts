"use server";

import { revalidatePath } from "next/cache";
import { failureOf, fieldFailure, textOf, type FormState } from "@/components/account/form-state";
import { requestIp } from "@/components/account/request-info";
import { changeOwnPassword, updateOwnName } from "@/lib/server/auth";

export type ProfileState = FormState<{ name: string }>;
export type PasswordState = FormState;

/** Changes the signed-in person's own name (the header's menu shows it at once). */
export async function updateNameAction(_previous: ProfileState, form: FormData): Promise<ProfileState> {
  try {
    const person = await updateOwnName({ name: textOf(form, "name") });
    revalidatePath("/", "layout");
    return { ok: true, name: person.name };
  } catch (error) {
    return failureOf(error);
  }
}

/** Changes the signed-in person's password: the current one first; their other sessions end. */
export async function changePasswordAction(_previous: PasswordState, form: FormData): Promise<PasswordState> {
  const newPassword = textOf(form, "newPassword");
  if (newPassword !== textOf(form, "newPasswordRepeat")) return fieldFailure("newPasswordRepeat", "The two new passwords are not the same.");
  try {
    await changeOwnPassword({ currentPassword: textOf(form, "currentPassword"), newPassword, ip: await requestIp() });
    return { ok: true };
  } catch (error) {
    const failure = failureOf(error);
    // The data access names the new password's field `password`.
    const { password, ...fieldErrors } = failure.fieldErrors;
    return { ...failure, fieldErrors: password ? { ...fieldErrors, newPassword: password } : fieldErrors };
  }
}
