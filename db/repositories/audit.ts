import type { Db } from "../index.js";
import { nowIso } from "../time.js";

export type AuditEntry = {
  actorId: number | null;
  action: string;
  subjectType: string;
  subjectId?: string | number | null;
  details?: Record<string, unknown> | null;
  ip?: string | null;
};

/** Appends an entry to the audit log (who did what to which record). */
export async function recordAudit(db: Db, e: AuditEntry): Promise<void> {
  await db
    .insertInto("auditLog")
    .values({
      actorId: e.actorId,
      action: e.action,
      subjectType: e.subjectType,
      subjectId: e.subjectId == null ? null : String(e.subjectId),
      details: e.details ? JSON.stringify(e.details) : null,
      ip: e.ip ?? null,
      createdAt: nowIso(),
    })
    .execute();
}

/** Latest audit entries with the actor's name, for the admin screen. */
export function listAudit(db: Db, limit = 100) {
  return db
    .selectFrom("auditLog")
    .leftJoin("users", "users.id", "auditLog.actorId")
    .select(["auditLog.id", "auditLog.action", "auditLog.subjectType", "auditLog.subjectId", "auditLog.details", "auditLog.createdAt", "users.name as actorName"])
    .orderBy("auditLog.id", "desc")
    .limit(limit)
    .execute();
}
