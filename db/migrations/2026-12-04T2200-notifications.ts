import type { Kysely } from "kysely";
import { idColumn } from "../migration-helpers.js";

// Frozen. Issue 15: the SQLite job queue (PostgreSQL uses pg-boss's own schema instead), the in-app notification
// centre, per-kind channel choices, digest frequency and follows, and per-event reminder offsets.
export async function up(db: Kysely<any>): Promise<void> {
  await idColumn(db, db.schema.createTable("jobs"))
    .addColumn("queue", "text", (c) => c.notNull())
    .addColumn("payload", "text", (c) => c.notNull())
    .addColumn("run_at", "text", (c) => c.notNull())
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("max_attempts", "integer", (c) => c.notNull())
    .addColumn("locked_until", "text")
    .addColumn("last_error", "text")
    .addColumn("done_at", "text")
    .addColumn("failed_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("jobs_due").on("jobs").columns(["done_at", "failed_at", "run_at"]).execute();

  await idColumn(db, db.schema.createTable("notifications"))
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("url", "text")
    .addColumn("read_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("notifications_user").on("notifications").columns(["user_id", "read_at", "id"]).execute();

  await db.schema
    .createTable("notification_preferences")
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("channel", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("notification_preferences_pk", ["user_id", "kind"])
    .execute();

  await db.schema
    .createTable("notification_settings")
    .addColumn("user_id", "integer", (c) => c.primaryKey().references("users.id").onDelete("cascade"))
    .addColumn("digest", "text", (c) => c.notNull())
    .addColumn("digest_sent_at", "text")
    .execute();

  await db.schema
    .createTable("notification_follows")
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("target_type", "text", (c) => c.notNull())
    .addColumn("target_id", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("notification_follows_pk", ["user_id", "target_type", "target_id"])
    .execute();

  await db.schema.alterTable("events").addColumn("reminder_minutes", "text", (c) => c.notNull().defaultTo("1440,60")).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("events").dropColumn("reminder_minutes").execute();
  for (const t of ["notification_follows", "notification_settings", "notification_preferences", "notifications", "jobs"]) await db.schema.dropTable(t).execute();
}
