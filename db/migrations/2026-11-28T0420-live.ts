import type { Kysely } from "kysely";
import { idColumn } from "../migration-helpers.js";

// Live webinar rooms, threads, messages, votes and removals. Frozen once shipped.
export async function up(db: Kysely<any>): Promise<void> {
  // One row per event that has been visited live. `rev` is the per-event change counter: every insert or change of a
  // message takes the next value under this row's lock, so cursors (`since`) never skip a concurrent commit.
  await db.schema
    .createTable("live_rooms")
    .addColumn("event_id", "integer", (c) => c.primaryKey().references("events.id").onDelete("cascade"))
    .addColumn("override", "text") // null = automatic, 'open' | 'closed' set by a moderator
    .addColumn("opens_before_minutes", "integer", (c) => c.notNull().defaultTo(30))
    .addColumn("rev", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("peak_participants", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  await idColumn(db, db.schema.createTable("live_threads"))
    .addColumn("event_id", "integer", (c) => c.notNull().references("events.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull()) // 'qa' | 'discussion'
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("position", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("live_threads_event_idx").on("live_threads").column("event_id").execute();

  await idColumn(db, db.schema.createTable("live_messages"))
    .addColumn("event_id", "integer", (c) => c.notNull().references("events.id").onDelete("cascade"))
    .addColumn("thread_id", "integer", (c) => c.notNull().references("live_threads.id").onDelete("cascade"))
    .addColumn("parent_id", "integer", (c) => c.references("live_messages.id").onDelete("cascade"))
    .addColumn("author_id", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("kind", "text", (c) => c.notNull()) // 'comment' | 'question'
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("rev", "integer", (c) => c.notNull())
    .addColumn("votes", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("pinned", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("answered_at", "text")
    .addColumn("answer", "text")
    .addColumn("answered_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("hidden_at", "text")
    .addColumn("hidden_reason", "text")
    .addColumn("edited_at", "text")
    .addColumn("deleted_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("live_messages_event_rev_idx").on("live_messages").columns(["event_id", "rev"]).unique().execute();
  await db.schema.createIndex("live_messages_thread_rev_idx").on("live_messages").columns(["thread_id", "rev"]).execute();

  await db.schema
    .createTable("live_votes")
    .addColumn("message_id", "integer", (c) => c.notNull().references("live_messages.id").onDelete("cascade"))
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("live_votes_pk", ["message_id", "user_id"])
    .execute();

  await db.schema
    .createTable("live_removals")
    .addColumn("event_id", "integer", (c) => c.notNull().references("events.id").onDelete("cascade"))
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("removed_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("reason", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("live_removals_pk", ["event_id", "user_id"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ["live_removals", "live_votes", "live_messages", "live_threads", "live_rooms"]) await db.schema.dropTable(t).ifExists().execute();
}
