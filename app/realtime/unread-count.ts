import { useEffect, useState } from "react";
import type { Socket } from "socket.io-client";
import type { NotificationClientEvents, NotificationServerEvents } from "../../domain/notification-protocol";

/**
 * The signed-in person's unread notification count: the server-rendered value, then whatever the /powiadomienia
 * socket.io namespace pushes (a new notification, or one read on another tab). Anonymous pages open no connection.
 */
export function useUnreadCount(initial: number, signedIn: boolean): number {
  const [count, setCount] = useState(initial);
  useEffect(() => setCount(initial), [initial]);
  useEffect(() => {
    if (!signedIn) return;
    let cancelled = false;
    let socket: Socket<NotificationServerEvents, NotificationClientEvents> | null = null;
    void import("socket.io-client").then(({ io }) => {
      if (cancelled) return;
      socket = io("/powiadomienia", { transports: ["websocket", "polling"], withCredentials: true });
      socket.on("unread", (n) => {
        if (Number.isInteger(n) && n >= 0) setCount(n);
      });
    });
    return () => {
      cancelled = true;
      socket?.disconnect();
    };
  }, [signedIn]);
  return count;
}
