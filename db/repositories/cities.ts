import type { Db } from "../index.js";
import type { City, SizeClass } from "../schema.js";
import { cityNameKey } from "../../domain/city-name-key.js";
import { nowIso } from "../time.js";
import { enqueueSearchChange } from "./search-outbox.js";

// Named columns: the return types (City, derived from db/schema.ts) make the compiler refuse a list that misses one.
const cityColumns = ["id", "slug", "name", "voivodeship", "county", "teryt", "population", "sizeClass", "nameKey", "countyTeryt", "lat", "lng", "geonamesId", "confirmed"] as const;

export type CityFilter = { q?: string; voivodeship?: string; sizeClass?: SizeClass };
/** A city as the seeds and the town directory data describe it (the name key is derived here). */
export type CityInput = Omit<City, "id" | "nameKey" | "countyTeryt" | "lat" | "lng" | "geonamesId" | "confirmed"> &
  Partial<Pick<City, "countyTeryt" | "lat" | "lng" | "geonamesId">>;

/**
 * Lists confirmed cities, alphabetically, filtered by name fragment, voivodeship and size class. The fragment is
 * matched on the folded name, so "zdunska" and "ZDUŃSKA" both find Zduńska Wola.
 */
export function listCities(db: Db, f: CityFilter = {}): Promise<City[]> {
  let q = db.selectFrom("cities").select(cityColumns).where("confirmed", "=", 1);
  const key = f.q ? cityNameKey(f.q) : "";
  if (key) q = q.where("nameKey", "like", `%${key.replace(/[%_\\]/g, "")}%`);
  if (f.voivodeship) q = q.where("voivodeship", "=", f.voivodeship);
  if (f.sizeClass) q = q.where("sizeClass", "=", f.sizeClass);
  return q.orderBy("name").execute();
}

/** A town as the city field offers it: id, name and the voivodeship that tells same-named towns apart. */
export type CityChoice = { id: number; name: string; voivodeship: string };

/** A town a typed name resolved to: the picker's fields and the slug library items are linked by. */
export type CityMatch = CityChoice & { slug: string };

/** Confirmed towns whose folded name is `key` (several when towns share a name), most populous first. */
export function listConfirmedCitiesByNameKey(db: Db, key: string): Promise<CityMatch[]> {
  return db.selectFrom("cities").select(["id", "slug", "name", "voivodeship"]).where("confirmed", "=", 1).where("nameKey", "=", key).orderBy("population", "desc").orderBy("id").execute();
}

/** How many confirmed towns carry each of the given folded names (a count above 1 means a shared name). */
export async function countConfirmedByNameKey(db: Db, keys: string[]): Promise<Map<string, number>> {
  if (keys.length === 0) return new Map();
  const rows = await db
    .selectFrom("cities")
    .select((eb) => ["nameKey", eb.fn.countAll().as("n")])
    .where("confirmed", "=", 1)
    .where("nameKey", "in", [...new Set(keys)])
    .groupBy("nameKey")
    .execute();
  return new Map(rows.map((r) => [r.nameKey, Number(r.n)]));
}

/**
 * Up to `limit` confirmed towns for a typed fragment (folded like names are): names starting with it first, then
 * names containing it, each group by population so the town people most likely mean comes first.
 */
export async function suggestCities(db: Db, fragment: string, limit: number): Promise<CityChoice[]> {
  const key = cityNameKey(fragment).replace(/[%_\\]/g, "");
  if (!key) return [];
  const base = () => db.selectFrom("cities").select(["id", "name", "voivodeship"]).where("confirmed", "=", 1);
  const starting = await base().where("nameKey", "like", `${key}%`).orderBy("population", "desc").orderBy("name").limit(limit).execute();
  if (starting.length >= limit) return starting;
  const inside = await base()
    .where("nameKey", "like", `%${key}%`)
    .where("nameKey", "not like", `${key}%`)
    .orderBy("population", "desc")
    .orderBy("name")
    .limit(limit - starting.length)
    .execute();
  return [...starting, ...inside];
}

/** Names of the cities whose slugs are given (facet labels); unknown slugs are simply absent. */
export function listCityNamesBySlugs(db: Db, slugs: string[]): Promise<{ slug: string; name: string }[]> {
  if (slugs.length === 0) return Promise.resolve([]);
  return db.selectFrom("cities").select(["slug", "name"]).where("slug", "in", slugs).execute();
}

