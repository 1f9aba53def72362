import type { Kysely } from "kysely";
import { idColumn, isPostgres } from "../migration-helpers.js";

// Frozen: never edit after it has shipped; add a new dated migration instead.
// Yjs state is binary: bytea on PostgreSQL, blob on SQLite (both come back as a Node Buffer).
export async function up(db: Kysely<any>): Promise<void> {
  const binary = isPostgres(db) ? "bytea" : "blob";

  await db.schema
    .createTable("agenda_settings")
    .addColumn("event_id", "integer", (c) => c.primaryKey().references("events.id").onDelete("cascade"))
    .addColumn("mode", "text", (c) => c.notNull().defaultTo("all"))
    .addColumn("city_ids", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("open", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("dots_budget", "integer", (c) => c.notNull().defaultTo(5))
    .addColumn("updated_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  // Append-only log of incremental updates; compaction folds them into agenda_snapshots and deletes them.
  await idColumn(db, db.schema.createTable("agenda_updates"))
    .addColumn("doc_name", "text", (c) => c.notNull())
    .addColumn("data", binary as "blob", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("agenda_updates_doc_idx").on("agenda_updates").columns(["doc_name", "id"]).execute();

  // kind: 'compacted' (the working base state) or 'history' (kept for the version list, never deleted by compaction).
  await idColumn(db, db.schema.createTable("agenda_snapshots"))
    .addColumn("doc_name", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("data", binary as "blob", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("agenda_snapshots_doc_idx").on("agenda_snapshots").columns(["doc_name", "kind", "id"]).execute();

  await idColumn(db, db.schema.createTable("agenda_versions"))
    .addColumn("event_id", "integer", (c) => c.notNull().references("events.id").onDelete("cascade"))
    .addColumn("number", "integer", (c) => c.notNull())
    .addColumn("content", "text", (c) => c.notNull())
    .addColumn("html", "text", (c) => c.notNull())
    .addColumn("plain_text", "text", (c) => c.notNull())
    .addColumn("state", binary as "blob", (c) => c.notNull())
    .addColumn("published_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addUniqueConstraint("agenda_versions_event_number_uq", ["event_id", "number"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ["agenda_versions", "agenda_snapshots", "agenda_updates", "agenda_settings"]) await db.schema.dropTable(t).execute();
}
