// The /powiadomienia and /sieci event maps live in domain/ and type both ends: the server's namespace and the browser's
// socket. A payload of the wrong shape or an event the other end never sends fails `npm run typecheck` (these
// assertions are checked by tsc; at runtime they are no-ops).
import type { Socket as ClientSocket } from "socket.io-client";
import { describe, expect, expectTypeOf, it } from "vitest";
import type { NetworkClientEvents, NetworkJoinAck, NetworkPostEvent, NetworkServerEvents } from "../../domain/network-live-protocol.js";
import type { NotificationClientEvents, NotificationServerEvents } from "../../domain/notification-protocol.js";
import type { NotificationNamespace } from "../../server/notifications/notification-socket.js";

type UnreadBrowser = ClientSocket<NotificationServerEvents, NotificationClientEvents>;
type NetworkBrowser = ClientSocket<NetworkServerEvents, NetworkClientEvents>;

describe("socket.io event maps of /powiadomienia and /sieci", () => {
  it("say what the unread count and a network's events carry", () => {
    expectTypeOf<Parameters<NotificationServerEvents["unread"]>[0]>().toEqualTypeOf<number>();
    expectTypeOf<Parameters<NetworkServerEvents["network:post"]>[0]>().toEqualTypeOf<NetworkPostEvent>();
    expectTypeOf<Parameters<Parameters<NetworkClientEvents["network:join"]>[1]>[0]>().toEqualTypeOf<NetworkJoinAck>();
  });

  it("hold on the server's namespace and the browser's socket alike", () => {
    const server = null as unknown as NotificationNamespace;
    const unread = null as unknown as UnreadBrowser;
    const network = null as unknown as NetworkBrowser;
    const never = () => {
      server.to("user:1").emit("unread", 3);
      // @ts-expect-error the count is a number
      server.to("user:1").emit("unread", "3");
      // @ts-expect-error the server emits no such event on /powiadomienia
      server.emit("notifications:unread", 3);
      unread.on("unread", (n) => expectTypeOf(n).toBeNumber());
      // @ts-expect-error the browser listens only to what the server emits
      unread.on("count", () => {});
      // @ts-expect-error the browser sends nothing on /powiadomienia
      unread.emit("read", 1);
      network.emit("network:join", { networkId: 1 }, (r) => expectTypeOf(r).toEqualTypeOf<NetworkJoinAck>());
      // @ts-expect-error network:join needs the network id
      network.emit("network:join", { slug: "x" }, () => {});
      network.on("network:revoked", (p) => expectTypeOf(p.networkId).toBeNumber());
    };
    expect(typeof never).toBe("function");
  });
});
