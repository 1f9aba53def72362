import type { LiveMessageRow } from "../../db/repositories/live-messages.js";
import { live as t } from "../../domain/i18n/pl/live.js";
import type { Actor } from "../auth/permissions.js";
import type { Logger } from "../logger.js";
import { LiveFailure, toWire } from "./live-rules.js";
import type { LiveService } from "./live-service.js";
import { guestsRoom, presenceFor, type PresenceTracker } from "./presence.js";
import { clientSchemas, INVISIBLE_ISSUE, type Ack, type ClientEvent, type ClientPayload, type ClientResults } from "./protocol.js";
import type { RoomTimers } from "./room-timers.js";
import type { LiveNamespace, LiveSocket } from "./socket-types.js";

type Deps = { service: LiveService; presence: PresenceTracker; timers: RoomTimers; logger: Logger };
// Each handler returns what its ack carries (ClientResults in domain/live-protocol.ts, the browser reads the same map).
type Handler<E extends ClientEvent> = (socket: LiveSocket, p: ClientPayload<E>) => Promise<ClientResults[E]>;

function actorOf(socket: LiveSocket): Actor {
  const u = socket.data.user;
  return u ? { id: u.id, role: u.role, cityId: u.cityId } : null;
}

function fail(socket: LiveSocket, event: string, ack: ((a: Ack) => void) | undefined, error: LiveFailure) {
  const e = { code: error.code, message: error.message };
  if (ack) ack({ ok: false, error: e });
  else socket.emit("live:error", { ...e, event });
}

const isModerator = (socket: LiveSocket) => socket.data.user?.role === "admin" || socket.data.user?.role === "moderator";