/** Ids of the cities whose slugs are given, by slug; unknown slugs are simply absent. */
export function listCityIdsBySlugs(db: Db, slugs: string[]): Promise<{ id: number; slug: string }[]> {
  if (slugs.length === 0) return Promise.resolve([]);
  return db.selectFrom("cities").select(["id", "slug"]).where("slug", "in", slugs).execute();
}

/** Distinct voivodeships present in the directory, for filters. */
export async function listVoivodeships(db: Db): Promise<string[]> {
  const rows = await db.selectFrom("cities").select("voivodeship").distinct().where("confirmed", "=", 1).orderBy("voivodeship").execute();
  return rows.map((r) => r.voivodeship);
}

/** Finds a city by its URL slug (confirmed or not: callers decide who may see an unconfirmed one). */
export function findCityBySlug(db: Db, slug: string): Promise<City | undefined> {
  return db.selectFrom("cities").select(cityColumns).where("slug", "=", slug).executeTakeFirst();
}

/** Finds a city by id. */
export function findCityById(db: Db, id: number): Promise<City | undefined> {
  return db.selectFrom("cities").select(cityColumns).where("id", "=", id).executeTakeFirst();
}

/**
 * Resolves a city given its name (any case, with or without diacritics) or TERYT code, as imports do. Of several
 * towns of one name a confirmed one wins, then the most populous (the one people mean without saying more).
 */
export function findCityByNameOrTeryt(db: Db, value: string): Promise<City | undefined> {
  const v = value.trim();
  return db
    .selectFrom("cities")
    .select(cityColumns)
    .where((eb) => eb.or([eb("nameKey", "=", cityNameKey(v)), eb("teryt", "=", v)]))
    .orderBy("confirmed", "desc")
    .orderBy("population", "desc")
    .orderBy("id")
    .executeTakeFirst();
}

/** What an import needs to resolve city names: every city, confirmed or not, with only the matching columns. */
export function listCityKeys(db: Db) {
  return db.selectFrom("cities").select(["id", "slug", "name", "nameKey", "teryt", "voivodeship", "population", "confirmed"]).execute();
}

/** Inserts or updates cities by slug (used by the demo seed). */
export async function upsertCities(db: Db, cities: CityInput[]): Promise<void> {
  for (const c of cities) {
    await db
      .insertInto("cities")
      .values({ ...c, nameKey: cityNameKey(c.name), confirmed: 1 })
      .onConflict((oc) => oc.column("slug").doUpdateSet({ name: c.name, nameKey: cityNameKey(c.name), voivodeship: c.voivodeship, county: c.county, teryt: c.teryt, population: c.population, sizeClass: c.sizeClass }))
      .execute();
  }
}

/**
 * Loads the town directory: towns whose slug is missing are inserted in batches (a fresh database gets ~1,000 rows
 * in a few statements, in the data file's order so the curated cities keep their ids); existing rows only gain the
 * coordinates and TERYT codes they lack; rows an earlier directory took in that are not towns go to the admin's
 * review. Returns how many were inserted.
 */
export async function seedTownDirectory(db: Db, towns: CityInput[], batchSize = 200): Promise<number> {
  const existing = await db.selectFrom("cities").select(["id", "slug", "lat", "teryt", "geonamesId", "confirmed"]).execute();
  const bySlug = new Map(existing.map((r) => [r.slug, r]));
  const missing = towns.filter((t) => !bySlug.has(t.slug));
  // Rows seeded before the directory had coordinates or TERYT codes gain them; nothing else is overwritten.
  const lacks = (t: CityInput, row = bySlug.get(t.slug)) => row !== undefined && ((t.lat != null && row.lat == null) || (t.teryt != null && row.teryt == null));
  const toFill = towns.filter((t) => lacks(t));
  // The directory once guessed towns from GeoNames (a GeoNames id, confirmed) and took in villages such as Pcim and
  // Warsaw districts. Those no longer on the official list go back to the admin's review (/admin/miasta) to be
  // confirmed or merged; dropping the GeoNames id marks them handled, so a confirmed one stays confirmed.
  const listed = new Set(towns.map((t) => t.slug));
  const retired = existing.filter((r) => r.geonamesId !== null && r.confirmed === 1 && !listed.has(r.slug)).map((r) => r.id);
  if (!missing.length && !toFill.length && !retired.length) return 0;
  await db.transaction().execute(async (tx) => {
    for (let i = 0; i < retired.length; i += batchSize) {
      await tx.updateTable("cities").set({ confirmed: 0, geonamesId: null }).where("id", "in", retired.slice(i, i + batchSize)).execute();
    }
    for (let i = 0; i < missing.length; i += batchSize) {
      const values = missing.slice(i, i + batchSize).map((t) => ({ ...t, nameKey: cityNameKey(t.name), confirmed: 1 }));
      await tx.insertInto("cities").values(values).onConflict((oc) => oc.column("slug").doNothing()).execute();
    }
    for (const t of toFill) {
      const row = bySlug.get(t.slug);
      const coords = t.lat != null && row?.lat == null ? { lat: t.lat, lng: t.lng, countyTeryt: t.countyTeryt ?? null, geonamesId: t.geonamesId ?? null } : {};
      await tx.updateTable("cities").set({ ...coords, ...(row?.teryt == null && t.teryt ? { teryt: t.teryt } : {}) }).where("slug", "=", t.slug).execute();
    }
  });
  return missing.length;
}

