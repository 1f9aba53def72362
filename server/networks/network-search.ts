import type { SearchEngine } from "../../search/types.js";

/** A thread of a network's discussion matching a search, with the matching text highlighted (only <mark>). */
export type DiscussionHit = { threadId: number; title: string; snippet: string; url: string };

const quote = (v: string) => `"${v.replace(/["\\]/g, "\\$&")}"`;

/**
 * Searches one network's discussion through the search engine (Polish stemming, typos, highlighting, like the live
 * thread archives): documents of group "network" carry their network in `membersOf`, so the filter returns only this
 * network's threads. The caller has checked that the actor is a member.
 */
export async function searchNetworkDiscussion(engine: SearchEngine, networkId: number, q: string, limit = 20): Promise<DiscussionHit[]> {
  const query = q.trim();
  if (!query) return [];
  const r = await engine.search({ q: query, filter: `group = "network" AND membersOf = ${quote(String(networkId))}`, hitsPerPage: limit, cropLength: 25 });
  return r.hits.map((h) => ({ threadId: Number(h.id.split(":")[1]), title: h._formatted.title, snippet: h._formatted.summary, url: h.url }));
}
