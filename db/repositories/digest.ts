import type { Db } from "../index.js";
import { visibleItem } from "./library-visibility.js";
import type { EventRow, LibraryItemRow } from "../schema.js";

/** What a person follows, by id (thematic areas, cities, networks). */
export type Followed = { areaIds: number[]; cityIds: number[]; networkIds: number[] };

export type DigestLibraryItem = Pick<LibraryItemRow, "id" | "slug" | "kind" | "title">;
export type DigestEvent = Pick<EventRow, "id" | "slug" | "title" | "startsAt">;

const nothing = (f: Followed) => f.areaIds.length + f.cityIds.length + f.networkIds.length === 0;

/**
 * Published library items created after `since` in any followed area, of any followed city, or shared (publicly) by
 * any followed network; newest first. Members-only network materials only when `viewer` (the person's network ids)
 * holds one of their networks.
 */
export function listDigestLibraryItems(db: Db, f: Followed, since: string, limit: number, viewer: number[]): Promise<DigestLibraryItem[]> {
  if (nothing(f)) return Promise.resolve([]);
  return db
    .selectFrom("libraryItems")
    .select(["libraryItems.id", "libraryItems.slug", "libraryItems.kind", "libraryItems.title"])
    .where("libraryItems.status", "=", "published")
    .where("libraryItems.createdAt", ">", since)
    .where(visibleItem(viewer))
    .where((eb) =>
      eb.or([
        ...(f.areaIds.length
          ? [eb.exists(eb.selectFrom("libraryItemAreas").select("libraryItemAreas.itemId").whereRef("libraryItemAreas.itemId", "=", "libraryItems.id").where("libraryItemAreas.areaId", "in", f.areaIds))]
          : []),
        ...(f.cityIds.length ? [eb("libraryItems.cityId", "in", f.cityIds)] : []),
        ...(f.networkIds.length
          ? [
              eb.exists(
                eb
                  .selectFrom("networkMaterials")
                  .select("networkMaterials.itemId")
                  .whereRef("networkMaterials.itemId", "=", "libraryItems.id")
                  .where("networkMaterials.networkId", "in", f.networkIds)
                  .where("networkMaterials.membersOnly", "=", 0),
              ),
            ]
          : []),
      ]),
    )
    .orderBy("libraryItems.createdAt", "desc")
    .orderBy("libraryItems.id", "desc")
    .limit(limit)
    .execute();
}

/**
 * Upcoming scheduled events in any followed area, meetings of any followed network, or meetings of a network a
 * followed city currently belongs to: those announced since `w.newSince` (starting before `w.until`) and those starting
 * before `w.soonUntil`, so an event is named when it is announced and once more just before it; soonest first.
 */
export function listDigestEvents(db: Db, f: Followed, w: { from: string; newSince: string; soonUntil: string; until: string }, limit: number): Promise<DigestEvent[]> {
  if (nothing(f)) return Promise.resolve([]);
  return db
    .selectFrom("events")
    .select(["events.id", "events.slug", "events.title", "events.startsAt"])
    .where("events.status", "=", "scheduled")
    .where("events.startsAt", ">", w.from)
    .where("events.startsAt", "<=", w.until)
    .where((eb) => eb.or([eb("events.createdAt", ">", w.newSince), eb("events.startsAt", "<=", w.soonUntil)]))
    .where((eb) =>
      eb.or([
        ...(f.areaIds.length ? [eb.exists(eb.selectFrom("eventAreas").select("eventAreas.eventId").whereRef("eventAreas.eventId", "=", "events.id").where("eventAreas.areaId", "in", f.areaIds))] : []),
        ...(f.networkIds.length ? [eb("events.networkId", "in", f.networkIds)] : []),
        ...(f.cityIds.length
          ? [
              eb.exists(
                eb
                  .selectFrom("networkCities")
                  .select("networkCities.networkId")
                  .whereRef("networkCities.networkId", "=", "events.networkId")
                  .where("networkCities.cityId", "in", f.cityIds)
                  .where("networkCities.leftOn", "is", null),
              ),
            ]
          : []),
      ]),
    )
    .orderBy("events.startsAt")
    .orderBy("events.id")
    .limit(limit)
    .execute();
}
