import type { DbHandle } from "../../db/index.js";
import { findAgendaAccessFacts } from "../../db/repositories/agenda.js";
import type { SessionUser } from "../../db/repositories/sessions.js";
import type { AccessChange } from "../auth/access-changes.js";
import { agendaAccess } from "../auth/permissions.js";
import type { Logger } from "../logger.js";
import type { AgendaRoom, Connection } from "./agenda-room.js";
import { CLOSE } from "./close-codes.js";

export type AgendaRecheckDeps = {
  db: DbHandle;
  logger: Logger;
  /** Re-loads a session by id (null once it ended, expired, or its user was blocked). */
  sessionUser: (sessionId: string) => Promise<SessionUser | null>;
  rooms: () => Iterable<AgendaRoom>;
  /** Access decisions of the other document kinds (network notes), registered with the hub. */
  resolver?: (kind: string) => ((id: number, actor: { id: number; role: SessionUser["role"]; cityId: number | null }) => Promise<"edit" | "read" | "none" | null>) | undefined;
};

/**
 * Re-decides the access of open /collab connections from the database after an access change: a connection whose
 * session ended closes with 4401, one that lost access closes with 4403, an editor who may now only read becomes
 * read-only and is told so (and a reader allowed to edit again becomes an editor). Nothing cached on the connection is trusted.
 */
export function createAgendaRecheck(deps: AgendaRecheckDeps) {
  async function decide(room: AgendaRoom, actor: { id: number; role: SessionUser["role"]; cityId: number | null }): Promise<"edit" | "read" | "none"> {
    const [kind, rawId] = room.name.split(":");
    const id = Number(rawId);
    if (kind !== "agenda") return (await deps.resolver?.(kind)?.(id, actor)) ?? "none";
    const facts = await findAgendaAccessFacts(deps.db.db, id);
    return facts ? agendaAccess(actor, { ...facts.settings, ended: Date.parse(facts.endsAt) < Date.now() }) : "none";
  }

  async function recheck(room: AgendaRoom, conn: Connection): Promise<void> {
    const session = await deps.sessionUser(conn.sessionId);
    if (!room.conns.has(conn.ws)) return;
    if (!session || session.id !== conn.userId) return room.kick(conn, CLOSE.notSignedIn);
    const actor = { id: session.id, role: session.role, cityId: session.cityId };
    const access = await decide(room, actor);
    if (!room.conns.has(conn.ws)) return;
    if (access === "none") return room.kick(conn, CLOSE.forbidden);
    if (conn.readOnly !== (access === "read")) deps.logger.info("agenda: connection access changed", { doc: room.name, userId: conn.userId, access });
    room.setReadOnly(conn, access === "read");
    // Presence shows the session's current name and city.
    conn.user = { id: session.id, name: session.name, city: session.cityName ?? "" };
  }

  function affected(change: AccessChange, room: AgendaRoom, conn: Connection): boolean {
    if (change.kind === "user") return conn.userId === change.userId;
    if (change.kind === "session") return conn.sessionId === change.sessionId;
    if (change.kind === "network") return room.name === `network:${change.networkId}`;
    return room.name === `agenda:${change.eventId}`;
  }

  return {
    /** Re-checks every connection of this instance the change may concern. */
    async onChange(change: AccessChange): Promise<void> {
      const todo: [AgendaRoom, Connection][] = [];
      for (const room of deps.rooms()) for (const conn of room.conns.values()) if (affected(change, room, conn)) todo.push([room, conn]);
      await Promise.all(todo.map(([room, conn]) => recheck(room, conn)));
    },
    /** Re-checks one connection (one accepted while a change was being announced). */
    recheck,
  };
}

export type AgendaRecheck = ReturnType<typeof createAgendaRecheck>;
