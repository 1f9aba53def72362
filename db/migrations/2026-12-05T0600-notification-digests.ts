import type { Kysely } from "kysely";

// Frozen. Issue 15: one row per person and digest period ("2026-12-05" daily, "2026-W49" weekly) once that period's
// digest was handled. The primary key is the claim: of two instances (or a retried job) only one inserts the row,
// so a period's digest is sent once; item counts record what went out (0: nothing new, no mail).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("notification_digests")
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("period", "text", (c) => c.notNull())
    .addColumn("frequency", "text", (c) => c.notNull())
    .addColumn("library_items", "integer", (c) => c.notNull())
    .addColumn("events", "integer", (c) => c.notNull())
    .addColumn("sent_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("notification_digests_pk", ["user_id", "period"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("notification_digests").execute();
}
