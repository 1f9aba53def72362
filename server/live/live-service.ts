import type { DbHandle } from "../../db/index.js";
import { findEventById } from "../../db/repositories/events.js";
import {
  findLiveMessage,
  insertLiveMessage,
  liveCounts,
  liveMessagesSince,
  listLiveQuestions,
  myLiveVotes,
  setLiveVote,
  updateLiveMessage,
  type LiveMessageRow,
} from "../../db/repositories/live-messages.js";
import {
  ensureLiveRoom,
  findLiveThread,
  insertLiveRemoval,
  insertLiveThread,
  isRemovedFromLive,
  listLiveThreads,
  recordLivePeak,
  setLiveRoomOverride,
  type LiveRoomRow,
} from "../../db/repositories/live-rooms.js";
import { nowIso } from "../../db/time.js";
import { live as t } from "../../domain/i18n/pl/live.js";
import { can, type Actor } from "../auth/permissions.js";
import type { RateLimiter } from "../auth/rate-limit.js";
import type { ClientPayload, LiveThread, RoomState } from "./protocol.js";
import type { LibraryService } from "../library/library-service.js";
import { publishLiveFaq } from "./live-faq.js";
import { EDIT_WINDOW_MS } from "../../domain/live-timings.js";
import { LiveFailure, roomStatus, roomTimes, statusAllowsWrite } from "./live-rules.js";

export type LiveService = ReturnType<typeof createLiveService>;
/** What a live room tells people through (server/notifications): their question answered or replied to. */
export type LiveNotices = { liveAnswered: (questionId: number, replyId?: number) => Promise<void> };
type RoomInfo = { eventId: number; title: string; slug: string; joinUrl: string | null; startsAt: string; endsAt: string; status: "scheduled" | "cancelled"; room: LiveRoomRow; threads: LiveThread[] };

// Per-user posting allowances (fixed windows); typing is throttled separately and silently.
export const LIVE_LIMITS = { send: [8, 10_000], vote: [30, 10_000], edit: [10, 10_000], moderate: [60, 10_000] } as const;
const CACHE_MS = 3_000;

