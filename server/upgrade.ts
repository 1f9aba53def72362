import type { IncomingMessage, Server } from "node:http";
import type { Duplex } from "node:stream";
import type { SessionUser } from "../db/repositories/sessions.js";
import { parseCookies, SESSION_COOKIE } from "./auth/cookies.js";
import { isSameOrigin, siteOrigin } from "./http/origin.js";
import type { Logger } from "./logger.js";

/** What an upgrade handler knows before it accepts: who is asking (null when anonymous). */
export type UpgradeContext = { user: SessionUser | null; origin: string };
export type UpgradeHandler = (req: IncomingMessage, socket: Duplex, head: Buffer, ctx: UpgradeContext) => void;

type Route = { prefix: string; handler: UpgradeHandler };

/**
 * Owns the HTTP `upgrade` event: routes by path prefix (/socket.io, /collab/...), refuses foreign origins and resolves
 * the session before any handler runs, and destroys every other upgrade.
 */
export class UpgradeDispatcher {
  private routes: Route[] = [];
  private sockets = new Set<Duplex>();

  constructor(
    private deps: {
      resolveSession: (token: string | undefined) => Promise<SessionUser | null>;
      publicUrl: string | undefined;
      trustProxy: boolean;
      logger: Logger;
    },
  ) {}

  /** Registers a handler for upgrades whose path starts with prefix. */
  register(prefix: string, handler: UpgradeHandler): void {
    this.routes.push({ prefix, handler });
  }

  /** Starts listening on the server's upgrade event. */
  attach(server: Server): void {
    server.on("upgrade", (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      this.track(socket);
      void this.dispatch(req, socket, head).catch((error) => {
        this.deps.logger.error("upgrade failed", { error, url: req.url });
        refuse(socket, 500, "Internal Server Error");
      });
    });
  }

  // The socket's listeners live as long as the connection, so every socket shares the same two functions (the socket
  // is `this`): a closure per socket, or `once`'s wrapper, cost ~200 bytes per open connection (bench/live), and a
  // closure made next to the request kept the whole IncomingMessage alive (~2 KB each).
  private readonly untrack = ((sockets) =>
    function (this: Duplex) {
      sockets.delete(this);
    })(this.sockets);

  private track(socket: Duplex): void {
    this.sockets.add(socket);
    socket.on("close", this.untrack);
    socket.on("error", destroySocket);
  }

  /** Destroys every upgraded or pending socket (used on shutdown, after the handlers closed theirs). */
  destroyAll(): void {
    for (const s of this.sockets) s.destroy();
    this.sockets.clear();
  }

  private async dispatch(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const path = (req.url ?? "/").split("?")[0];
    const route = this.routes.find((r) => path === r.prefix || path.startsWith(r.prefix.endsWith("/") ? r.prefix : r.prefix + "/"));
    if (!route) return refuse(socket, 404, "Not Found");
    const origin = siteOrigin(req, this.deps.publicUrl, this.deps.trustProxy);
    if (!isSameOrigin(req, origin)) {
      this.deps.logger.warn("upgrade refused: foreign origin", { origin: req.headers.origin, path });
      return refuse(socket, 403, "Forbidden");
    }
    const user = await this.deps.resolveSession(parseCookies(req.headers.cookie)[SESSION_COOKIE]);
    if (socket.destroyed) return;
    route.handler(req, socket, head, { user, origin });
  }
}

function destroySocket(this: Duplex): void {
  this.destroy();
}

function refuse(socket: Duplex, status: number, text: string): void {
  if (socket.destroyed) return;
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  socket.destroy();
}
