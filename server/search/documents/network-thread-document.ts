import type { NetworkThreadForIndex } from "../../../db/repositories/network-search.js";
import type { SearchDocument } from "../../../search/types.js";

const MAX_TEXT_CHARS = 40_000;

/** The index id of a network discussion thread. */
export function networkThreadDocId(id: number): string {
  return `network:${id}`;
}

/**
 * Maps a network discussion thread to a search document of group "network", found only with a filter naming its
 * network (`membersOf`): the network page's search box for members. The posts are the summary, so the snippet shows
 * the matching post text.
 */
export function networkThreadDocument(thread: NetworkThreadForIndex): SearchDocument {
  const text = thread.posts.map((p) => p.body).join(" · ").slice(0, MAX_TEXT_CHARS);
  return {
    id: networkThreadDocId(thread.id),
    group: "network",
    kind: "discussion",
    externalId: null,
    slug: `${thread.networkSlug}-${thread.id}`,
    title: thread.title,
    summary: text,
    body: "",
    areas: [],
    tags: [],
    authors: [...new Set(thread.posts.map((p) => p.authorName).filter((n): n is string => Boolean(n)))],
    city: null,
    cityName: null,
    year: Number(thread.lastPostAt.slice(0, 4)),
    eventId: null,
    date: thread.lastPostAt,
    url: `/sieci/${thread.networkSlug}#thread-${thread.id}`,
    membersOf: [String(thread.networkId)],
  };
}
