// Compression (issue 16): pages, JSON and hashed assets go out gzip- or brotli-compressed when the client says it
// accepts that, and uncompressed (identity) when it does not; hashed assets keep their immutable caching, and
// socket.io's polling transport still answers; the CSRF token is masked afresh on every page, so compressed sizes
// cannot reveal it (BREACH). HTTP-level only, so one dialect (SQLite) is enough here.
import { request as httpRequest } from "node:http";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestClient } from "../setup/http-client.js";
import { startTestServer, type TestServer } from "../setup/test-server.js";

type Raw = { status: number; headers: Record<string, string | string[] | undefined>; body: Buffer };

/** node:http, because fetch always asks for and silently undoes compression. */
function get(base: string, path: string, headers: Record<string, string> = {}): Promise<Raw> {
  const url = new URL(path, base);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: url.hostname, port: url.port, path: url.pathname + url.search, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("compression", () => {
  let app: TestServer;
  let scriptPath = "";
  beforeAll(async () => {
    app = await startTestServer();
    // A hashed script the page loads, big enough to be worth compressing (tiny ones stay plain below 1 KB).
    const page = (await get(app.url, "/biblioteka")).body.toString("utf8");
    const scripts = [...new Set([...page.matchAll(/"(\/build\/[^"]+\.js)"/g)].map((m) => m[1]))];
    for (const script of scripts) if (!scriptPath && (await get(app.url, script)).body.length > 4096) scriptPath = script;
  });
  afterAll(async () => {
    await app?.stop();
  });

  it("sends the library page gzip-compressed to a client that accepts gzip, and plain to one that does not", async () => {
    const zipped = await get(app.url, "/biblioteka", { "Accept-Encoding": "gzip" });
    expect(zipped.status).toBe(200);
    expect(zipped.headers["content-encoding"]).toBe("gzip");
    expect(zipped.headers.vary).toMatch(/Accept-Encoding/i);
    expect(gunzipSync(zipped.body).toString("utf8")).toContain("<h1");

    const plain = await get(app.url, "/biblioteka");
    expect(plain.status).toBe(200);
    expect(plain.headers["content-encoding"] ?? "identity").toBe("identity");
    expect(plain.body.toString("utf8")).toContain("<h1");
  });

  it("compresses hashed JavaScript and keeps it cached as immutable", async () => {
    const zipped = await get(app.url, scriptPath, { "Accept-Encoding": "gzip" });
    expect(zipped.status).toBe(200);
    expect(zipped.headers["content-encoding"]).toBe("gzip");
    expect(zipped.headers["cache-control"]).toMatch(/immutable/);
    const plain = await get(app.url, scriptPath);
    expect(plain.headers["content-encoding"] ?? "identity").toBe("identity");
    expect(gunzipSync(zipped.body).equals(plain.body)).toBe(true);
  });

  it("prefers brotli when offered, for pages and JSON alike", async () => {
    const page = await get(app.url, "/", { "Accept-Encoding": "gzip, deflate, br" });
    expect(page.headers["content-encoding"]).toBe("br");
    expect(brotliDecompressSync(page.body).toString("utf8")).toContain("<html");
    const json = await get(app.url, "/api/search?q=rewitalizacja", { "Accept-Encoding": "gzip" });
    expect(json.status).toBe(200);
    expect(json.headers["content-encoding"]).toBe("gzip");
    expect(() => JSON.parse(gunzipSync(json.body).toString("utf8"))).not.toThrow();
  });

  it("leaves socket.io's polling handshake working", async () => {
    const res = await get(app.url, "/socket.io/?EIO=4&transport=polling", { "Accept-Encoding": "gzip" });
    expect(res.status).toBe(200);
    const body = res.headers["content-encoding"] === "gzip" ? gunzipSync(res.body) : res.body;
    expect(body.toString("utf8")).toMatch(/^0\{"sid"/);
  });

  it("masks the CSRF token afresh on every page, and accepts each masked form of it", async () => {
    const client = new TestClient(app.url);
    await client.get("/login");
    const first = client.csrf;
    await client.get("/login");
    const second = client.csrf;
    expect(first).not.toBe(second);
    // The older token still works: a wrong password gets its own answer, not the CSRF refusal.
    const res = await client.post("/login", { email: "member@frl.test", password: "not-the-password" }, { csrf: first });
    expect(res.status).toBe(401);
    const forged = await client.post("/login", { email: "member@frl.test", password: "not-the-password" }, { csrf: first.slice(0, -4) + "AAAA" });
    expect(forged.status).toBe(403);
  });
});
