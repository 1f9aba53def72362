import type { Kysely } from "kysely";
import { cityNameKey } from "../../domain/city-name-key.js";

// Frozen: never edit after it has shipped; add a new dated migration instead.
// Issue 11: the directory holds every Polish town (db/seed-data/towns.ts, loaded by the reference seed). Cities get
// a diacritics-free name key to match "Zdunska wola" with "Zduńska Wola", coordinates and the county's TERYT code,
// and a confirmed flag: a place an import names but the directory lacks is created unconfirmed for an admin.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("cities").addColumn("name_key", "text", (c) => c.notNull().defaultTo("")).execute();
  await db.schema.alterTable("cities").addColumn("county_teryt", "text").execute();
  await db.schema.alterTable("cities").addColumn("lat", "double precision").execute();
  await db.schema.alterTable("cities").addColumn("lng", "double precision").execute();
  await db.schema.alterTable("cities").addColumn("geonames_id", "integer").execute();
  await db.schema.alterTable("cities").addColumn("confirmed", "integer", (c) => c.notNull().defaultTo(1)).execute();
  await db.schema.createIndex("cities_name_key_idx").on("cities").column("name_key").execute();
  await db.schema.createIndex("cities_confirmed_idx").on("cities").column("confirmed").execute();
  for (const c of await db.selectFrom("cities").select(["id", "name"]).execute()) {
    await db.updateTable("cities").set({ name_key: cityNameKey(c.name as string) }).where("id", "=", c.id).execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("cities_confirmed_idx").execute();
  await db.schema.dropIndex("cities_name_key_idx").execute();
  for (const col of ["confirmed", "geonames_id", "lng", "lat", "county_teryt", "name_key"]) await db.schema.alterTable("cities").dropColumn(col).execute();
}
