import { Server as EngineServer } from "engine.io";
import type express from "express";
import { createRedisClient, type RedisClient } from "../redis-client.js";
import { Server } from "socket.io";
import { parseCookies, SESSION_COOKIE } from "../auth/cookies.js";
import { isSameOrigin, siteOrigin } from "../http/origin.js";
import type { AppServices } from "../services.js";
import { registerLiveHandlers } from "./live-handlers.js";
import { registerNotificationNamespace } from "../notifications/notification-socket.js";
import { registerNetworkNamespace } from "../networks/network-socket.js";
import { createLiveRecheck, liveUserOf } from "./live-recheck.js";
import { createLiveService, type LiveService } from "./live-service.js";
import { PresenceTracker } from "./presence.js";
import { RoomTimers } from "./room-timers.js";
import type { LiveNamespace, LiveSocket, LiveSocketUser } from "./socket-types.js";

export type LiveHub = {
  service: LiveService;
  nsp: LiveNamespace;
  /** Express mount for the HTTP long-polling transport (and the handshake). */
  mount: (app: express.Express) => void;
  close: () => Promise<void>;
};

/**
 * socket.io on the app's own port without its own `upgrade` listener: we build the engine.io server ourselves, the
 * UpgradeDispatcher hands it /socket.io upgrades after the Origin and session checks, and Express hands it polling
 * requests (docs/decisions/0005-live-transport.md).
 */
export async function createLiveHub(services: Omit<AppServices, "live">): Promise<LiveHub> {
  const { config, logger } = services;
  const engine = new EngineServer({
    pingInterval: 20_000,
    pingTimeout: 20_000,
    maxHttpBufferSize: 16 * 1024,
    cookie: false,
    allowRequest: (req, cb) => cb(null, isSameOrigin(req, siteOrigin(req, config.publicUrl, config.trustProxy))),
  });
  const io = new Server({
    serveClient: false,
    // A recovered socket goes through the session middleware again: rights may have changed while it was away.
    connectionStateRecovery: { maxDisconnectionDuration: config.liveRecoveryMs, skipMiddlewares: false },
  });

  let redis: RedisClient | undefined;
  if (config.redisUrl) {
    redis = await createRedisClient({ url: config.redisUrl });
    redis.on("error", (error) => logger.warn("live redis error", { error: String(error) }));
    await redis.connect();
    // The streams adapter (unlike the pub/sub one) stores sessions and offsets in Redis, so recovery works across instances.
    const { createAdapter } = await import("@socket.io/redis-streams-adapter");
    io.adapter(createAdapter(redis, { streamName: config.liveRedisStream, blockTimeInMs: 1000 }));
  }
  io.bind(engine);
  io.of("/").use((_socket, next) => next(new Error("not_found")));

  const nsp = io.of("/live") as unknown as LiveNamespace;
  const service = createLiveService({ db: services.db, limiter: services.limiter, library: services.library, notices: services.notifications.content });
  const presence = new PresenceTracker(nsp, { logger, recordPeak: service.recordPeak });
  const timers = new RoomTimers((eventId) => {
    void service
      .state(eventId)
      .then((s) => nsp.to(`event:${eventId}`).emit("room:state", s))
      .catch(() => {});
  });

  const recheck = createLiveRecheck(nsp, { sessionUser: services.auth.sessionUser, service, presence, logger });
  // Recovered sockets whose person is gone (session ended, account blocked) or changed: revoked once connected.
  const revokeOnConnect = new WeakSet<LiveSocket>();
  const recoveredFrom = new WeakMap<LiveSocket, LiveSocketUser | null>();
  nsp.use((socket, next) => {
    services.auth
      .resolve(parseCookies(socket.request.headers.cookie)[SESSION_COOKIE])
      .then((u) => {
        // A recovered socket arrives with the data and rooms of its previous connection; none of it is trusted.
        const previous = socket.recovered ? (socket.data.user ?? null) : undefined;
        if (previous && (!u || u.id !== previous.id)) revokeOnConnect.add(socket);
        if (previous !== undefined) recoveredFrom.set(socket, previous);
        socket.data.user = u ? liveUserOf(u) : null;
        next();
      })
      .catch((error) => {
        logger.error("live auth failed", { error });
        next(new Error("server_error"));
      });
  });
  registerLiveHandlers(nsp, { service, presence, timers, logger });
  // The header's live unread count (issue 15) shares this server, its transport and its session check.
  registerNotificationNamespace(io, { auth: services.auth, notifications: services.notifications, logger });
  // Network discussions follow live for members (issue 14), with the same transport and session check.
  const networkNsp = registerNetworkNamespace(io, { auth: services.auth, networks: services.networks, access: services.access, logger });
  nsp.on("connection", (socket: LiveSocket) => {
    if (revokeOnConnect.has(socket)) return recheck.revoke(socket);
    if (!recoveredFrom.has(socket)) return;
    const previous = recoveredFrom.get(socket);
    const u = socket.data.user;
    const changed = previous?.role !== u?.role || previous?.cityId !== u?.cityId;
    recheck.align(socket, changed).catch((error) => logger.error("live: re-authorising a recovered socket failed", { error }));
  });
  const unsubscribe = services.access.subscribe((change) => recheck.onChange(change));
  service.dropTransport = (socketId) => {
    const s = nsp.sockets.get(socketId);
    s?.conn.close();
    return Boolean(s);
  };

  services.upgrade.register("/socket.io", (req, socket, head) => engine.handleUpgrade(req, socket as never, head));

  return {
    service,
    nsp,
    mount: (app) =>
      app.use((req, res, next) => {
        if (req.path === "/socket.io/" || req.path === "/socket.io") engine.handleRequest(req, res);
        else next();
      }),
    close: async () => {
      unsubscribe();
      networkNsp.close();
      presence.close();
      timers.close();
      await io.close();
      if (redis) await redis.quit().catch(() => {});
    },
  };
}
