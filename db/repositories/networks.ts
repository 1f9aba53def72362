import type { Db } from "../index.js";
import type { NetworkPersonRole, NetworkRow, NetworksTable } from "../schema.js";
import type { Insertable } from "kysely";
import { nowIso } from "../time.js";
import { visibleItem, type LibraryViewer } from "./library-visibility.js";

/** A member city as network pages, the map and the API show it. */
export type NetworkCity = { networkId: number; cityId: number; slug: string; name: string; voivodeship: string; lat: number | null; lng: number | null; joinedOn: string; leftOn: string | null };
/** A person of a network: expert, government partner or ZMP coordinator. */
export type NetworkPerson = { networkId: number; userId: number; name: string; position: string | null; role: NetworkPersonRole; joinedOn: string; leftOn: string | null };
export type NetworkWithLeader = NetworkRow & { leaderSlug: string | null; leaderName: string | null };
/** A meeting: an event linked to a network. */
export type NetworkMeeting = { id: number; networkId: number; slug: string; title: string; startsAt: string; endsAt: string; format: string; place: string | null; status: string; openToAllAt: string | null };

const networkColumns = ["networks.id", "networks.slug", "networks.name", "networks.description", "networks.status", "networks.startYear", "networks.endYear", "networks.leaderCityId", "networks.createdAt", "networks.updatedAt"] as const;

const withLeader = (db: Db) =>
  db.selectFrom("networks").leftJoin("cities", "cities.id", "networks.leaderCityId").select(networkColumns).select(["cities.slug as leaderSlug", "cities.name as leaderName"]);

/** Every network, active ones first, then by name. */
export function listNetworks(db: Db): Promise<NetworkWithLeader[]> {
  return withLeader(db).orderBy("networks.status").orderBy("networks.name").execute();
}

/** One network by slug. */
export function findNetworkBySlug(db: Db, slug: string): Promise<NetworkWithLeader | undefined> {
  return withLeader(db).where("networks.slug", "=", slug).executeTakeFirst();
}

/** One network by id. */
export function findNetworkById(db: Db, id: number): Promise<NetworkWithLeader | undefined> {
  return withLeader(db).where("networks.id", "=", id).executeTakeFirst();
}

