import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../setup/test-server.js";

let app: TestServer;
const seen: { path: string; user: string | null }[] = [];

beforeAll(async () => {
  app = await startTestServer();
  // A probe endpoint: records what the dispatcher hands over, then answers like a refusing WebSocket server.
  app.services.upgrade.register("/probe", (req, socket, _head, ctx) => {
    seen.push({ path: req.url ?? "", user: ctx.user?.email ?? null });
    socket.end("HTTP/1.1 418 I'm a teapot\r\nContent-Length: 0\r\n\r\n");
  });
});
afterAll(async () => app?.stop());

/** Sends a raw upgrade request and returns the status line the server answers with ('' if it just closed). */
function rawUpgrade(path: string, headers: Record<string, string> = {}): Promise<string> {
  const { port } = new URL(app.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), "127.0.0.1", () => {
      const lines = [`GET ${path} HTTP/1.1`, `Host: localhost:${port}`, "Connection: Upgrade", "Upgrade: websocket", "Sec-WebSocket-Version: 13", "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ=="];
      for (const [k, v] of Object.entries(headers)) lines.push(`${k}: ${v}`);
      socket.write(lines.join("\r\n") + "\r\n\r\n");
    });
    let data = "";
    socket.on("data", (d) => (data += d.toString()));
    socket.on("close", () => resolve(data.split("\r\n")[0]));
    socket.on("error", reject);
  });
}

describe("upgrade dispatcher", () => {
  it("refuses upgrades to unknown paths", async () => {
    expect(await rawUpgrade("/nothing-here")).toBe("HTTP/1.1 404 Not Found");
  });

  it("refuses a foreign Origin before any handler runs", async () => {
    const before = seen.length;
    expect(await rawUpgrade("/probe/x", { Origin: "https://evil.example" })).toBe("HTTP/1.1 403 Forbidden");
    expect(seen.length).toBe(before);
  });

  it("routes by path and hands over the session's user", async () => {
    const { port } = new URL(app.url);
    expect(await rawUpgrade("/probe/doc", { Origin: `http://localhost:${port}` })).toBe("HTTP/1.1 418 I'm a teapot");
    const { userId } = await app.services.auth.register(
      { name: "Sonda", email: "sonda@example.pl", password: "haslo-sondy-12", affiliation: "other", cityId: null, position: null },
      { ip: "127.0.0.1", baseUrl: app.url },
    );
    const token = await app.services.auth.startSession(userId!, null);
    await rawUpgrade("/probe/doc2", { Cookie: `frl_session=${token}` });
    expect(seen.slice(-2)).toEqual([
      { path: "/probe/doc", user: null },
      { path: "/probe/doc2", user: "sonda@example.pl" },
    ]);
  });
});
