import type { SessionUser } from "../../db/repositories/sessions.js";
import { live as t } from "../../domain/i18n/pl/live.js";
import type { AccessChange } from "../auth/access-changes.js";
import { can } from "../auth/permissions.js";
import type { Logger } from "../logger.js";
import type { LiveService } from "./live-service.js";
import type { PresenceTracker } from "./presence.js";
import type { LiveNamespace, LiveSocket, LiveSocketUser } from "./socket-types.js";

type Deps = {
  /** Re-loads a session by id (null once it ended, expired, or its user was blocked). */
  sessionUser: (sessionId: string) => Promise<SessionUser | null>;
  service: LiveService;
  presence: PresenceTracker;
  logger: Logger;
};

/** What a socket remembers of its session user. */
export function liveUserOf(u: SessionUser): LiveSocketUser {
  return { id: u.id, sessionId: u.sessionId, name: u.name, role: u.role, cityId: u.cityId, city: u.cityName };
}

/**
 * Re-authorises /live sockets of this instance after an access change: a socket whose session ended (logout, password
 * reset, blocked account) gets `access:revoked` with code forbidden and is disconnected; otherwise its user is
 * re-loaded from the database and its rooms follow the new role (a demoted moderator leaves the moderators' rooms but
 * keeps posting as a member), and it gets the room state again so the client asks what it may do now.
 */
export function createLiveRecheck(nsp: LiveNamespace, deps: Deps) {
  function revoke(socket: LiveSocket): void {
    deps.logger.info("live: socket disconnected, access revoked", { userId: socket.data.user?.id });
    // Local and by room: with connection-state recovery, socket.emit goes through the adapter, which with Redis
    // delivers only after a round trip, when the socket is already gone.
    nsp.local.to(socket.id).emit("access:revoked", { error: { code: "forbidden", message: t.errors.access_revoked } });
    for (const room of socket.rooms) if (room.startsWith("event:")) deps.presence.touch(Number(room.slice(6)));
    socket.disconnect();
  }

  /** Makes the socket's rooms match its current user; tells the client when its rights changed. */
  async function align(socket: LiveSocket, changed: boolean): Promise<void> {
    const u = socket.data.user;
    const moderator = can(u ? { id: u.id, role: u.role, cityId: u.cityId } : null, "live:moderate");
    const events: number[] = [];
    for (const room of [...socket.rooms]) {
      if (room.startsWith("event:")) events.push(Number(room.slice(6)));
      else if (room.startsWith("mods:") && !moderator) await socket.leave(room);
      else if (room.startsWith("user:") && room !== `user:${u?.id}`) await socket.leave(room);
    }
    if (moderator) await socket.join(events.map((id) => `mods:${id}`));
    if (!changed) return;
    for (const eventId of events) socket.emit("room:state", await deps.service.state(eventId));
  }

  async function recheck(socket: LiveSocket): Promise<void> {
    const before = socket.data.user;
    if (!before) return;
    const now = await deps.sessionUser(before.sessionId);
    if (!socket.connected) return;
    if (!now || now.id !== before.id) return revoke(socket);
    socket.data.user = liveUserOf(now);
    await align(socket, now.role !== before.role || now.cityId !== before.cityId);
  }

  function affected(change: AccessChange, socket: LiveSocket): boolean {
    const u = socket.data.user;
    if (!u) return false;
    if (change.kind === "user") return u.id === change.userId;
    if (change.kind === "session") return u.sessionId === change.sessionId;
    return false;
  }

  return {
    /** Re-checks every socket of this instance the change concerns. */
    async onChange(change: AccessChange): Promise<void> {
      const todo = [...nsp.sockets.values()].filter((s) => affected(change, s));
      await Promise.all(todo.map(recheck));
    },
    align,
    revoke,
  };
}
