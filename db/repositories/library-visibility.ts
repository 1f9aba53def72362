import type { ExpressionBuilder } from "kysely";
import type { Db } from "../index.js";
import type { Database } from "../schema.js";

/**
 * Who is looking at the library (issue 14, members-only materials): "all" for staff, otherwise the ids of the networks
 * the person is a member of now (empty for anonymous visitors, the public API, feeds). An item linked to a network as
 * members-only is visible only to members of one of the networks it is restricted to.
 */
export type LibraryViewer = "all" | number[];

/** A `where` condition on `libraryItems` keeping the items the viewer may see (callers skip it for "all"). */
export function visibleItem(viewer: number[]) {
  return (eb: ExpressionBuilder<Database, "libraryItems">) => {
    const restricted = () =>
      eb.selectFrom("networkMaterials").select("networkMaterials.itemId").whereRef("networkMaterials.itemId", "=", "libraryItems.id").where("networkMaterials.membersOnly", "=", 1);
    if (viewer.length === 0) return eb.not(eb.exists(restricted()));
    return eb.or([eb.not(eb.exists(restricted())), eb.exists(restricted().where("networkMaterials.networkId", "in", viewer))]);
  };
}

/** Networks a person is a member of now: through their verified city or as an expert, partner or coordinator. */
export async function listMemberNetworkIds(db: Db, userId: number, cityId: number | null): Promise<number[]> {
  const [byCity, byPerson] = await Promise.all([
    cityId === null ? Promise.resolve([]) : db.selectFrom("networkCities").select("networkId").where("cityId", "=", cityId).where("leftOn", "is", null).execute(),
    db.selectFrom("networkPeople").select("networkId").where("userId", "=", userId).where("leftOn", "is", null).execute(),
  ]);
  return [...new Set([...byCity, ...byPerson].map((r) => r.networkId))].sort((a, b) => a - b);
}

/** The networks of a person by user id (their verified city read from the account), for mail such as the digest. */
export async function listMemberNetworkIdsOfUser(db: Db, userId: number): Promise<number[]> {
  const u = await db.selectFrom("users").select("verifiedCityId").where("id", "=", userId).executeTakeFirst();
  return u ? listMemberNetworkIds(db, userId, u.verifiedCityId) : [];
}

/** For each item, the networks it is members-only in (items without restriction are absent). */
export async function listMembersOnlyNetworks(db: Db, itemIds: number[]): Promise<Map<number, number[]>> {
  const out = new Map<number, number[]>();
  if (itemIds.length === 0) return out;
  const rows = await db.selectFrom("networkMaterials").select(["itemId", "networkId"]).where("itemId", "in", itemIds).where("membersOnly", "=", 1).orderBy("networkId").execute();
  for (const r of rows) out.set(r.itemId, [...(out.get(r.itemId) ?? []), r.networkId]);
  return out;
}
