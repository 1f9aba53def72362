import { sql, type Kysely } from "kysely";
import { idColumn } from "../migration-helpers.js";

// Frozen. A city affiliation is a claim until an administrator or the city's coordinator accepts it (issue 10):
// users.city_id stays what the person said, users.verified_city_id is what grants rights, city_claims keeps history.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("users").addColumn("verified_city_id", "integer", (c) => c.references("cities.id").onDelete("set null")).execute();
  await db.schema.alterTable("users").addColumn("city_coordinator", "integer", (c) => c.notNull().defaultTo(0)).execute();

  await idColumn(db, db.schema.createTable("city_claims"))
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("city_id", "integer", (c) => c.notNull().references("cities.id").onDelete("cascade"))
    .addColumn("status", "text", (c) => c.notNull()) // pending | accepted | rejected | withdrawn
    .addColumn("reason", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("decided_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("decided_at", "text")
    .execute();
  await db.schema.createIndex("city_claims_status_city_idx").on("city_claims").columns(["status", "city_id"]).execute();
  await db.schema.createIndex("city_claims_user_idx").on("city_claims").column("user_id").execute();

  // Affiliations stated before this release were never checked: they wait in the queue like new ones.
  const now = new Date().toISOString();
  await db
    .insertInto("city_claims")
    .columns(["user_id", "city_id", "status", "created_at"])
    .expression((eb) => eb.selectFrom("users").select(["id", "city_id", sql.lit("pending").as("status"), sql.lit(now).as("created_at")]).where("city_id", "is not", null))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("city_claims").execute();
  await db.schema.alterTable("users").dropColumn("city_coordinator").execute();
  await db.schema.alterTable("users").dropColumn("verified_city_id").execute();
}
