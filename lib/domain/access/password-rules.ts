/** What makes a password acceptable (OWASP ASVS level 1; decision 021). Pure: the list of common passwords is passed in. */

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;

/**
 * Why `password` is refused, or null when it is fine: too short or too long,
 * one of the most common passwords (compared without case), or the person's
 * own email or name.
 */
export function passwordProblem(password: string, options: { isCommon: (lowercased: string) => boolean; email?: string; name?: string }): string | null {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) return `Use at least ${MIN_PASSWORD_LENGTH} characters (a few words make a good one).`;
  if (length > MAX_PASSWORD_LENGTH) return `Use at most ${MAX_PASSWORD_LENGTH} characters.`;
  const lowered = password.toLowerCase();
  if (options.isCommon(lowered) || /^(.)\1+$/.test(password) || isRun(lowered)) return "This password is one of the most common ones: choose another.";
  const personal = [options.email, options.email?.split("@")[0], options.name].filter((value): value is string => Boolean(value && value.length >= 4));
  if (personal.some((value) => lowered.includes(value.toLowerCase()))) return "Do not use your email or name in your password.";
  return null;
}

/** "123456789012", "abcdefghijkl": a run of consecutive characters. */
function isRun(value: string): boolean {
  for (let i = 1; i < value.length; i++) {
    if (value.charCodeAt(i) - value.charCodeAt(i - 1) !== 1) return false;
  }
  return true;
}
