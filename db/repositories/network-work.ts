import type { Db } from "../index.js";
import type { AgreementStatus, LibraryKind, NewNetworkAgreement } from "../schema.js";
import { nowIso } from "../time.js";
import { visibleItem } from "./library-visibility.js";
import { enqueueSearchChange } from "./search-outbox.js";

/** An agreement with the names of whoever does it and the meeting it came from. */
export type AgreementView = {
  id: number;
  networkId: number;
  title: string;
  status: AgreementStatus;
  dueOn: string | null;
  ownerCityId: number | null;
  ownerCitySlug: string | null;
  ownerCityName: string | null;
  ownerUserId: number | null;
  ownerUserName: string | null;
  eventId: number | null;
  eventSlug: string | null;
  eventTitle: string | null;
  updatedAt: string;
};

/** Agreements of a network: open and in progress first (soonest due first), then done and dropped. */
export async function listAgreements(db: Db, networkId: number): Promise<AgreementView[]> {
  const rows = await db
    .selectFrom("networkAgreements as a")
    .leftJoin("cities", "cities.id", "a.ownerCityId")
    .leftJoin("users", "users.id", "a.ownerUserId")
    .leftJoin("events", "events.id", "a.eventId")
    .select(["a.id", "a.networkId", "a.title", "a.status", "a.dueOn", "a.ownerCityId", "cities.slug as ownerCitySlug", "cities.name as ownerCityName", "a.ownerUserId", "users.name as ownerUserName", "a.eventId", "events.slug as eventSlug", "events.title as eventTitle", "a.updatedAt"])
    .where("a.networkId", "=", networkId)
    .orderBy("a.id")
    .execute();
  const rank: Record<AgreementStatus, number> = { open: 0, in_progress: 0, done: 1, dropped: 2 };
  return rows.sort((x, y) => rank[x.status] - rank[y.status] || (x.dueOn ?? "9999").localeCompare(y.dueOn ?? "9999") || x.id - y.id);
}

/** Records an agreement; returns its id. */
export async function insertAgreement(db: Db, a: Omit<NewNetworkAgreement, "createdAt" | "updatedAt">): Promise<number> {
  const now = nowIso();
  const row = await db.insertInto("networkAgreements").values({ ...a, createdAt: now, updatedAt: now }).returning("id").executeTakeFirstOrThrow();
  return row.id;
}

/** One agreement with its network, for the due-date reminder. */
export function findAgreementForReminder(db: Db, id: number) {
  return db
    .selectFrom("networkAgreements")
    .innerJoin("networks", "networks.id", "networkAgreements.networkId")
    .select(["networkAgreements.id", "networkAgreements.title", "networkAgreements.status", "networkAgreements.dueOn", "networkAgreements.ownerCityId", "networkAgreements.ownerUserId", "networks.slug as networkSlug", "networks.name as networkName"])
    .where("networkAgreements.id", "=", id)
    .executeTakeFirst();
}

/** Changes an agreement's status within its network; false when there is no such agreement there. */
export async function setAgreementStatus(db: Db, networkId: number, id: number, status: AgreementStatus): Promise<boolean> {
  const res = await db.updateTable("networkAgreements").set({ status, updatedAt: nowIso() }).where("id", "=", id).where("networkId", "=", networkId).executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}

/** A material of a network: a published library item, possibly for members only. */
export type NetworkMaterial = { itemId: number; slug: string; title: string; kind: LibraryKind; year: number | null; membersOnly: boolean };

/** Published library items linked to a network; members-only ones only when asked for. */
export async function listNetworkMaterials(db: Db, networkId: number, includeMembersOnly: boolean): Promise<NetworkMaterial[]> {
  let q = db
    .selectFrom("networkMaterials")
    .innerJoin("libraryItems", "libraryItems.id", "networkMaterials.itemId")
    .select(["libraryItems.id as itemId", "libraryItems.slug", "libraryItems.title", "libraryItems.kind", "libraryItems.year", "networkMaterials.membersOnly"])
    .where("networkMaterials.networkId", "=", networkId)
    .where("libraryItems.status", "=", "published");
  // Outside the network: neither its members-only items nor items restricted to another network.
  if (!includeMembersOnly) q = q.where("networkMaterials.membersOnly", "=", 0).where(visibleItem([]));
  const rows = await q.orderBy("libraryItems.year", "desc").orderBy("libraryItems.title").execute();
  return rows.map((r) => ({ ...r, membersOnly: r.membersOnly === 1 }));
}

/**
 * Links a library item to a network (again: updates the members-only flag). The item's search document carries who may
 * find it, so it is queued for reindexing in the same transaction.
 */
export async function linkNetworkMaterial(db: Db, networkId: number, itemId: number, membersOnly: boolean): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto("networkMaterials")
      .values({ networkId, itemId, membersOnly: membersOnly ? 1 : 0, createdAt: nowIso() })
      .onConflict((oc) => oc.columns(["networkId", "itemId"]).doUpdateSet({ membersOnly: membersOnly ? 1 : 0 }))
      .execute();
    await enqueueSearchChange(trx, "library", itemId);
  });
}

