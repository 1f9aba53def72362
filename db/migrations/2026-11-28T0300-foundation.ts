import type { Kysely } from "kysely";
import { idColumn } from "../migration-helpers.js";

// Frozen: never edit after it has shipped; add a new dated migration instead.
export async function up(db: Kysely<any>): Promise<void> {
  await idColumn(db, db.schema.createTable("cities"))
    .addColumn("slug", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("voivodeship", "text", (c) => c.notNull())
    .addColumn("county", "text", (c) => c.notNull())
    .addColumn("teryt", "text")
    .addColumn("population", "integer", (c) => c.notNull())
    .addColumn("size_class", "text", (c) => c.notNull())
    .execute();

  await idColumn(db, db.schema.createTable("users"))
    .addColumn("email", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("password_hash", "text", (c) => c.notNull())
    .addColumn("role", "text", (c) => c.notNull().defaultTo("member"))
    .addColumn("affiliation", "text", (c) => c.notNull().defaultTo("other"))
    .addColumn("city_id", "integer", (c) => c.references("cities.id").onDelete("set null"))
    .addColumn("position", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("disabled_at", "text")
    .execute();
  await db.schema.createIndex("users_city_idx").on("users").column("city_id").execute();

  await db.schema
    .createTable("sessions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("last_seen_at", "text", (c) => c.notNull())
    .addColumn("user_agent", "text")
    .execute();
  await db.schema.createIndex("sessions_user_idx").on("sessions").column("user_id").execute();

  await db.schema
    .createTable("password_resets")
    .addColumn("token_hash", "text", (c) => c.primaryKey())
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("used_at", "text")
    .execute();

  await idColumn(db, db.schema.createTable("thematic_areas"))
    .addColumn("slug", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull())
    .addColumn("position", "integer", (c) => c.notNull())
    .execute();

  await idColumn(db, db.schema.createTable("event_series"))
    .addColumn("slug", "text", (c) => c.notNull().unique())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull())
    .addColumn("year", "integer")
    .execute();

  await idColumn(db, db.schema.createTable("events"))
    .addColumn("slug", "text", (c) => c.notNull().unique())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("series_id", "integer", (c) => c.references("event_series.id").onDelete("set null"))
    .addColumn("starts_at", "text", (c) => c.notNull())
    .addColumn("ends_at", "text", (c) => c.notNull())
    .addColumn("time_zone", "text", (c) => c.notNull().defaultTo("Europe/Warsaw"))
    .addColumn("format", "text", (c) => c.notNull())
    .addColumn("place", "text")
    .addColumn("join_url", "text")
    .addColumn("capacity", "integer")
    .addColumn("status", "text", (c) => c.notNull().defaultTo("scheduled"))
    .addColumn("registration_version", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("events_starts_idx").on("events").column("starts_at").execute();

  await db.schema
    .createTable("event_areas")
    .addColumn("event_id", "integer", (c) => c.notNull().references("events.id").onDelete("cascade"))
    .addColumn("area_id", "integer", (c) => c.notNull().references("thematic_areas.id").onDelete("cascade"))
    .addPrimaryKeyConstraint("event_areas_pk", ["event_id", "area_id"])
    .execute();

  await idColumn(db, db.schema.createTable("registrations"))
    .addColumn("event_id", "integer", (c) => c.notNull().references("events.id").onDelete("cascade"))
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("queued_at", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addUniqueConstraint("registrations_event_user_uq", ["event_id", "user_id"])
    .execute();
  await db.schema.createIndex("registrations_user_idx").on("registrations").column("user_id").execute();

  await idColumn(db, db.schema.createTable("audit_log"))
    .addColumn("actor_id", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("subject_type", "text", (c) => c.notNull())
    .addColumn("subject_id", "text")
    .addColumn("details", "text")
    .addColumn("ip", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("audit_log_created_idx").on("audit_log").column("created_at").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ["audit_log", "registrations", "event_areas", "events", "event_series", "thematic_areas", "password_resets", "sessions", "users", "cities"]) {
    await db.schema.dropTable(t).execute();
  }
}
