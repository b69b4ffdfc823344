import { MIN_PASSWORD_LENGTH } from "@/lib/domain/access/password-rules";

/** The password rules, as every form that sets one states them. */
export const PASSWORD_HINT = `At least ${MIN_PASSWORD_LENGTH} characters, and not one of the most common passwords. A few unrelated words make a good one.`;
