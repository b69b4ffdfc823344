import { isAppError } from "@/lib/domain/errors";

/**
 * What a form's server action answers (STYLE.md, Errors): success, possibly
 * with something to show once, or the failure as values beside the fields.
 */
export type FormFailure = { ok: false; fieldErrors: Record<string, string[]>; formError: string | null };
export type FormState<T extends object = object> = ({ ok: true } & T) | FormFailure | null;

/** A form failure with one message on one field (a check made before the data access). */
export function fieldFailure(field: string, message: string): FormFailure {
  return { ok: false, fieldErrors: { [field]: [message] }, formError: null };
}

/**
 * An expected failure (AppError) as a form answer: its field messages beside
 * the fields, otherwise its message above the form. Anything else is rethrown
 * for the error page.
 */
export function failureOf(error: unknown): FormFailure {
  if (!isAppError(error)) throw error;
  // In a browser form this means the session ended (signed out elsewhere, expired, disabled).
  if (error.code === "UNAUTHENTICATED") return { ok: false, fieldErrors: {}, formError: "Your session has ended: reload the page and sign in again." };
  const fieldErrors = error.fields ?? {};
  return { ok: false, fieldErrors, formError: Object.keys(fieldErrors).length > 0 ? null : error.message };
}

/** A string field of a submitted form ("" when absent or a file). */
export function textOf(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
}

/** One sentence for a failure shown in a single place (a table row): the form's message, else its field messages. */
export function failureMessage(failure: FormFailure): string {
  return failure.formError ?? (Object.values(failure.fieldErrors).flat().join(" ") || "Something went wrong. Try again.");
}
