import type { Db } from "../index.js";
import type { EventKind, SizeClass } from "../schema.js";

// Paged lists behind the public read API (/api/events, /api/cities; issue 14). Named columns only.

export type EventListFilter = { area?: string; kind?: EventKind; from?: string; to?: string; network?: string; limit: number; offset: number };

/** Scheduled and cancelled events in start order, filtered; with the total for paging. */
export async function listEventsPage(db: Db, f: EventListFilter) {
  let q = db.selectFrom("events").leftJoin("networks", "networks.id", "events.networkId");
  if (f.kind) q = q.where("events.kind", "=", f.kind);
  if (f.from) q = q.where("events.endsAt", ">=", f.from);
  if (f.to) q = q.where("events.startsAt", "<", f.to);
  if (f.network) q = q.where("networks.slug", "=", f.network);
  if (f.area) {
    const area = f.area;
    q = q.where((eb) =>
      eb.exists(eb.selectFrom("eventAreas").innerJoin("thematicAreas", "thematicAreas.id", "eventAreas.areaId").select("eventAreas.eventId").whereRef("eventAreas.eventId", "=", "events.id").where("thematicAreas.slug", "=", area)),
    );
  }
  const [rows, total] = await Promise.all([
    q
      .select(["events.id", "events.slug", "events.title", "events.kind", "events.format", "events.startsAt", "events.endsAt", "events.place", "events.status", "networks.slug as networkSlug", "networks.name as networkName"])
      .orderBy("events.startsAt")
      .orderBy("events.id")
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirst(),
  ]);
  const areas = rows.length
    ? await db
        .selectFrom("eventAreas")
        .innerJoin("thematicAreas", "thematicAreas.id", "eventAreas.areaId")
        .select(["eventAreas.eventId", "thematicAreas.slug"])
        .where("eventAreas.eventId", "in", rows.map((r) => r.id))
        .orderBy("thematicAreas.position")
        .execute()
    : [];
  return { rows: rows.map((r) => ({ ...r, areas: areas.filter((a) => a.eventId === r.id).map((a) => a.slug) })), total: Number(total?.n ?? 0) };
}

export type CityListFilter = { voivodeship?: string; sizeClass?: SizeClass; q?: string; network?: string; limit: number; offset: number };

/** Confirmed cities by name, filtered; with the total for paging. */
export async function listCitiesPage(db: Db, f: CityListFilter) {
  let q = db.selectFrom("cities").where("cities.confirmed", "=", 1);
  if (f.voivodeship) q = q.where("cities.voivodeship", "=", f.voivodeship);
  if (f.sizeClass) q = q.where("cities.sizeClass", "=", f.sizeClass);
  if (f.q) q = q.where("cities.nameKey", "like", `%${f.q.replace(/[%_\\]/g, "")}%`);
  if (f.network) {
    const network = f.network;
    q = q.where((eb) =>
      eb.exists(eb.selectFrom("networkCities").innerJoin("networks", "networks.id", "networkCities.networkId").select("networkCities.id").whereRef("networkCities.cityId", "=", "cities.id").where("networkCities.leftOn", "is", null).where("networks.slug", "=", network)),
    );
  }
  const [rows, total] = await Promise.all([
    q
      .select(["cities.id", "cities.slug", "cities.name", "cities.voivodeship", "cities.county", "cities.teryt", "cities.population", "cities.sizeClass", "cities.lat", "cities.lng"])
      .orderBy("cities.name")
      .orderBy("cities.id")
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirst(),
  ]);
  return { rows, total: Number(total?.n ?? 0) };
}
