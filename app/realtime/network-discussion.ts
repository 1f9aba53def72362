import { useEffect, useState } from "react";
import type { Socket } from "socket.io-client";
import type { NetworkClientEvents, NetworkPostEvent, NetworkServerEvents } from "../../domain/network-live-protocol";

/**
 * New threads and replies of one network's discussion, as the /sieci socket.io namespace pushes them to a member's
 * open network page (the server lets the socket into the network's room only after the permission check). `revoked`
 * turns true when the person is no longer a member (their city left the network, they signed out).
 */
export function useNetworkDiscussion(networkId: number, enabled: boolean): { events: NetworkPostEvent[]; revoked: boolean; joined: boolean } {
  const [events, setEvents] = useState<NetworkPostEvent[]>([]);
  const [revoked, setRevoked] = useState(false);
  const [joined, setJoined] = useState(false);
  useEffect(() => {
    if (!enabled) return;
    let cancelled = false;
    let socket: Socket<NetworkServerEvents, NetworkClientEvents> | null = null;
    void import("socket.io-client").then(({ io }) => {
      if (cancelled) return;
      const s: Socket<NetworkServerEvents, NetworkClientEvents> = io("/sieci", { transports: ["websocket", "polling"], withCredentials: true });
      socket = s;
      // Joined again after every reconnect: the server re-checks membership each time.
      s.on("connect", () =>
        s.emit("network:join", { networkId }, (res) => {
          setRevoked(!res.ok);
          setJoined(res.ok);
        }),
      );
      s.on("disconnect", () => setJoined(false));
      s.on("network:post", (e) => {
        if (e.networkId !== networkId) return;
        setEvents((prev) => (prev.some((p) => p.post.id === e.post.id) ? prev : [...prev, e]));
      });
      s.on("network:revoked", (p) => {
        if (p.networkId !== networkId) return;
      setRevoked(true);
      setJoined(false);
      });
    });
    return () => {
      cancelled = true;
      socket?.disconnect();
    };
  }, [networkId, enabled]);
  return { events, revoked, joined };
}
