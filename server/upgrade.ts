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

  // The socket's listeners live as long as the connection; created here, their closure holds the socket only (created
  // next to the request, it kept the whole IncomingMessage alive for every open connection: ~2 KB each).
  private track(socket: Duplex): void {
    this.sockets.add(socket);
    socket.once("close", () => this.sockets.delete(socket));
    socket.on("error", () => socket.destroy());
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

function refuse(socket: Duplex, status: number, text: string): void {
  if (socket.destroyed) return;
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  socket.destroy();
}