/** Areas of the given networks, in the areas' fixed order. */
export function listNetworkAreas(db: Db, networkIds: number[]): Promise<{ networkId: number; slug: string; name: string }[]> {
  if (networkIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom("networkAreas")
    .innerJoin("thematicAreas", "thematicAreas.id", "networkAreas.areaId")
    .select(["networkAreas.networkId", "thematicAreas.slug", "thematicAreas.name"])
    .where("networkAreas.networkId", "in", networkIds)
    .orderBy("thematicAreas.position")
    .execute();
}

/** Member cities of the given networks: current ones only, or the whole history. */
export function listNetworkCities(db: Db, networkIds: number[], opts: { history?: boolean } = {}): Promise<NetworkCity[]> {
  if (networkIds.length === 0) return Promise.resolve([]);
  let q = db
    .selectFrom("networkCities")
    .innerJoin("cities", "cities.id", "networkCities.cityId")
    .select(["networkCities.networkId", "networkCities.cityId", "cities.slug", "cities.name", "cities.voivodeship", "cities.lat", "cities.lng", "networkCities.joinedOn", "networkCities.leftOn"])
    .where("networkCities.networkId", "in", networkIds);
  if (!opts.history) q = q.where("networkCities.leftOn", "is", null);
  return q.orderBy("cities.name").orderBy("networkCities.joinedOn").execute();
}

/** People of the given networks (current ones unless history is asked for). */
export function listNetworkPeople(db: Db, networkIds: number[], opts: { history?: boolean } = {}): Promise<NetworkPerson[]> {
  if (networkIds.length === 0) return Promise.resolve([]);
  let q = db
    .selectFrom("networkPeople")
    .innerJoin("users", "users.id", "networkPeople.userId")
    .select(["networkPeople.networkId", "networkPeople.userId", "users.name", "users.position", "networkPeople.role", "networkPeople.joinedOn", "networkPeople.leftOn"])
    .where("networkPeople.networkId", "in", networkIds)
    .where("users.disabledAt", "is", null);
  if (!opts.history) q = q.where("networkPeople.leftOn", "is", null);
  return q.orderBy("networkPeople.role").orderBy("users.name").execute();
}

/** What membership decisions need: the network's current city ids and people's user ids. */
export async function networkMembership(db: Db, networkId: number): Promise<{ cityIds: number[]; userIds: number[] }> {
  const [cities, people] = await Promise.all([
    db.selectFrom("networkCities").select("cityId").where("networkId", "=", networkId).where("leftOn", "is", null).execute(),
    db.selectFrom("networkPeople").select("userId").where("networkId", "=", networkId).where("leftOn", "is", null).execute(),
  ]);
  return { cityIds: cities.map((c) => c.cityId), userIds: people.map((p) => p.userId) };
}

/** Networks a city belongs to now. */
export function listNetworksOfCity(db: Db, cityId: number): Promise<{ id: number; slug: string; name: string; joinedOn: string }[]> {
  return db
    .selectFrom("networkCities")
    .innerJoin("networks", "networks.id", "networkCities.networkId")
    .select(["networks.id", "networks.slug", "networks.name", "networkCities.joinedOn"])
    .where("networkCities.cityId", "=", cityId)
    .where("networkCities.leftOn", "is", null)
    .orderBy("networks.name")
    .execute();
}

/** Networks working on a thematic area. */
export function listNetworksOfArea(db: Db, areaSlug: string): Promise<{ id: number; slug: string; name: string; description: string }[]> {
  return db
    .selectFrom("networkAreas")
    .innerJoin("networks", "networks.id", "networkAreas.networkId")
    .innerJoin("thematicAreas", "thematicAreas.id", "networkAreas.areaId")
    .select(["networks.id", "networks.slug", "networks.name", "networks.description"])
    .where("thematicAreas.slug", "=", areaSlug)
    .orderBy("networks.name")
    .execute();
}

const meetingColumns = ["events.id", "events.networkId", "events.slug", "events.title", "events.startsAt", "events.endsAt", "events.format", "events.place", "events.status", "events.openToAllAt"] as const;

/** Meetings of the given networks, soonest first; `from` keeps only those not yet ended. */
export async function listNetworkMeetings(db: Db, networkIds: number[], opts: { from?: string } = {}): Promise<NetworkMeeting[]> {
  if (networkIds.length === 0) return [];
  let q = db.selectFrom("events").select(meetingColumns).where("events.networkId", "in", networkIds);
  if (opts.from) q = q.where("events.endsAt", ">=", opts.from).where("events.status", "=", "scheduled");
  const rows = await q.orderBy("events.startsAt").execute();
  return rows.map((r) => ({ ...r, networkId: r.networkId! }));
}

/** Inserts a network with its areas; returns the id. */
export async function insertNetwork(db: Db, n: Omit<Insertable<NetworksTable>, "createdAt" | "updatedAt">, areaIds: number[]): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const now = nowIso();
    const row = await trx.insertInto("networks").values({ ...n, createdAt: now, updatedAt: now }).returning("id").executeTakeFirstOrThrow();
    if (areaIds.length) await trx.insertInto("networkAreas").values(areaIds.map((areaId) => ({ networkId: row.id, areaId }))).execute();
    return row.id;
  });
}

/** Starts a city's membership (no-op when it is a member already); true when a row was added. */
export async function addNetworkCity(db: Db, networkId: number, cityId: number, joinedOn: string): Promise<boolean> {
  const current = await db.selectFrom("networkCities").select("id").where("networkId", "=", networkId).where("cityId", "=", cityId).where("leftOn", "is", null).executeTakeFirst();
  if (current) return false;
  await db.insertInto("networkCities").values({ networkId, cityId, joinedOn, leftOn: null }).execute();
  return true;
}

