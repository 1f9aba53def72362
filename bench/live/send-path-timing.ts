// Server-side timing for bench/live, installed the same way in both bench servers (bare socket.io and the app) before
// either creates its sockets: prototype hooks at the two ends of the send path, so neither server's code is changed.
// - received: engine.io hands an incoming packet to socket.io (Socket#onPacket), before any parsing or handler;
// - written: the emit of that message to the room has returned (socket.io encodes once and writes the frame to
//   every connection whose transport is writable) and every connection that still had it queued behind an earlier
//   write has drained it (engine.io's "drain": the packets were handed to the socket).
// Messages are matched by the sequence number the bench puts in the body ("bench <seq> <sent at>").
import { Socket as EngineSocket } from "engine.io";
import { Server } from "socket.io";

const BODY = /"bench (\d+) /;
const receivedAt = new Map<number, number>();
const sendPathMs: number[] = [];

type Queued = { writeBuffer: unknown[]; once: (event: "drain", fn: () => void) => void };
type Broadcaster = { emit: (event: string, ...args: unknown[]) => boolean; adapter: { nsp: { sockets: Map<string, { conn: Queued }> } } };

export function installSendPathTiming(): void {
  type Packet = { type: string; data?: unknown };
  const engineProto = EngineSocket.prototype as unknown as { onPacket: (this: EngineSocket, packet: Packet) => void };
  const onPacket = engineProto.onPacket;
  engineProto.onPacket = function (this: EngineSocket, packet: Packet) {
    if (packet.type === "message" && typeof packet.data === "string") {
      const m = BODY.exec(packet.data);
      if (m) receivedAt.set(Number(m[1]), performance.now());
    }
    return onPacket.call(this, packet);
  };

  // BroadcastOperator is not exported; take its prototype from a throwaway server's `to()`.
  const probe = new Server();
  const proto = Object.getPrototypeOf(probe.to("probe")) as Broadcaster;
  // Never attached to a port or an engine: nothing to close.
  const emit = proto.emit;
  proto.emit = function (this: Broadcaster, event: string, ...args: unknown[]) {
    const body = (args[0] as { body?: unknown } | undefined)?.body;
    const seq = event === "message:new" && typeof body === "string" && body.startsWith("bench ") ? Number(body.split(" ")[1]) : NaN;
    const started = receivedAt.get(seq);
    const result = emit.call(this, event, ...args);
    if (started === undefined) return result;
    receivedAt.delete(seq);
    let waiting = 0;
    let last = performance.now();
    const done = () => {
      last = performance.now();
      if (--waiting === 0) sendPathMs.push(last - started);
    };
    for (const s of this.adapter.nsp.sockets.values()) {
      if (s.conn.writeBuffer.length === 0) continue;
      waiting += 1;
      s.conn.once("drain", done);
    }
    if (waiting === 0) sendPathMs.push(last - started);
    return result;
  };
}

/** Send-path times recorded since the last call (ms), then forgets them. */
export function takeSendPathTimes(): number[] {
  return sendPathMs.splice(0, sendPathMs.length);
}
