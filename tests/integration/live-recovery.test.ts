import type { Socket } from "socket.io-client";
import { afterAll, describe, expect, it } from "vitest";
import { emptyStore, mergeMessages } from "../../app/realtime/live-store.js";
import { postgresUnavailableReason } from "../setup/postgres.js";
import { startTestServer, type Dialect, type TestServer } from "../setup/test-server.js";
import { connectAs, createLiveEvent, joinQa, ok, type LiveMessage } from "./live-support.js";

const dialects: Dialect[] = ["sqlite", "postgres"];
const pgSkip = await postgresUnavailableReason();
const AWAY_MS = 30_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The server drops one client's connection and the client stays away 30 s while another person posts (and edits).
 * On return the client must end up with every missed message exactly once, by recovery or by the `since` cursor.
 */
async function dropAndReturn(app: TestServer, expectRecovered: boolean) {
  const ev = await createLiveEvent(app);
  const away = await connectAs(app, "member");
  const poster = await connectAs(app, "kalisz");
  const sockets: Socket[] = [away, poster];
  try {
    const qa = await joinQa(away, ev.id);
    await joinQa(poster, ev.id);
    let store = emptyStore();
    const raw = new Map<number, number>(); // message id -> deliveries of message:new
    away.on("message:new", (m: LiveMessage) => {
      raw.set(m.id, (raw.get(m.id) ?? 0) + 1);
      store = mergeMessages(store, [m]).store;
    });
    away.on("message:updated", (m: LiveMessage) => (store = mergeMessages(store, [m]).store));
    const before = await ok<LiveMessage>(poster, "message:send", { threadId: qa, body: "przed", kind: "comment" });
    await expect.poll(() => raw.get(before.id)).toBe(1);

    // The server cuts the transport; the client does not reconnect until we say so.
    away.io.reconnection(false);
    const gone = new Promise<void>((r) => away.once("disconnect", () => r()));
    expect(app.services.live.dropTransport(away.id!)).toBe(true);
    await gone;
    const leftAt = Date.now();

    const missed: LiveMessage[] = [];
    for (let i = 0; i < 6; i++) {
      missed.push(await ok<LiveMessage>(poster, "message:send", { threadId: qa, body: `w czasie przerwy ${i}`, kind: i % 2 ? "question" : "comment" }));
      await sleep(AWAY_MS / 7);
    }
    const edited = await ok<LiveMessage>(poster, "message:edit", { messageId: missed[0].id, body: "poprawione w czasie przerwy" });
    // Timers may fire a millisecond early against the wall clock: wait until the full time has really passed.
    while (Date.now() - leftAt < AWAY_MS) await sleep(AWAY_MS - (Date.now() - leftAt) + 1);
    expect(Date.now() - leftAt).toBeGreaterThanOrEqual(AWAY_MS);

    away.io.reconnection(true);
    const back = new Promise<void>((r) => away.once("connect", () => r()));
    away.connect();
    await back;
    expect(away.recovered).toBe(expectRecovered);
    if (!away.recovered) {
      // Long drop: the app's path is room:join again, then thread:join with the cursor it holds.
      await ok(away, "room:join", { eventId: ev.id });
      const page = await ok<{ messages: LiveMessage[] }>(away, "thread:join", { threadId: qa, since: store.cursor });
      for (const m of page.messages) raw.set(m.id, (raw.get(m.id) ?? 0) + 1);
      store = mergeMessages(store, page.messages).store;
    }
    const after = await ok<LiveMessage>(poster, "message:send", { threadId: qa, body: "po powrocie", kind: "comment" });
    await expect.poll(() => raw.get(after.id)).toBe(1);

    for (const m of missed) expect(raw.get(m.id), `message ${m.id}`).toBe(1);
    expect(raw.get(before.id)).toBe(1);
    expect(store.byId.get(missed[0].id)?.body).toBe(edited.body);
    expect([...store.byId.keys()].sort((a, b) => a - b)).toEqual([before, ...missed, after].map((m) => m.id));
  } finally {
    for (const s of sockets) s.disconnect();
  }
}

describe.each(dialects)("live reconnection (%s)", (dialect) => {
  const skip = dialect === "postgres" && pgSkip !== null;
  const servers: TestServer[] = [];
  afterAll(async () => {
    for (const s of servers) await s.stop();
  });

  it.skipIf(skip)(
    "a client the server cut off for 30 s gets every missed message exactly once (recovery, and the since cursor past the window)",
    async () => {
      const withRecovery = await startTestServer({ dialect });
      const shortWindow = await startTestServer({ dialect, env: { LIVE_RECOVERY_MS: "5000" } });
      servers.push(withRecovery, shortWindow);
      await Promise.all([dropAndReturn(withRecovery, true), dropAndReturn(shortWindow, false)]);
    },
    90_000,
  );
});
