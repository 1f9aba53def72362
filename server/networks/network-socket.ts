import type { Server, Socket } from "socket.io";
import { z } from "zod";
import type { NetworkClientEvents, NetworkServerEvents } from "../../domain/network-live-protocol.js";
import type { AccessChanges, AccessChange } from "../auth/access-changes.js";
import type { AuthService } from "../auth/auth-service.js";
import { parseCookies, SESSION_COOKIE } from "../auth/cookies.js";
import type { Actor } from "../auth/permissions.js";
import type { Logger } from "../logger.js";
import type { NetworkService } from "./network-service.js";

type SocketData = { userId: number; sessionId: string; actor: Actor };
type NetworkSocket = Socket<NetworkClientEvents, NetworkServerEvents, Record<string, never>, SocketData>;

const joinSchema = z.object({ networkId: z.number().int().positive() });
const room = (networkId: number) => `network:${networkId}`;

/**
 * socket.io namespace /sieci on the live hub's server (issue 14): a member's network page follows the discussion live.
 * The session is resolved on connect (anonymous sockets are refused); a socket joins `network:<id>` only after the
 * same permission check as the page, and every access change (a city leaving, a person's role or city changing, a
 * logout) re-checks the rooms it concerns: whoever is no longer a member leaves the room and is told so.
 */
export function registerNetworkNamespace(io: Server, deps: { auth: Pick<AuthService, "resolve" | "sessionUser">; networks: NetworkService; access: AccessChanges; logger: Logger }) {
  const nsp = io.of("/sieci") as unknown as ReturnType<Server<NetworkClientEvents, NetworkServerEvents, Record<string, never>, SocketData>["of"]>;
  nsp.use((socket, next) => {
    deps.auth
      .resolve(parseCookies(socket.request.headers.cookie)[SESSION_COOKIE])
      .then((u) => {
        if (!u) return next(new Error("unauthorized"));
        socket.data = { userId: u.id, sessionId: u.sessionId, actor: { id: u.id, role: u.role, cityId: u.cityId } };
        next();
      })
      .catch((error) => {
        deps.logger.error("network socket auth failed", { error });
        next(new Error("server_error"));
      });
  });

  nsp.on("connection", (socket: NetworkSocket) => {
    socket.on("network:join", (payload, ack) => {
      if (typeof ack !== "function") return;
      const parsed = joinSchema.safeParse(payload);
      if (!parsed.success) return ack({ ok: false, error: "bad_request" });
      const { networkId } = parsed.data;
      deps.networks
        .access(networkId, socket.data.actor)
        .then(async (access) => {
          if (access === null) return ack({ ok: false, error: "not_found" });
          if (access === "public") return ack({ ok: false, error: "forbidden" });
          await socket.join(room(networkId));
          ack({ ok: true });
        })
        .catch((error) => {
          deps.logger.error("network socket join failed", { error });
          ack({ ok: false, error: "forbidden" });
        });
    });
  });

  const stopPosts = deps.networks.onPost((e) => nsp.to(room(e.networkId)).emit("network:post", e));

  /** Re-loads the socket's person and keeps only the network rooms they are still a member of. */
  async function recheck(socket: NetworkSocket, only?: number): Promise<void> {
    const rooms = [...socket.rooms].filter((r) => r.startsWith("network:")).map((r) => Number(r.slice(8)));
    const todo = only === undefined ? rooms : rooms.filter((id) => id === only);
    if (todo.length === 0) return;
    const u = await deps.auth.sessionUser(socket.data.sessionId);
    const actor: Actor = u && u.id === socket.data.userId ? { id: u.id, role: u.role, cityId: u.cityId } : null;
    if (actor) socket.data.actor = actor;
    for (const networkId of todo) {
      const access = actor ? await deps.networks.access(networkId, actor) : null;
      if (access === "member" || access === "staff") continue;
      await socket.leave(room(networkId));
      socket.emit("network:revoked", { networkId });
    }
    if (!actor) socket.disconnect();
  }

  function concerns(change: AccessChange, s: NetworkSocket): number | undefined | false {
    if (change.kind === "network") return s.rooms.has(room(change.networkId)) ? change.networkId : false;
    if (change.kind === "user") return s.data.userId === change.userId ? undefined : false;
    if (change.kind === "session") return s.data.sessionId === change.sessionId ? undefined : false;
    return false;
  }

  const stopAccess = deps.access.subscribe(async (change) => {
    const checks: Promise<void>[] = [];
    for (const s of nsp.sockets.values()) {
      const which = concerns(change, s);
      if (which !== false) checks.push(recheck(s, which));
    }
    await Promise.all(checks);
  });

  return {
    nsp,
    close() {
      stopPosts();
      stopAccess();
    },
  };
}