/** A discussion thread with its post count and its author. */
export type NetworkThreadView = { id: number; title: string; authorName: string | null; createdAt: string; lastPostAt: string; posts: number };
export type NetworkPostView = { id: number; threadId: number; authorId: number | null; authorName: string | null; body: string; createdAt: string };

/** Threads of a network, most recently active first. */
export async function listNetworkThreads(db: Db, networkId: number): Promise<NetworkThreadView[]> {
  const rows = await db
    .selectFrom("networkThreads as t")
    .leftJoin("users", "users.id", "t.createdBy")
    .select(["t.id", "t.title", "users.name as authorName", "t.createdAt", "t.lastPostAt"])
    .select((eb) => eb.selectFrom("networkPosts").select((e2) => e2.fn.countAll<number>().as("n")).whereRef("networkPosts.threadId", "=", "t.id").as("posts"))
    .where("t.networkId", "=", networkId)
    .orderBy("t.lastPostAt", "desc")
    .orderBy("t.id", "desc")
    .execute();
  return rows.map((r) => ({ ...r, posts: Number(r.posts ?? 0) }));
}

/** Posts of the given threads, oldest first. */
export function listNetworkPosts(db: Db, threadIds: number[]): Promise<NetworkPostView[]> {
  if (threadIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom("networkPosts as p")
    .leftJoin("users", "users.id", "p.authorId")
    .select(["p.id", "p.threadId", "p.authorId", "users.name as authorName", "p.body", "p.createdAt"])
    .where("p.threadId", "in", threadIds)
    .orderBy("p.id")
    .execute();
}

/** Opens a thread with its first post in one transaction (queued for the search index); returns both ids. */
export async function insertNetworkThread(db: Db, networkId: number, authorId: number, title: string, body: string): Promise<{ threadId: number; postId: number }> {
  return db.transaction().execute(async (trx) => {
    const now = nowIso();
    const t = await trx.insertInto("networkThreads").values({ networkId, title, createdBy: authorId, createdAt: now, lastPostAt: now }).returning("id").executeTakeFirstOrThrow();
    const p = await trx.insertInto("networkPosts").values({ threadId: t.id, authorId, body, createdAt: now }).returning("id").executeTakeFirstOrThrow();
    await enqueueSearchChange(trx, "network_thread", t.id);
    return { threadId: t.id, postId: p.id };
  });
}

/** Adds a reply to a thread of the network; returns the post id, or null when the thread is not the network's. */
export async function insertNetworkPost(db: Db, networkId: number, threadId: number, authorId: number, body: string): Promise<number | null> {
  return db.transaction().execute(async (trx) => {
    const now = nowIso();
    const res = await trx.updateTable("networkThreads").set({ lastPostAt: now }).where("id", "=", threadId).where("networkId", "=", networkId).executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) return null;
    const post = await trx.insertInto("networkPosts").values({ threadId, authorId, body, createdAt: now }).returning("id").executeTakeFirstOrThrow();
    await enqueueSearchChange(trx, "network_thread", threadId);
    return post.id;
  });
}

/** Unlinks a library item from a network; false when it was not linked. */
export async function unlinkNetworkMaterial(db: Db, networkId: number, itemId: number): Promise<boolean> {
  const res = await db.deleteFrom("networkMaterials").where("networkId", "=", networkId).where("itemId", "=", itemId).executeTakeFirst();
  return Number(res.numDeletedRows) > 0;
}

/** One post with its thread's title and network, as the live discussion and notifications need it. */
export async function findNetworkPost(db: Db, postId: number): Promise<(NetworkPostView & { networkId: number; threadTitle: string; threadAuthorId: number | null }) | undefined> {
  return db
    .selectFrom("networkPosts as p")
    .innerJoin("networkThreads as t", "t.id", "p.threadId")
    .leftJoin("users", "users.id", "p.authorId")
    .select(["p.id", "p.threadId", "p.authorId", "users.name as authorName", "p.body", "p.createdAt", "t.networkId", "t.title as threadTitle", "t.createdBy as threadAuthorId"])
    .where("p.id", "=", postId)
    .executeTakeFirst();
}

/** Everyone who wrote in a thread (its author and repliers), for reply notifications. */
export async function listThreadParticipants(db: Db, threadId: number): Promise<number[]> {
  const rows = await db.selectFrom("networkPosts").select("authorId").distinct().where("threadId", "=", threadId).where("authorId", "is not", null).execute();
  const thread = await db.selectFrom("networkThreads").select("createdBy").where("id", "=", threadId).executeTakeFirst();
  return [...new Set([...rows.map((r) => r.authorId!), ...(thread?.createdBy ? [thread.createdBy] : [])])];
}
