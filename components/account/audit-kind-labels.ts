import type { AuditKind } from "@/lib/server/auth";

/** The audit log's kinds of entry, in words. */
export const AUDIT_KIND_LABELS: Record<AuditKind, string> = {
  "sign-in": "Signed in",
  "sign-in-failed": "Failed sign-in",
  "sign-out": "Signed out",
  setup: "Set up Hindsight",
  "person-added": "Added a person",
  "person-updated": "Changed a name",
  "role-changed": "Changed a role",
  "person-disabled": "Disabled a person",
  "person-enabled": "Enabled a person",
  "invite-created": "Made an invite link",
  "invite-accepted": "Accepted an invite",
  "password-changed": "Changed a password",
  "token-created": "Created a token",
  "token-revoked": "Revoked a token",
  "status-changed": "Changed a status",
  restored: "Restored a version",
  archived: "Archived",
  "access-changed": "Changed access",
};

export function auditKindLabel(kind: string): string {
  return (AUDIT_KIND_LABELS as Record<string, string>)[kind] ?? kind;
}
