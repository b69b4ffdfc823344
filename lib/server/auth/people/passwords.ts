import "server-only";
import { dictionary } from "@zxcvbn-ts/language-common";
import { hashPassword, verifyPassword } from "better-auth/crypto";
import { passwordProblem } from "@/lib/domain/access/password-rules";
import { AppError } from "@/lib/domain/errors";

let common: Set<string> | undefined;
/** The most common passwords (zxcvbn's list of about 30,000), lower-cased. */
function isCommon(lowercased: string): boolean {
  common ??= new Set(dictionary["passwords-common"].map((word) => word.toLowerCase()));
  return common.has(lowercased);
}

/** Throws INVALID (on the `password` field) when the password breaks a rule. */
export function checkNewPassword(password: string, person: { email?: string; name?: string } = {}): void {
  const problem = passwordProblem(password, { isCommon, ...person });
  if (problem) throw new AppError("INVALID", problem, { fields: { password: [problem] } });
}

/** scrypt, as better-auth stores and checks it (never logged, never returned). */
export const hashNewPassword = (password: string) => hashPassword(password);
export const passwordMatches = (hash: string, password: string) => verifyPassword({ hash, password });
