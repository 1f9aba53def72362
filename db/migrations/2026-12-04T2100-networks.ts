import type { Kysely } from "kysely";
import { idColumn } from "../migration-helpers.js";

// Frozen once shipped. Issue 14: networks of experience exchange. Membership is history (joined/left dates), so a
// city that leaves keeps its past in the network and loses its rights at once; meetings are events with network_id.
export async function up(db: Kysely<any>): Promise<void> {
  await idColumn(db, db.schema.createTable("networks"))
    .addColumn("slug", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull()) // active | closed
    .addColumn("start_year", "integer", (c) => c.notNull())
    .addColumn("end_year", "integer")
    .addColumn("leader_city_id", "integer", (c) => c.references("cities.id").onDelete("set null"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("network_areas")
    .addColumn("network_id", "integer", (c) => c.notNull().references("networks.id").onDelete("cascade"))
    .addColumn("area_id", "integer", (c) => c.notNull().references("thematic_areas.id").onDelete("cascade"))
    .addPrimaryKeyConstraint("network_areas_pk", ["network_id", "area_id"])
    .execute();

  // One row per period of membership: left_on null means the city is a member now.
  await idColumn(db, db.schema.createTable("network_cities"))
    .addColumn("network_id", "integer", (c) => c.notNull().references("networks.id").onDelete("cascade"))
    .addColumn("city_id", "integer", (c) => c.notNull().references("cities.id").onDelete("cascade"))
    .addColumn("joined_on", "text", (c) => c.notNull())
    .addColumn("left_on", "text")
    .execute();
  await db.schema.createIndex("network_cities_network_idx").on("network_cities").columns(["network_id", "left_on"]).execute();
  await db.schema.createIndex("network_cities_city_idx").on("network_cities").column("city_id").execute();

  // Experts, government partners and ZMP coordinators, also kept as history.
  await idColumn(db, db.schema.createTable("network_people"))
    .addColumn("network_id", "integer", (c) => c.notNull().references("networks.id").onDelete("cascade"))
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("role", "text", (c) => c.notNull()) // expert | partner | coordinator
    .addColumn("joined_on", "text", (c) => c.notNull())
    .addColumn("left_on", "text")
    .execute();
  await db.schema.createIndex("network_people_network_idx").on("network_people").columns(["network_id", "left_on"]).execute();
  await db.schema.createIndex("network_people_user_idx").on("network_people").column("user_id").execute();

  await db.schema.alterTable("events").addColumn("network_id", "integer", (c) => c.references("networks.id").onDelete("set null")).execute();
  await db.schema.createIndex("events_network_idx").on("events").column("network_id").execute();

  // Agreements ("ustalenia"): who does what by when; done by a city or a person (or neither: the whole network).
  await idColumn(db, db.schema.createTable("network_agreements"))
    .addColumn("network_id", "integer", (c) => c.notNull().references("networks.id").onDelete("cascade"))
    .addColumn("event_id", "integer", (c) => c.references("events.id").onDelete("set null"))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("owner_city_id", "integer", (c) => c.references("cities.id").onDelete("set null"))
    .addColumn("owner_user_id", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("due_on", "text")
    .addColumn("status", "text", (c) => c.notNull()) // open | in_progress | done | dropped
    .addColumn("created_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("network_agreements_network_idx").on("network_agreements").column("network_id").execute();

  await db.schema
    .createTable("network_materials")
    .addColumn("network_id", "integer", (c) => c.notNull().references("networks.id").onDelete("cascade"))
    .addColumn("item_id", "integer", (c) => c.notNull().references("library_items.id").onDelete("cascade"))
    .addColumn("members_only", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("network_materials_pk", ["network_id", "item_id"])
    .execute();

  // Discussion between meetings: persistent threads with replies, open to members (live threads are tied to an event).
  await idColumn(db, db.schema.createTable("network_threads"))
    .addColumn("network_id", "integer", (c) => c.notNull().references("networks.id").onDelete("cascade"))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("created_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("last_post_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("network_threads_network_idx").on("network_threads").columns(["network_id", "last_post_at"]).execute();

  await idColumn(db, db.schema.createTable("network_posts"))
    .addColumn("thread_id", "integer", (c) => c.notNull().references("network_threads.id").onDelete("cascade"))
    .addColumn("author_id", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("network_posts_thread_idx").on("network_posts").column("thread_id").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ["network_posts", "network_threads", "network_materials", "network_agreements"]) await db.schema.dropTable(t).execute();
  await db.schema.dropIndex("events_network_idx").execute();
  await db.schema.alterTable("events").dropColumn("network_id").execute();
  for (const t of ["network_people", "network_cities", "network_areas", "networks"]) await db.schema.dropTable(t).execute();
}
