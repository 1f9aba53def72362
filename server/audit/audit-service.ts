import type { DbHandle } from "../../db/index.js";
import { listAudit, recordAudit, type AuditEntry } from "../../db/repositories/audit.js";

export type AuditService = ReturnType<typeof createAuditService>;

/** The audit log: admin screens write to it and read it through here. */
export function createAuditService(deps: { db: DbHandle }) {
  const db = deps.db.db;
  return {
    /** Writes one entry (who did what to which subject). */
    record: (entry: AuditEntry) => recordAudit(db, entry),
    /** The latest entries, newest first, with the actor's name. */
    latest: (limit: number) => listAudit(db, limit),
  };
}
