import type { Namespace, Server } from "socket.io";
import type { NotificationClientEvents, NotificationServerEvents } from "../../domain/notification-protocol.js";
import { parseCookies, SESSION_COOKIE } from "../auth/cookies.js";
import type { AuthService } from "../auth/auth-service.js";
import type { Logger } from "../logger.js";
import type { NotificationService } from "./notification-service.js";

type NotificationSocketData = { userId: number };
/** The /powiadomienia namespace, typed by its event maps in domain/. */
export type NotificationNamespace = Namespace<NotificationClientEvents, NotificationServerEvents, Record<string, never>, NotificationSocketData>;

/**
 * socket.io namespace /powiadomienia on the live hub's server: the header's unread count, pushed to every open page of
 * the person. Same session check as /live (the cookie, resolved on connect); anonymous sockets are refused. With the
 * Redis adapter a change on one instance reaches pages connected to another.
 */
export function registerNotificationNamespace(io: Server, deps: { auth: Pick<AuthService, "resolve">; notifications: NotificationService; logger: Logger }) {
  // The live hub's server is typed for /live; this namespace speaks its own event maps (domain/notification-protocol.ts).
  const nsp = io.of("/powiadomienia") as unknown as NotificationNamespace;
  nsp.use((socket, next) => {
    deps.auth
      .resolve(parseCookies(socket.request.headers.cookie)[SESSION_COOKIE])
      .then((u) => {
        if (!u) return next(new Error("unauthorized"));
        socket.data = { userId: u.id };
        next();
      })
      .catch((error) => {
        deps.logger.error("notifications socket auth failed", { error });
        next(new Error("server_error"));
      });
  });
  nsp.on("connection", (socket) => {
    const userId = socket.data.userId;
    void socket.join(`user:${userId}`);
    // The page may have been rendered a while ago: send the count as it is now.
    deps.notifications
      .unreadCount(userId)
      .then((n) => socket.emit("unread", n))
      .catch(() => {});
  });
  deps.notifications.onUnreadChange((userId, unread) => nsp.to(`user:${userId}`).emit("unread", unread));
  return nsp;
}
