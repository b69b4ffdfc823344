"use server";

import { revalidatePath } from "next/cache";
import { failureOf, textOf, type FormState } from "@/components/account/form-state";
import { requestIp } from "@/components/account/request-info";
import { createToken, revokeToken } from "@/lib/server/auth";

/** The new token, shown once: only its hash is kept. */
export type CreateTokenState = FormState<{ token: string; name: string }>;

/** Creates a personal access token for the signed-in person. */
export async function createTokenAction(_previous: CreateTokenState, form: FormData): Promise<CreateTokenState> {
  const days = textOf(form, "expiresInDays").trim();
  try {
    const { token, summary } = await createToken({
      name: textOf(form, "name"),
      readOnly: form.get("readOnly") === "on",
      expiresInDays: days ? Number(days) : undefined,
      ip: await requestIp(),
    });
    revalidatePath("/settings/tokens");
    return { ok: true, token, name: summary.name };
  } catch (error) {
    return failureOf(error);
  }
}

/** Revokes one of the signed-in person's tokens: it stops working at once. */
export async function revokeTokenAction(id: string): Promise<FormState> {
  try {
    await revokeToken({ id, ip: await requestIp() });
    revalidatePath("/settings/tokens");
    return { ok: true };
  } catch (error) {
    return failureOf(error);
  }
}
