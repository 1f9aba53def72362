// Bench child: the baseline, a bare socket.io 4.8 server that acknowledges and broadcasts with nothing else around it.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Server } from "socket.io";
import { serveBenchControl } from "./child-control.js";
import { installSendPathTiming } from "./send-path-timing.js";

installSendPathTiming();

const http = createServer();
const io = new Server(http, { serveClient: false });
const nsp = io.of("/live");
let seq = 0;
nsp.on("connection", (socket) => {
  socket.on("room:join", (p: { eventId: number }, ack: (a: unknown) => void) => {
    void socket.join(`event:${p.eventId}`);
    ack({ ok: true, data: null });
  });
  socket.on("message:send", (p: { threadId: number; body: string; kind: string }, ack: (a: unknown) => void) => {
    // Same shape and size as the app's LiveMessage, so both servers encode comparable packets.
    const m = { id: ++seq, eventId: 1, threadId: p.threadId, parentId: null, kind: p.kind, body: p.body, rev: seq, votes: 0, pinned: false, answered: false, answer: null, hidden: false, hiddenReason: null, edited: false, deleted: false, createdAt: new Date().toISOString(), author: { id: 1, name: "Bench 0", city: null } };
    nsp.to("event:1").emit("message:new", m);
    ack({ ok: true, data: m });
  });
});
http.listen(0, "127.0.0.1", () => {
  const port = (http.address() as AddressInfo).port;
  serveBenchControl({ url: `http://127.0.0.1:${port}`, eventId: 1, threadId: 1, cookies: [] }, async () => {
    await io.close();
  });
});