/** Ends a city's current membership (its history stays); true when it was a member. */
export async function endNetworkCity(db: Db, networkId: number, cityId: number, leftOn: string): Promise<boolean> {
  const res = await db.updateTable("networkCities").set({ leftOn }).where("networkId", "=", networkId).where("cityId", "=", cityId).where("leftOn", "is", null).executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}

/** Adds a person with a role (no-op when they hold it already). */
export async function addNetworkPerson(db: Db, networkId: number, userId: number, role: NetworkPersonRole, joinedOn: string): Promise<boolean> {
  const current = await db.selectFrom("networkPeople").select("id").where("networkId", "=", networkId).where("userId", "=", userId).where("leftOn", "is", null).executeTakeFirst();
  if (current) return false;
  await db.insertInto("networkPeople").values({ networkId, userId, role, joinedOn, leftOn: null }).execute();
  return true;
}

/** Ends a person's current role in the network. */
export async function endNetworkPerson(db: Db, networkId: number, userId: number, leftOn: string): Promise<boolean> {
  const res = await db.updateTable("networkPeople").set({ leftOn }).where("networkId", "=", networkId).where("userId", "=", userId).where("leftOn", "is", null).executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}

/** Links an event to a network as its meeting (null unlinks). */
export async function setEventNetwork(db: Db, eventId: number, networkId: number | null): Promise<void> {
  await db.updateTable("events").set({ networkId }).where("id", "=", eventId).execute();
}

/** Sets when a meeting of the network opens registration to non-members (null: the default before its start). */
export async function setEventOpenToAll(db: Db, networkId: number, eventId: number, openToAllAt: string | null): Promise<boolean> {
  const res = await db.updateTable("events").set({ openToAllAt }).where("id", "=", eventId).where("networkId", "=", networkId).executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}

/** The network an event belongs to, for the event page. */
export function findNetworkOfEvent(db: Db, eventId: number): Promise<{ id: number; slug: string; name: string } | undefined> {
  return db.selectFrom("events").innerJoin("networks", "networks.id", "events.networkId").select(["networks.id", "networks.slug", "networks.name"]).where("events.id", "=", eventId).executeTakeFirst();
}

/** Published library items of a thematic area in id order (the area page; the demo seed links some to networks). */
export function listPublishedItemsOfArea(db: Db, areaSlug: string, limit: number, viewer: LibraryViewer) {
  let q = db
    .selectFrom("libraryItemAreas")
    .innerJoin("libraryItems", "libraryItems.id", "libraryItemAreas.itemId")
    .innerJoin("thematicAreas", "thematicAreas.id", "libraryItemAreas.areaId")
    .select(["libraryItems.id", "libraryItems.slug", "libraryItems.title", "libraryItems.kind", "libraryItems.year"])
    .where("thematicAreas.slug", "=", areaSlug)
    .where("libraryItems.status", "=", "published");
  if (viewer !== "all") q = q.where(visibleItem(viewer));
  return q.orderBy("libraryItems.id").limit(limit).execute();
}

/** True when another network already uses the slug. */
export async function isNetworkSlugTaken(db: Db, slug: string, exceptId?: number): Promise<boolean> {
  let q = db.selectFrom("networks").select("id").where("slug", "=", slug);
  if (exceptId !== undefined) q = q.where("id", "!=", exceptId);
  return (await q.executeTakeFirst()) !== undefined;
}

/** Changes a network's details and replaces its areas in one transaction. */
export async function updateNetwork(db: Db, id: number, n: Omit<Insertable<NetworksTable>, "createdAt" | "updatedAt">, areaIds: number[]): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable("networks")
      .set({ slug: n.slug, name: n.name, description: n.description, status: n.status, startYear: n.startYear, endYear: n.endYear, leaderCityId: n.leaderCityId, updatedAt: nowIso() })
      .where("id", "=", id)
      .execute();
    await trx.deleteFrom("networkAreas").where("networkId", "=", id).execute();
    if (areaIds.length) await trx.insertInto("networkAreas").values(areaIds.map((areaId) => ({ networkId: id, areaId }))).execute();
  });
}