/** Rules of live rooms; the socket handlers and the HTTP routes both call these. */
export function createLiveService(deps: { db: DbHandle; limiter: RateLimiter; library?: LibraryService; notices?: LiveNotices }) {
  const db = deps.db.db;
  // Room info is read on every post; a short cache keeps that off the database under load. Changes made on this
  // instance invalidate it at once, other instances see them within CACHE_MS.
  const cache = new Map<number, { at: number; info: Promise<RoomInfo> }>();

  function room(eventId: number): Promise<RoomInfo> {
    const hit = cache.get(eventId);
    if (hit && Date.now() - hit.at < CACHE_MS) return hit.info;
    const info = loadRoom(eventId);
    cache.set(eventId, { at: Date.now(), info });
    info.catch(() => cache.delete(eventId));
    return info;
  }

  async function loadRoom(eventId: number): Promise<RoomInfo> {
    const event = await findEventById(db, eventId);
    if (!event) throw new LiveFailure("not_found");
    if (event.format === "onsite") throw new LiveFailure("not_found", t.errors.no_room);
    const r = await ensureLiveRoom(db, eventId, t.qaTitle);
    const threads = (await listLiveThreads(db, eventId)).map((th) => ({ id: th.id, kind: th.kind, title: th.title }));
    return { eventId, title: event.title, slug: event.slug, joinUrl: event.joinUrl, startsAt: event.startsAt, endsAt: event.endsAt, status: event.status, room: r, threads };
  }

  function stateOf(info: RoomInfo): RoomState {
    return { eventId: info.eventId, status: roomStatus(info, info.room), ...roomTimes(info, info.room), override: info.room.override, threads: info.threads };
  }

  async function limit(actor: NonNullable<Actor>, kind: keyof typeof LIVE_LIMITS): Promise<void> {
    const [n, ms] = LIVE_LIMITS[kind];
    if (!(await deps.limiter.hit(`live:${kind}:${actor.id}`, n, ms)).allowed) throw new LiveFailure("rate_limited");
  }

  async function writable(actor: Actor, eventId: number): Promise<{ actor: NonNullable<Actor>; info: RoomInfo; moderator: boolean }> {
    if (!actor || !can(actor, "live:write")) throw new LiveFailure("unauthenticated");
    const info = await room(eventId);
    const moderator = can(actor, "live:moderate");
    if (!moderator && (await isRemovedFromLive(db, eventId, actor.id))) throw new LiveFailure("forbidden", t.errors.removed);
    if (!statusAllowsWrite(roomStatus(info, info.room), moderator)) throw new LiveFailure("room_closed");
    return { actor, info, moderator };
  }

  async function message(id: number): Promise<LiveMessageRow> {
    const m = await findLiveMessage(db, id);
    if (!m) throw new LiveFailure("not_found");
    return m;
  }

  function moderatorOnly(actor: Actor) {
    if (!actor) throw new LiveFailure("unauthenticated");
    if (!can(actor, "live:moderate")) throw new LiveFailure("forbidden");
  }

  return {
    room,
    stateOf,
    /** The room's public state, loading (and creating) it when needed. */
    async state(eventId: number): Promise<RoomState> {
      return stateOf(await room(eventId));
    },
    /** What the actor may do in the room right now. */
    async abilities(actor: Actor, eventId: number): Promise<{ canWrite: boolean; canModerate: boolean; removed: boolean }> {
      const info = await room(eventId);
      const canModerate = can(actor, "live:moderate");
      const removed = actor !== null && !canModerate && (await isRemovedFromLive(db, eventId, actor.id));
      return { canWrite: actor !== null && !removed && statusAllowsWrite(roomStatus(info, info.room), canModerate), canModerate, removed };
    },
    /** The thread, checked to exist. */
    async thread(threadId: number) {
      const th = await findLiveThread(db, threadId);
      if (!th) throw new LiveFailure("not_found");
      return th;
    },
    /** Messages changed after `since` and the actor's votes. */
    async backlog(actor: Actor, threadId: number, since: number, pageSize = 2000) {
      const rows = await liveMessagesSince(db, threadId, since, pageSize + 1);
      const more = rows.length > pageSize;
      const page = more ? rows.slice(0, pageSize) : rows;
      const myVotes = actor ? await myLiveVotes(db, threadId, actor.id) : [];
      return { rows: page, more, myVotes, cursor: page.length ? page[page.length - 1].rev : since };
    },
    async send(actor: Actor, p: ClientPayload<"message:send">): Promise<LiveMessageRow> {
      const th = await this.thread(p.threadId);
      const w = await writable(actor, th.eventId);
      await limit(w.actor, "send");
      let parent: LiveMessageRow | undefined;
      if (p.parentId !== undefined) {
        parent = await findLiveMessage(db, p.parentId);
        if (!parent || parent.threadId !== th.id) throw new LiveFailure("not_found");
        if (parent.parentId !== null) throw new LiveFailure("bad_request", t.errors.reply_depth);
      }
      // Replies are always comments; questions are top-level entries of the Q&A list.
      const kind = p.parentId !== undefined ? "comment" : p.kind;
      const row = await insertLiveMessage(db, { eventId: th.eventId, threadId: th.id, parentId: p.parentId ?? null, authorId: w.actor.id, kind, body: p.body });
      // Not awaited: the room's ack does not wait for mail rendering; the notice logs its own failure.
      if (parent?.kind === "question") void deps.notices?.liveAnswered(parent.id, row.id);
      return row;
    },
    async edit(actor: Actor, p: ClientPayload<"message:edit">): Promise<LiveMessageRow> {
      const m = await message(p.messageId);
      const w = await writable(actor, m.eventId);
      await limit(w.actor, "edit");
      if (m.authorId !== w.actor.id) throw new LiveFailure("forbidden");
      if (m.deletedAt || m.hiddenAt) throw new LiveFailure("not_found");
      if (Date.now() - Date.parse(m.createdAt) > EDIT_WINDOW_MS) throw new LiveFailure("edit_window_passed");
      return updateLiveMessage(db, m.eventId, m.id, { body: p.body, editedAt: nowIso() });
    },
    async remove(actor: Actor, p: ClientPayload<"message:delete">): Promise<LiveMessageRow> {
      const m = await message(p.messageId);
      if (!actor) throw new LiveFailure("unauthenticated");
      const moderator = can(actor, "live:moderate");
      if (m.authorId !== actor.id && !moderator) throw new LiveFailure("forbidden");
      const w = await writable(actor, m.eventId);
      await limit(w.actor, "edit");
      if (m.deletedAt) return m;
      // The text goes; the row stays so replies and cursors keep their place.
      return updateLiveMessage(db, m.eventId, m.id, { body: "", deletedAt: nowIso() });
    },
    async vote(actor: Actor, p: ClientPayload<"message:vote">): Promise<{ message: LiveMessageRow; changed: boolean }> {
      const m = await message(p.messageId);
      const w = await writable(actor, m.eventId);
      await limit(w.actor, "vote");
      if (m.kind !== "question" || m.deletedAt) throw new LiveFailure("bad_request", t.errors.not_question);
      // A vote says "I want this asked too": one's own question does not count, withdrawing stays possible.
      if (p.value === 1 && m.authorId === w.actor.id) throw new LiveFailure("bad_request", t.errors.own_question);
      return setLiveVote(db, m.eventId, m.id, w.actor.id, p.value);
    },
    async moderate(actor: Actor, p: ClientPayload<"message:moderate">): Promise<LiveMessageRow> {
      moderatorOnly(actor);
      const m = await message(p.messageId);
      await room(m.eventId);
      await limit(actor!, "moderate");
      const now = nowIso();
      switch (p.action) {
        case "answer": {
          if (m.kind !== "question") throw new LiveFailure("bad_request", t.errors.not_question);
          const answered = await updateLiveMessage(db, m.eventId, m.id, { answeredAt: now, answeredBy: actor!.id, answer: p.answer || null });
          // Told once, when first marked answered (not again when a moderator edits the answer).
          if (!m.answeredAt) void deps.notices?.liveAnswered(m.id);
          return answered;
        }
        case "unanswer":
          return updateLiveMessage(db, m.eventId, m.id, { answeredAt: null, answeredBy: null, answer: null });
        case "pin":
          return updateLiveMessage(db, m.eventId, m.id, { pinned: 1 });
        case "unpin":
          return updateLiveMessage(db, m.eventId, m.id, { pinned: 0 });
        case "hide":
          return updateLiveMessage(db, m.eventId, m.id, { hiddenAt: now, hiddenReason: p.reason || null });
        case "unhide":
          return updateLiveMessage(db, m.eventId, m.id, { hiddenAt: null, hiddenReason: null });
      }
    },
    async control(actor: Actor, p: ClientPayload<"room:control">): Promise<RoomState> {
      moderatorOnly(actor);
      await room(p.eventId);
      await setLiveRoomOverride(db, p.eventId, p.action === "auto" ? null : p.action === "open" ? "open" : "closed");
      cache.delete(p.eventId);
      return stateOf(await room(p.eventId));
    },
    async createThread(actor: Actor, p: ClientPayload<"thread:create">): Promise<RoomState> {
      moderatorOnly(actor);
      await room(p.eventId);
      await insertLiveThread(db, p.eventId, p.title, actor!.id);
      cache.delete(p.eventId);
      return stateOf(await room(p.eventId));
    },
    async removeParticipant(actor: Actor, p: ClientPayload<"participant:remove">): Promise<void> {
      moderatorOnly(actor);
      await room(p.eventId);
      await insertLiveRemoval(db, p.eventId, p.userId, actor!.id, p.reason || null);
    },
    /** Checks a typing notice may be relayed (signed in, not removed, room writable); false means drop silently. */
    async mayType(actor: Actor, threadId: number): Promise<boolean> {
      if (!actor) return false;
      if (!(await deps.limiter.hit(`live:typing:${actor.id}:${threadId}`, 1, 2000)).allowed) return false;
      try {
        const th = await this.thread(threadId);
        await writable(actor, th.eventId);
        return true;
      } catch {
        return false;
      }
    },
    recordPeak: (eventId: number, count: number) => recordLivePeak(db, eventId, count),
    /** Numbers for the room report. */
    async report(eventId: number) {
      const info = await room(eventId);
      const counts = await liveCounts(db, eventId);
      const fresh = await ensureLiveRoom(db, eventId, t.qaTitle);
      return { ...counts, peak: fresh.peakParticipants, shareAnswered: counts.questions ? counts.answered / counts.questions : 0, title: info.title };
    },
    questions: (eventId: number) => listLiveQuestions(db, eventId),
    /** Publishes the answered questions as an FAQ material in the library (needs the library service). */
    async publishFaq(actor: Actor, eventId: number): Promise<{ slug: string }> {
      if (!deps.library) throw new LiveFailure("server_error");
      return publishLiveFaq({ db: deps.db, library: deps.library }, actor, eventId);
    },
    /** Cuts one connection's transport as a network failure would (the hub fills this in; tests and operators use it). */
    dropTransport: (socketId: string): boolean => (void socketId, false),
  };
}
