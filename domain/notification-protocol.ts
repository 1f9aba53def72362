// The /powiadomienia socket.io namespace (issue 15): the header's unread count, pushed to every open page of the
// signed-in person. Shared by the server (server/notifications/notification-socket.ts) and the browser
// (app/realtime/unread-count.ts), so an event renamed or reshaped on one end fails the typecheck on the other.

/** The browser only listens: it sends nothing on this namespace. */
export type NotificationClientEvents = Record<string, never>;

export type NotificationServerEvents = {
  /** How many of the person's notifications are unread, now (on connect, and after each change on any instance). */
  unread: (count: number) => void;
};
