import type { Db } from "../index.js";
import type { City, SizeClass } from "../schema.js";

export type CityFilter = { q?: string; voivodeship?: string; sizeClass?: SizeClass };

/** Lists cities, alphabetically, filtered by name fragment, voivodeship and size class. */
export function listCities(db: Db, f: CityFilter = {}): Promise<City[]> {
  let q = db.selectFrom("cities").selectAll();
  if (f.q) q = q.where((eb) => eb(eb.fn("lower", ["name"]), "like", `%${f.q!.toLowerCase()}%`));
  if (f.voivodeship) q = q.where("voivodeship", "=", f.voivodeship);
  if (f.sizeClass) q = q.where("sizeClass", "=", f.sizeClass);
  return q.orderBy("name").execute();
}

/** Distinct voivodeships present in the directory, for filters. */
export async function listVoivodeships(db: Db): Promise<string[]> {
  const rows = await db.selectFrom("cities").select("voivodeship").distinct().orderBy("voivodeship").execute();
  return rows.map((r) => r.voivodeship);
}

/** Finds a city by its URL slug. */
export function findCityBySlug(db: Db, slug: string): Promise<City | undefined> {
  return db.selectFrom("cities").selectAll().where("slug", "=", slug).executeTakeFirst();
}

/** Finds a city by id. */
export function findCityById(db: Db, id: number): Promise<City | undefined> {
  return db.selectFrom("cities").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Resolves a city given its name (case-insensitive) or TERYT code, as imports do. */
export function findCityByNameOrTeryt(db: Db, value: string): Promise<City | undefined> {
  const v = value.trim();
  return db
    .selectFrom("cities")
    .selectAll()
    .where((eb) => eb.or([eb(eb.fn("lower", ["name"]), "=", v.toLowerCase()), eb("teryt", "=", v)]))
    .executeTakeFirst();
}

/** Inserts or updates cities by slug (used by the demo seed). */
export async function upsertCities(db: Db, cities: Omit<City, "id">[]): Promise<void> {
  for (const c of cities) {
    await db
      .insertInto("cities")
      .values(c)
      .onConflict((oc) => oc.column("slug").doUpdateSet({ name: c.name, voivodeship: c.voivodeship, county: c.county, teryt: c.teryt, population: c.population, sizeClass: c.sizeClass }))
      .execute();
  }
}
