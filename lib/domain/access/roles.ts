/** Who may do what: the three roles, in order of what they may do (decision 021). */

export const ROLES = ["viewer", "editor", "admin"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = { viewer: "Viewer", editor: "Editor", admin: "Admin" };

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  viewer: "Reads and exports every postmortem they may see.",
  editor: "Also creates, edits, imports, publishes and reopens postmortems, and changes action status.",
  admin: "Also manages people, roles, every token, archiving and restricted postmortems.",
};

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

/** Whether `role` may do what `needed` may. */
export function roleAtLeast(role: Role, needed: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(needed);
}

/** Two letters for an avatar: "Dana Whitfield" → "DW", "ops@x.io" → "OP". */
export function initialsOf(name: string): string {
  const words = name.replace(/@.*$/, "").split(/[\s._-]+/).filter(Boolean);
  if (words.length === 0) return "?";
  if (words.length === 1) return words[0].slice(0, 2).toUpperCase();
  return (words[0][0] + words[words.length - 1][0]).toUpperCase();
}
