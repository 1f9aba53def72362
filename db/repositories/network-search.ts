import type { Db } from "../index.js";

/** A network discussion thread as the search index needs it: its network, title and every post. */
export type NetworkThreadForIndex = { id: number; networkId: number; networkSlug: string; title: string; lastPostAt: string; posts: { authorName: string | null; body: string }[] };

/** One network thread with its posts, oldest first (undefined when it is gone). */
export async function findNetworkThreadForIndex(db: Db, threadId: number): Promise<NetworkThreadForIndex | undefined> {
  const thread = await db
    .selectFrom("networkThreads")
    .innerJoin("networks", "networks.id", "networkThreads.networkId")
    .select(["networkThreads.id", "networkThreads.networkId", "networks.slug as networkSlug", "networkThreads.title", "networkThreads.lastPostAt"])
    .where("networkThreads.id", "=", threadId)
    .executeTakeFirst();
  if (!thread) return undefined;
  const posts = await db
    .selectFrom("networkPosts")
    .leftJoin("users", "users.id", "networkPosts.authorId")
    .select(["users.name as authorName", "networkPosts.body"])
    .where("networkPosts.threadId", "=", threadId)
    .orderBy("networkPosts.id")
    .execute();
  return { ...thread, posts };
}

/** Ids of network threads after `afterId`, for a full reindex. */
export async function networkThreadIdsAfter(db: Db, afterId: number, limit: number): Promise<number[]> {
  const rows = await db.selectFrom("networkThreads").select("id").where("id", ">", afterId).orderBy("id").limit(limit).execute();
  return rows.map((r) => r.id);
}
