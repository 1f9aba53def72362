// The /live event maps are typed on both ends: a payload of the wrong shape, an ack read as the wrong result or an
// event the server never emits fails `npm run typecheck` (these assertions are checked by tsc; at runtime they are
// no-ops), and every event the domain map names has a zod schema on the server.
import type { Socket as ClientSocket } from "socket.io-client";
import { describe, expect, expectTypeOf, it } from "vitest";
import type { Ack, ClientEvent, ClientToServerEvents, LiveMessage, RoomJoinResult, RoomState, ServerToClientEvents, VoteResult } from "../../domain/live-protocol.js";
import { clientSchemas } from "../../server/live/protocol.js";
import type { LiveSocket } from "../../server/live/socket-types.js";

type BrowserSocket = ClientSocket<ServerToClientEvents, ClientToServerEvents>;
type AckOf<E extends ClientEvent> = Parameters<Parameters<ClientToServerEvents[E]>[1]>[0];

describe("live event maps", () => {
  it("say what each client event carries and what its ack answers", () => {
    expectTypeOf<Parameters<ClientToServerEvents["message:send"]>[0]>().toEqualTypeOf<{ threadId: number; body: string; parentId?: number; kind: "comment" | "question" }>();
    expectTypeOf<AckOf<"room:join">>().toEqualTypeOf<Ack<RoomJoinResult>>();
    expectTypeOf<AckOf<"message:vote">>().toEqualTypeOf<Ack<VoteResult>>();
    expectTypeOf<AckOf<"room:control">>().toEqualTypeOf<Ack<RoomState>>();
  });

  it("hold on the server's sockets and the browser's alike", () => {
    const server = null as unknown as LiveSocket;
    const browser = null as unknown as BrowserSocket;
    const never = () => {
      server.emit("message:new", {} as LiveMessage);
      // @ts-expect-error the server emits no such event
      server.emit("message:created", {} as LiveMessage);
      // @ts-expect-error room:state carries the room, not a message
      server.emit("room:state", {} as LiveMessage);
      browser.emit("room:join", { eventId: 1 }, (r) => expectTypeOf(r).toEqualTypeOf<Ack<RoomJoinResult>>());
      // @ts-expect-error room:join needs the event id
      browser.emit("room:join", { threadId: 1 }, () => {});
      browser.on("presence:update", (p) => expectTypeOf(p.count).toBeNumber());
      // @ts-expect-error the browser listens only to what the server emits
      browser.on("presence:changed", () => {});
    };
    expect(typeof never).toBe("function");
  });

  it("have a zod schema on the server for every client event", () => {
    const events = { "room:join": 1, "room:leave": 1, "room:control": 1, "thread:create": 1, "thread:join": 1, "message:send": 1, "message:edit": 1, "message:delete": 1, "message:vote": 1, "message:moderate": 1, "participant:remove": 1, typing: 1 } satisfies Record<ClientEvent, 1>;
    expect(Object.keys(clientSchemas).sort()).toEqual(Object.keys(events).sort());
  });
});
