import type { Kysely } from "kysely";
import { idColumn } from "../migration-helpers.js";

// Frozen: never edit after it has shipped; add a new dated migration instead.
// Library items, their areas, revisions and attachments, and the search outbox that keeps the index in step.
export async function up(db: Kysely<any>): Promise<void> {
  await idColumn(db, db.schema.createTable("library_items"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("slug", "text", (c) => c.notNull().unique())
    .addColumn("external_id", "text", (c) => c.unique())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("summary", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("body_source", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("body_html", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("body_text", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("tags", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("authors", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("city_id", "integer", (c) => c.references("cities.id").onDelete("set null"))
    .addColumn("event_id", "integer", (c) => c.references("events.id").onDelete("set null"))
    .addColumn("year", "integer")
    .addColumn("published_on", "text")
    .addColumn("external_url", "text")
    .addColumn("video_url", "text")
    .addColumn("duration_minutes", "integer")
    .addColumn("problem", "text")
    .addColumn("solution", "text")
    .addColumn("results", "text")
    .addColumn("cost_and_funding", "text")
    .addColumn("period", "text")
    .addColumn("contact", "text")
    .addColumn("status", "text", (c) => c.notNull().defaultTo("draft"))
    .addColumn("author_id", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("import_hash", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("library_items_city_idx").on("library_items").column("city_id").execute();
  await db.schema.createIndex("library_items_event_idx").on("library_items").column("event_id").execute();
  await db.schema.createIndex("library_items_status_idx").on("library_items").columns(["status", "kind"]).execute();

  await db.schema
    .createTable("library_item_areas")
    .addColumn("item_id", "integer", (c) => c.notNull().references("library_items.id").onDelete("cascade"))
    .addColumn("area_id", "integer", (c) => c.notNull().references("thematic_areas.id").onDelete("cascade"))
    .addPrimaryKeyConstraint("library_item_areas_pk", ["item_id", "area_id"])
    .execute();

  await idColumn(db, db.schema.createTable("library_revisions"))
    .addColumn("item_id", "integer", (c) => c.notNull().references("library_items.id").onDelete("cascade"))
    .addColumn("snapshot", "text", (c) => c.notNull())
    .addColumn("saved_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("library_revisions_item_idx").on("library_revisions").column("item_id").execute();

  await idColumn(db, db.schema.createTable("library_attachments"))
    .addColumn("item_id", "integer", (c) => c.notNull().references("library_items.id").onDelete("cascade"))
    .addColumn("file_name", "text", (c) => c.notNull())
    .addColumn("mime", "text", (c) => c.notNull())
    .addColumn("size_bytes", "integer", (c) => c.notNull())
    .addColumn("storage_key", "text", (c) => c.notNull().unique())
    .addColumn("uploaded_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("library_attachments_item_idx").on("library_attachments").column("item_id").execute();

  await idColumn(db, db.schema.createTable("search_outbox"))
    .addColumn("entity", "text", (c) => c.notNull())
    .addColumn("entity_id", "integer", (c) => c.notNull())
    .addColumn("op", "text", (c) => c.notNull())
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("next_attempt_at", "text", (c) => c.notNull())
    .addColumn("last_error", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("search_outbox_due_idx").on("search_outbox").column("next_attempt_at").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ["search_outbox", "library_attachments", "library_revisions", "library_item_areas", "library_items"]) {
    await db.schema.dropTable(t).execute();
  }
}