/** Wires the /live namespace: every client event is parsed, checked by the service, committed, then broadcast. */
export function registerLiveHandlers(nsp: LiveNamespace, deps: Deps): void {
  const { service, presence, timers, logger } = deps;

  // Hidden messages keep their text for moderators only; everyone else gets the blanked version.
  function broadcast(kind: "message:new" | "message:updated", row: LiveMessageRow) {
    const room = `event:${row.eventId}`;
    if (row.hiddenAt) {
      nsp.to(room).except(`mods:${row.eventId}`).emit(kind, toWire(row, false));
      nsp.to(`mods:${row.eventId}`).emit(kind, toWire(row, true));
    } else nsp.to(room).emit(kind, toWire(row, false));
  }

  const handlers: { [E in ClientEvent]: Handler<E> } = {
    "room:join": async (socket, p) => {
      const state = await service.state(p.eventId);
      const me = await service.abilities(actorOf(socket), p.eventId);
      if (me.removed) throw new LiveFailure("forbidden", t.errors.removed);
      const rooms = [`event:${p.eventId}`];
      if (me.canModerate) rooms.push(`mods:${p.eventId}`);
      // Anonymous sockets get presence as a count only (presence.ts sends their copy to this room).
      rooms.push(socket.data.user ? `user:${socket.data.user.id}` : guestsRoom(p.eventId));
      await socket.join(rooms);
      presence.touch(p.eventId);
      timers.watch(p.eventId, state);
      const u = socket.data.user;
      return { state, me: { user: u ? { id: u.id, name: u.name, city: u.city } : null, canWrite: me.canWrite, canModerate: me.canModerate }, presence: presenceFor(socket, await presence.current(p.eventId)) };
    },
    "room:leave": async (socket, p) => {
      await socket.leave(`event:${p.eventId}`);
      await socket.leave(`mods:${p.eventId}`);
      await socket.leave(guestsRoom(p.eventId));
      presence.touch(p.eventId);
      return null;
    },
    "room:control": async (socket, p) => {
      const state = await service.control(actorOf(socket), p);
      nsp.to(`event:${p.eventId}`).emit("room:state", state);
      return state;
    },
    "thread:create": async (socket, p) => {
      const state = await service.createThread(actorOf(socket), p);
      nsp.to(`event:${p.eventId}`).emit("room:state", state);
      return state;
    },
    "thread:join": async (socket, p) => {
      const th = await service.thread(p.threadId);
      if (!socket.rooms.has(`event:${th.eventId}`)) throw new LiveFailure("bad_request", t.errors.join_first);
      await socket.join(`thread:${th.id}`);
      const b = await service.backlog(actorOf(socket), th.id, p.since ?? 0);
      const mod = isModerator(socket);
      return { threadId: th.id, messages: b.rows.map((r) => toWire(r, mod)), myVotes: b.myVotes, cursor: b.cursor, more: b.more };
    },
    "message:send": async (socket, p) => {
      const row = await service.send(actorOf(socket), p);
      broadcast("message:new", row);
      return toWire(row, isModerator(socket));
    },
    "message:edit": async (socket, p) => {
      const row = await service.edit(actorOf(socket), p);
      broadcast("message:updated", row);
      return toWire(row, isModerator(socket));
    },
    "message:delete": async (socket, p) => {
      const row = await service.remove(actorOf(socket), p);
      broadcast("message:updated", row);
      return toWire(row, isModerator(socket));
    },
    "message:vote": async (socket, p) => {
      const { message, changed } = await service.vote(actorOf(socket), p);
      if (changed) broadcast("message:updated", message);
      return { message: toWire(message, isModerator(socket)), voted: p.value === 1 };
    },
    "message:moderate": async (socket, p) => {
      const row = await service.moderate(actorOf(socket), p);
      broadcast("message:updated", row);
      return toWire(row, true);
    },
    "participant:remove": async (socket, p) => {
      await service.removeParticipant(actorOf(socket), p);
      const state = await service.state(p.eventId);
      const target = `user:${p.userId}`;
      nsp.to(target).emit("room:state", { ...state, removed: true });
      nsp.in(target).socketsLeave([`event:${p.eventId}`, ...state.threads.map((th) => `thread:${th.id}`)]);
      presence.touch(p.eventId);
      return null;
    },
    typing: async (socket, p) => {
      const relayed = await service.mayType(actorOf(socket), p.threadId);
      const u = socket.data.user;
      if (relayed && u && socket.rooms.has(`thread:${p.threadId}`)) socket.to(`thread:${p.threadId}`).emit("typing", { threadId: p.threadId, user: { id: u.id, name: u.name } });
      return { relayed };
    },
  };

  // One catch-all listener per socket (not one per event name): it parses, dispatches and answers every client event,
  // which keeps the per-connection footprint close to bare socket.io's (bench/live).
  function dispatch(this: LiveSocket, event: unknown, ...args: unknown[]) {
    const ack = typeof args[args.length - 1] === "function" ? (args.pop() as (a: Ack) => void) : undefined;
    const name = typeof event === "string" && Object.hasOwn(clientSchemas, event) ? (event as ClientEvent) : null;
    if (!name) return fail(this, String(event).slice(0, 50), ack, new LiveFailure("unknown_event"));
    const parsed = clientSchemas[name].safeParse(args[0]);
    if (!parsed.success) {
      const bodyIssue = parsed.error.issues.find((i) => i.path[0] === "body");
      const invisible = bodyIssue?.code === "custom" && bodyIssue.params?.reason === INVISIBLE_ISSUE;
      return fail(this, name, ack, new LiveFailure("bad_request", invisible ? t.errors.invisible : bodyIssue ? t.errors.body : undefined));
    }
    (handlers[name] as Handler<typeof name>)(this, parsed.data as never).then(
      (data) => ack?.({ ok: true, data }),
      (error: unknown) => {
        if (error instanceof LiveFailure) return fail(this, name, ack, error);
        logger.error("live handler failed", { error, event: name });
        fail(this, name, ack, new LiveFailure("server_error"));
      },
    );
  }

  function disconnecting(this: LiveSocket) {
    for (const room of this.rooms) if (room.startsWith("event:")) presence.touch(Number(room.slice(6)));
  }

  nsp.on("connection", (socket: LiveSocket) => {
    socket.onAny(dispatch);
    socket.on("disconnecting", disconnecting);
  });
}
