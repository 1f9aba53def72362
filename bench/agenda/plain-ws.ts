// The baseline's server: a plain @y/websocket-server 0.1.1 (setupWSConnection, in-memory docs, no auth, no
// persistence) on its own port, announced to the bench runner once it listens.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { setupWSConnection } from "@y/websocket-server/utils";
import { WebSocketServer } from "ws";
import { serveStats, type ServerReady } from "./server-stats.js";

export function servePlain(docCount: number): void {
  const server = createServer((_req, res) => res.writeHead(404).end());
  const wss = new WebSocketServer({ noServer: true });
  server.on("upgrade", (req, socket, head) => {
    const docName = decodeURIComponent((req.url ?? "").split("?")[0].replace(/^\/collab\//, ""));
    wss.handleUpgrade(req, socket, head, (ws) => setupWSConnection(ws, req, { docName }));
  });
  server.listen(0, "127.0.0.1", () => {
    serveStats();
    const ready: ServerReady = { port: (server.address() as AddressInfo).port, cookie: "", cookies: [], userIds: Array.from({ length: 50 }, (_, i) => i + 1), docNames: Array.from({ length: docCount }, (_, i) => `agenda:${i + 1}`) };
    process.send?.({ ready });
  });
  process.on("disconnect", () => process.exit(0));
}