/** Creates an unconfirmed city for a place an import named; the slug gets a suffix if the plain one is taken. */
export async function insertUnconfirmedCity(db: Db, name: string, baseSlug: string): Promise<City> {
  let slug = baseSlug || "miejscowosc";
  for (let n = 2; await db.selectFrom("cities").select("id").where("slug", "=", slug).executeTakeFirst(); n++) slug = `${baseSlug}-${n}`;
  return db
    .insertInto("cities")
    .values({ slug, name, nameKey: cityNameKey(name), voivodeship: "", county: "", teryt: null, population: 0, sizeClass: "small", countyTeryt: null, lat: null, lng: null, geonamesId: null, confirmed: 0 })
    .returning(cityColumns)
    .executeTakeFirstOrThrow();
}

export type UnconfirmedCity = { id: number; slug: string; name: string; items: number; users: number };

/** Unconfirmed cities with how many library items and people point at each, for the admin queue. */
export async function listUnconfirmedCities(db: Db): Promise<UnconfirmedCity[]> {
  const rows = await db
    .selectFrom("cities")
    .select((eb) => [
      "cities.id",
      "cities.slug",
      "cities.name",
      eb.selectFrom("libraryItems").select((e) => e.fn.countAll().as("n")).whereRef("libraryItems.cityId", "=", "cities.id").as("items"),
      eb.selectFrom("users").select((e) => e.fn.countAll().as("n")).whereRef("users.cityId", "=", "cities.id").as("users"),
    ])
    .where("confirmed", "=", 0)
    .orderBy("name")
    .execute();
  return rows.map((r) => ({ id: r.id, slug: r.slug, name: r.name, items: Number(r.items ?? 0), users: Number(r.users ?? 0) }));
}

/** Confirms a city an admin checked, with the voivodeship and county the import could not know. */
export async function confirmCity(db: Db, id: number, details: { voivodeship: string; county: string }): Promise<boolean> {
  const r = await db.updateTable("cities").set({ confirmed: 1, voivodeship: details.voivodeship, county: details.county }).where("id", "=", id).where("confirmed", "=", 0).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/**
 * Merges an unconfirmed city into another: its library items and people move to the target (items are re-queued
 * for the search index, which shows the city name), then it is deleted. Returns the moved item ids, or null when
 * the source is not an unconfirmed city or the target does not exist.
 */
export async function mergeCityInto(db: Db, fromId: number, intoId: number): Promise<number[] | null> {
  return db.transaction().execute(async (tx) => {
    const from = await tx.selectFrom("cities").select(["id"]).where("id", "=", fromId).where("confirmed", "=", 0).executeTakeFirst();
    const into = await tx.selectFrom("cities").select(["id"]).where("id", "=", intoId).executeTakeFirst();
    if (!from || !into || fromId === intoId) return null;
    const items = (await tx.selectFrom("libraryItems").select("id").where("cityId", "=", fromId).execute()).map((r) => r.id);
    const now = nowIso();
    await tx.updateTable("libraryItems").set({ cityId: intoId, updatedAt: now }).where("cityId", "=", fromId).execute();
    await tx.updateTable("users").set({ cityId: intoId }).where("cityId", "=", fromId).execute();
    for (const id of items) await enqueueSearchChange(tx, "library", id);
    await tx.deleteFrom("cities").where("id", "=", fromId).execute();
    return items;
  });
}

/** City ids by slug (every city, confirmed or not), for seeds that name cities by slug. */
export async function cityIdsBySlug(db: Db): Promise<Map<string, number>> {
  const rows = await db.selectFrom("cities").select(["id", "slug"]).execute();
  return new Map(rows.map((c) => [c.slug, c.id]));
}
