import "server-only";
import { headers } from "next/headers";
import { getDb } from "../db";
import { actorName, actorUserId, type Actor } from "./actor";
import { requireRole } from "./require-access";

/** The client address of the request in progress (proxy.ts puts it in a header), or null outside a request. */
async function requestClientIp(): Promise<string | null> {
  try {
    return (await headers()).get("x-hindsight-client-ip");
  } catch {
    return null;
  }
}

/** Every kind of audit entry (docs/security.md). */
export const AUDIT_KINDS = [
  "sign-in",
  "sign-in-failed",
  "sign-out",
  "setup",
  "person-added",
  "person-updated",
  "role-changed",
  "person-disabled",
  "person-enabled",
  "invite-created",
  "invite-accepted",
  "password-changed",
  "token-created",
  "token-revoked",
  "status-changed",
  "restored",
  "archived",
  "access-changed",
] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];

/** Writes one audit entry; never fails the work it records (a full disk is logged, not thrown). */
export async function recordAudit(entry: { kind: AuditKind; actor: Actor | { name: string; id?: string | null }; subject?: string; detail?: string; ip?: string | null }): Promise<void> {
  const db = await getDb();
  const ip = entry.ip !== undefined ? entry.ip : await requestClientIp();
  const isActor = "kind" in entry.actor;
  await db.auditEvent
    .create({
      data: {
        kind: entry.kind,
        actorId: isActor ? actorUserId(entry.actor as Actor) : ((entry.actor as { id?: string | null }).id ?? null),
        actorName: isActor ? actorName(entry.actor as Actor) : (entry.actor as { name: string }).name,
        subject: (entry.subject ?? "").slice(0, 300),
        detail: (entry.detail ?? "").slice(0, 1000),
        ip: ip ?? null,
      },
    })
    .catch(() => undefined);
}

export type AuditEntry = { id: number; at: string; kind: string; actorName: string; actorId: string | null; subject: string; detail: string; ip: string | null };

/** The audit log, newest first, filtered by person (their id) and kind: admins only. */
export async function listAudit(options: { actorId?: string; kind?: string; page?: number; perPage?: number } = {}): Promise<{ entries: AuditEntry[]; total: number; page: number; perPage: number }> {
  await requireRole("admin");
  const db = await getDb();
  const perPage = Math.min(Math.max(options.perPage ?? 50, 1), 500);
  const page = Math.max(options.page ?? 1, 1);
  const where = { ...(options.actorId ? { actorId: options.actorId } : {}), ...(options.kind ? { kind: options.kind } : {}) };
  const [rows, total] = await Promise.all([
    db.auditEvent.findMany({ where, orderBy: [{ at: "desc" }, { id: "desc" }], skip: (page - 1) * perPage, take: perPage }),
    db.auditEvent.count({ where }),
  ]);
  return { entries: rows.map((row) => ({ ...row, at: row.at.toISOString() })), total, page, perPage };
}
