import type { LiveMessage } from "../../domain/live-protocol.js";

/**
 * The client's copy of a thread: messages by id, each kept at its highest revision, plus the cursor to resume from.
 * Messages can arrive twice (recovered packets, a `since` backlog, our own ack); keeping the newest revision per id
 * makes every path idempotent.
 */
export type ThreadStore = { byId: Map<number, LiveMessage>; cursor: number };

/** An empty store. */
export function emptyStore(): ThreadStore {
  return { byId: new Map(), cursor: 0 };
}

/** Merges messages; returns a new store (for React state) and how many ids were new. */
export function mergeMessages(store: ThreadStore, messages: LiveMessage[]): { store: ThreadStore; added: LiveMessage[] } {
  let byId: Map<number, LiveMessage> | null = null;
  let cursor = store.cursor;
  const added: LiveMessage[] = [];
  for (const m of messages) {
    const current = (byId ?? store.byId).get(m.id);
    if (current && current.rev >= m.rev) continue;
    byId ??= new Map(store.byId);
    byId.set(m.id, m);
    if (!current) added.push(m);
    if (m.rev > cursor) cursor = m.rev;
  }
  return byId ? { store: { byId, cursor }, added } : { store: cursor === store.cursor ? store : { byId: store.byId, cursor }, added };
}

/** Top-level messages in time order, each followed by its replies. */
export function threadOrder(store: ThreadStore): LiveMessage[] {
  const all = [...store.byId.values()];
  const replies = new Map<number, LiveMessage[]>();
  for (const m of all) if (m.parentId !== null) (replies.get(m.parentId) ?? replies.set(m.parentId, []).get(m.parentId)!).push(m);
  const roots = all.filter((m) => m.parentId === null).sort((a, b) => a.id - b.id);
  const out: LiveMessage[] = [];
  for (const r of roots) {
    out.push(r);
    for (const c of (replies.get(r.id) ?? []).sort((a, b) => a.id - b.id)) out.push(c);
  }
  return out;
}

/** Questions for the Q&A list: pinned first, then by votes (or newest first), answered ones after open ones. */
export function sortQuestions(list: LiveMessage[], by: "votes" | "time"): LiveMessage[] {
  return [...list].sort((a, b) => {
    if (a.pinned !== b.pinned) return a.pinned ? -1 : 1;
    if (a.answered !== b.answered) return a.answered ? 1 : -1;
    if (by === "votes" && a.votes !== b.votes) return b.votes - a.votes;
    return by === "votes" ? a.id - b.id : b.id - a.id;
  });
}
