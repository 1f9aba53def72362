import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { io, type Socket } from "socket.io-client";
import { afterAll, describe, expect, it } from "vitest";
import { createTestDatabase, postgresUnavailableReason } from "../setup/postgres.js";
import { redisUnavailableReason, TEST_REDIS_URL } from "../setup/redis.js";
import { startTestServer, type Dialect } from "../setup/test-server.js";
import { connectAs, cookieFor, createLiveEvent, joinQa, next, ok, type LiveMessage } from "./live-support.js";

const dialects: Dialect[] = ["sqlite", "postgres"];
const pgSkip = await postgresUnavailableReason();
const REDIS_URL = TEST_REDIS_URL;

const redisSkip = await redisUnavailableReason();

/** A shared database for instances that must see the same data (one SQLite file, or one PostgreSQL database). */
async function sharedDatabase(dialect: Dialect): Promise<{ url: string; drop: () => Promise<void> }> {
  if (dialect === "postgres") return createTestDatabase();
  const dir = mkdtempSync(path.join(tmpdir(), "frl-live-db-"));
  return { url: `sqlite:${path.join(dir, "frl.db")}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
}

describe.each(dialects)("live rooms across restarts and instances (%s)", (dialect) => {
  const skip = dialect === "postgres" && pgSkip !== null;
  const cleanups: (() => Promise<void>)[] = [];
  const sockets: Socket[] = [];
  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    for (const c of cleanups.reverse()) await c();
  });

  it.skipIf(skip)("keeps messages and votes through a server restart; a connected client reconnects by itself", async () => {
    const shared = await sharedDatabase(dialect);
    cleanups.push(shared.drop);
    const dataDir = mkdtempSync(path.join(tmpdir(), "frl-live-data-"));
    cleanups.push(async () => rmSync(dataDir, { recursive: true, force: true }));
    const first = await startTestServer({ dialect, databaseUrl: shared.url, dataDir });
    const ev = await createLiveEvent(first);
    const a = await connectAs(first, "member");
    sockets.push(a);
    const qa = await joinQa(a, ev.id);
    const q = await ok<LiveMessage>(a, "message:send", { threadId: qa, body: "Czy to przetrwa restart?", kind: "question" });
    // Another city votes (one's own question takes no vote from its author).
    const voter = await connectAs(first, "kalisz");
    sockets.push(voter);
    await joinQa(voter, ev.id);
    await ok(voter, "message:vote", { messageId: q.id, value: 1 });
    const port = new URL(first.url).port;
    await first.stop();

    // Same port, so the client's own reconnection finds the new process.
    const second = await startTestServer({ dialect, databaseUrl: shared.url, dataDir, env: { PORT: port } });
    cleanups.push(() => second.stop());
    const fresh = await connectAs(second, null);
    sockets.push(fresh);
    await ok(fresh, "room:join", { eventId: ev.id });
    const backlog = await ok<{ messages: LiveMessage[] }>(fresh, "thread:join", { threadId: qa });
    expect(backlog.messages.find((m) => m.id === q.id)).toMatchObject({ body: "Czy to przetrwa restart?", votes: 1 });
    // The old client reconnects (its session cookie is in the database too) and posts again.
    await new Promise<void>((resolve) => (a.connected ? resolve() : a.once("connect", () => resolve())));
    await ok(a, "room:join", { eventId: ev.id });
    const again = await ok<LiveMessage>(a, "message:send", { threadId: qa, body: "Po restarcie", kind: "comment" });
    expect(again.id).toBeGreaterThan(q.id);
    expect(again.rev).toBeGreaterThan(q.rev);
  });

  it.skipIf(skip || redisSkip !== null)("two instances joined by the Redis streams adapter deliver, count presence and recover across", async () => {
    const shared = await sharedDatabase(dialect);
    cleanups.push(shared.drop);
    const env = { REDIS_URL, LIVE_REDIS_STREAM: `frl:live:test:${randomBytes(4).toString("hex")}` };
    const a = await startTestServer({ dialect, databaseUrl: shared.url, env });
    const b = await startTestServer({ dialect, databaseUrl: shared.url, env });
    cleanups.push(() => a.stop(), () => b.stop());
    const ev = await createLiveEvent(a);
    const onA = await connectAs(a, "member");
    const onB = await connectAs(b, "kalisz");
    sockets.push(onA, onB);
    const qa = await joinQa(onA, ev.id);
    await joinQa(onB, ev.id);

    const toB = next<LiveMessage>(onB, "message:new");
    const sentOnA = await ok<LiveMessage>(onA, "message:send", { threadId: qa, body: "Z instancji A", kind: "question" });
    expect((await toB).id).toBe(sentOnA.id);
    const toA = next<LiveMessage>(onA, "message:updated", (m) => m.id === sentOnA.id);
    await ok(onB, "message:vote", { messageId: sentOnA.id, value: 1 });
    expect((await toA).votes).toBe(1);
    await expect.poll(async () => (await ok<{ presence: { count: number } }>(onA, "room:join", { eventId: ev.id })).presence.count, { timeout: 5000 }).toBe(2);

    // A client dropped on A resumes on B with its recovery session (stored in Redis) and gets what it missed.
    const pid = (onA as unknown as { _pid: string })._pid;
    onA.io.reconnection(false);
    const gone = new Promise<void>((r) => onA.once("disconnect", () => r()));
    expect(a.services.live.dropTransport(onA.id!)).toBe(true);
    await gone;
    const offset = (onA as unknown as { _lastOffset: string })._lastOffset;
    const missed = await ok<LiveMessage>(onB, "message:send", { threadId: qa, body: "Kiedy cię nie było", kind: "comment" });
    // A browser would reconnect through the load balancer with the same pid/offset; here we point it at B.
    const resumed = io(`${b.url}/live`, { transports: ["websocket"], extraHeaders: { cookie: await cookieFor(a, "member") }, forceNew: true, autoConnect: false });
    Object.assign(resumed, { _pid: pid, _lastOffset: offset });
    sockets.push(resumed);
    resumed.connect();
    const got = next<LiveMessage>(resumed, "message:new", (m) => m.id === missed.id);
    await new Promise<void>((r) => resumed.once("connect", () => r()));
    expect(resumed.recovered).toBe(true);
    expect((await got).body).toBe("Kiedy cię nie było");
  });
});
