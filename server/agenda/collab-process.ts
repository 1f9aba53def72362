// The /collab process (COLLAB_PROCESS=1, the default in production): the agenda hub with its own database connection,
// Redis relay and V8 heap. The app's process accepts the upgrade, checks Origin and the session, and hands the socket
// over; from then on every message of the connection is served here. See docs/decisions/0014-collab-process.md. With
// COLLAB_PORT it also accepts /collab connections itself, with the same checks (decision 0015).
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import * as Y from "yjs";
import { createDb, type DbHandle } from "../../db/index.js";
import { findSessionUser } from "../../db/repositories/sessions.js";
import type { AccessChange, AccessListener } from "../auth/access-changes.js";
import { resolveSessionToken } from "../auth/session-token.js";
import { createLogger, type Logger } from "../logger.js";
import { UpgradeDispatcher } from "../upgrade.js";
import { AgendaHub } from "./agenda-hub.js";
import { createRedisRelay, type AgendaRelay } from "./agenda-relay.js";
import { ORIGIN } from "./agenda-room.js";
import { IpcPeer, type IpcPort } from "./collab-ipc.js";
import type { CollabInit, CollabStarted, CollabStats, CollabUpgrade, DecideRequest } from "./collab-messages.js";

let hub: AgendaHub | undefined;
let own: { server: Server; upgrades: UpgradeDispatcher } | undefined;
let db: DbHandle | undefined;
let relay: AgendaRelay | undefined;
let closing: Promise<void> | undefined;
const listeners = new Set<AccessListener>();

function requireHub(): AgendaHub {
  if (!hub) throw new Error("collab: not started");
  return hub;
}

const close = (): Promise<void> =>
  (closing ??= (async () => {
    // No new connections on the own port; the hub then closes the open ones (1012) after storing their documents.
    own?.server.close();
    await hub?.close();
    own?.upgrades.destroyAll();
    own?.server.closeAllConnections();
    await relay?.close();
    await db?.close();
  })());

const peer = new IpcPeer(process as unknown as IpcPort, {
  async init(init: CollabInit) {
    const logger = createLogger(init.logLevel);
    db = createDb(init.databaseUrl);
    relay = init.redisUrl ? await createRedisRelay(init.redisUrl, logger) : undefined;
    const opened = db;
    hub = new AgendaHub(
      {
        db: opened,
        logger,
        relay,
        access: { subscribe: (l) => (listeners.add(l), () => listeners.delete(l)) },
        sessionUser: async (id) => (await findSessionUser(opened.db, id)) ?? null,
      },
      init.options,
    );
    for (const kind of init.kinds) registerKind(kind);
    if (init.listen) own = await listenOwnPort(init.listen, hub, opened, logger);
    return { pid: process.pid, port: own ? (own.server.address() as AddressInfo).port : undefined } satisfies CollabStarted;
  },

  kind: (kind: "network") => registerKind(kind),

  // A socket the app accepted: the upgrade request's line and headers come with it (ws reads nothing else of it).
  upgrade(p: CollabUpgrade, socket?: Socket) {
    if (!socket) return;
    if (!hub || closing) return void socket.destroy();
    const req = { method: "GET", url: p.url, headers: p.headers, socket } as unknown as IncomingMessage;
    hub.handleUpgrade(req, socket, Buffer.from(p.head, "base64"), { user: p.user, origin: p.origin });
  },

  // Re-checks the open connections the change may concern; answers once they are re-checked.
  async access(change: AccessChange) {
    await Promise.all([...listeners].map((l) => l(change)));
  },

  state: (docName: string) => requireHub().withDoc(docName, (doc) => Buffer.from(Y.encodeStateAsUpdate(doc)).toString("base64")),

  apply: ({ docName, update }: { docName: string; update: string }) =>
    requireHub().withDoc(docName, (doc) => Y.applyUpdate(doc, Buffer.from(update, "base64"), ORIGIN.server)),

  stats({ gc }: { gc: boolean }): CollabStats {
    if (gc) (globalThis as { gc?: () => void }).gc?.();
    return { pid: process.pid, openDocuments: hub?.openDocuments ?? 0, heapUsed: process.memoryUsage().heapUsed };
  },

  close: () => close(),
});

/**
 * The own port (COLLAB_PORT, for a reverse proxy's /collab route): the app's upgrade dispatcher, here, so Origin and
 * the session are checked as on the app's port; anything but a /collab upgrade is refused.
 */
async function listenOwnPort(listen: NonNullable<CollabInit["listen"]>, agendas: AgendaHub, opened: DbHandle, logger: Logger) {
  const upgrades = new UpgradeDispatcher({ resolveSession: (token) => resolveSessionToken(opened.db, token), publicUrl: listen.publicUrl, trustProxy: listen.trustProxy, logger });
  upgrades.register("/collab", agendas.handleUpgrade);
  const server = createServer((_req, res) => {
    res.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("Not Found: this port serves /collab WebSocket connections only\n");
  });
  upgrades.attach(server);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(listen.port, listen.host, () => resolve());
  });
  return { server, upgrades };
}

// Access decisions for other document kinds (network notes) stay with the app, which owns those domains.
function registerKind(kind: "network"): void {
  requireHub().registerDocKind(kind, (id, actor) => peer.call<"edit" | "read" | "none" | null>("decide", { kind, id, actor } satisfies DecideRequest));
}

// The app's process went away, or a service manager stops every process of the app (SIGTERM): store every open
// document before exiting. The app starts this process again if it is still running.
const stop = () => void close().finally(() => process.exit(0));
process.on("disconnect", stop);
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
