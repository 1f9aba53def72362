// Issue 10: an open /live socket keeps no rights its person lost (demoted, blocked, logged out, password reset or
// changed on another device), also when the change is made on another instance, and a socket recovered after a short
// drop is authorised again.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import type { Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deleteUserSessions } from "../../db/repositories/sessions.js";
import { updateRoleAndState } from "../../db/repositories/users.js";
import type { Ack, LiveMessage } from "../../server/live/protocol.js";
import { dialects } from "../setup/dialects.js";
import { signedIn, TestClient } from "../setup/http-client.js";
import { readMail } from "../setup/mail.js";
import { createTestDatabase } from "../setup/postgres.js";
import { redisUnavailableReason, TEST_REDIS_URL } from "../setup/redis.js";
import { startTestServer, type Dialect, type TestServer } from "../setup/test-server.js";
import { createPerson, liveSocket, revocation } from "./access-support.js";
import { call, connectAs, createLiveEvent, joinQa, next, ok } from "./live-support.js";

const redisSkip = await redisUnavailableReason();

async function askQuestion(app: TestServer, eventId: number, body: string): Promise<LiveMessage> {
  const asker = await connectAs(app, "ekspert");
  try {
    const qa = await joinQa(asker, eventId);
    return await ok<LiveMessage>(asker, "message:send", { threadId: qa, body, kind: "question" });
  } finally {
    asker.disconnect();
  }
}

/** Demotes or blocks through the admin screen, as an admin would. */
async function adminSets(app: TestServer, userId: number, role: "member" | "moderator", disabled = false): Promise<void> {
  const admin = await signedIn(app.url, "admin");
  await admin.get("/admin/uzytkownicy");
  const res = await admin.post("/admin/uzytkownicy", { userId: String(userId), role, ...(disabled ? { disabled: "on" } : {}) });
  expect(res.status).toBe(200);
}

describe.each(await dialects())("live sockets follow access changes (%s)", (dialect) => {
  let app: TestServer;
  const sockets: Socket[] = [];
  beforeAll(async () => {
    app = await startTestServer({ dialect });
  });
  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await app?.stop();
  });

  it("a moderator demoted in /admin/uzytkownicy can no longer moderate from the open socket, but may still post", async () => {
    const ev = await createLiveEvent(app);
    const mod = await createPerson(app, "moderator");
    const socket = await liveSocket(app.url, mod.cookie);
    sockets.push(socket);
    const qa = await joinQa(socket, ev.id);
    const q1 = await askQuestion(app, ev.id, "Pierwsze pytanie");
    await ok(socket, "message:moderate", { messageId: q1.id, action: "pin" });

    // The client is told to ask again what it may do (it re-joins on room:state).
    const told = next(socket, "room:state");
    await adminSets(app, mod.userId, "member");
    await told;
    const q2 = await askQuestion(app, ev.id, "Drugie pytanie");
    const refused = await call(socket, "message:moderate", { messageId: q2.id, action: "pin" });
    expect(refused).toMatchObject({ ok: false, error: { code: "forbidden" } });
    const join = await ok<{ me: { canModerate: boolean; canWrite: boolean } }>(socket, "room:join", { eventId: ev.id });
    expect(join.me).toMatchObject({ canModerate: false, canWrite: true });

    // Hidden texts no longer reach the demoted person's socket.
    const staff = await connectAs(app, "moderator");
    sockets.push(staff);
    await joinQa(staff, ev.id);
    const seen = next<LiveMessage>(socket, "message:updated", (m) => m.id === q2.id && m.hidden);
    await ok(staff, "message:moderate", { messageId: q2.id, action: "hide", reason: "test" });
    expect((await seen).body).toBe("");

    // Still a member: posting works.
    const posted = await ok<LiveMessage>(socket, "message:send", { threadId: qa, body: "Nadal mogę pisać", kind: "comment" });
    expect(posted.body).toBe("Nadal mogę pisać");
  });

  it("a blocked person's socket gets forbidden and is disconnected", async () => {
    const ev = await createLiveEvent(app);
    const person = await createPerson(app, "member");
    const socket = await liveSocket(app.url, person.cookie);
    sockets.push(socket);
    await joinQa(socket, ev.id);
    const gone = revocation(socket);
    await adminSets(app, person.userId, "member", true);
    const { revoked, reason } = await gone;
    expect(revoked?.error.code).toBe("forbidden");
    expect(revoked?.error.message).toMatch(/zablokowane|sesja/);
    expect(reason).toBe("io server disconnect");
  });

  it("logging out in the browser disconnects the sockets of that session only", async () => {
    const ev = await createLiveEvent(app);
    const person = await createPerson(app, "member");
    const browser = await person.client(app.url);
    const socket = await liveSocket(app.url, person.cookie);
    // Another device of the same person stays signed in.
    const other = await app.services.auth.login(person.email, "haslo-osoby-testowej-1", { ip: "127.0.0.1", userAgent: "drugie urządzenie" });
    const otherSocket = await liveSocket(app.url, `frl_session=${other.token}`);
    sockets.push(socket, otherSocket);
    const qa = await joinQa(socket, ev.id);
    await joinQa(otherSocket, ev.id);
    const gone = revocation(socket);
    expect((await browser.post("/logout", {})).status).toBe(302);
    const { revoked } = await gone;
    expect(revoked?.error.code).toBe("forbidden");
    await ok(otherSocket, "message:send", { threadId: qa, body: "Drugie urządzenie działa", kind: "comment" });
  });

  it("a password reset disconnects every socket of the account", async () => {
    const ev = await createLiveEvent(app);
    const person = await createPerson(app, "member");
    const other = await app.services.auth.login(person.email, "haslo-osoby-testowej-1", { ip: "127.0.0.1", userAgent: "drugie urządzenie" });
    const socketsOfPerson = [await liveSocket(app.url, person.cookie), await liveSocket(app.url, `frl_session=${other.token}`)];
    sockets.push(...socketsOfPerson);
    for (const s of socketsOfPerson) await joinQa(s, ev.id);
    const gone = socketsOfPerson.map((s) => revocation(s));

    const anon = new TestClient(app.url);
    await anon.post("/haslo/reset", { email: person.email });
    const link = new URL(/https?:\/\/\S+/.exec(readMail(app.dataDir).filter((m) => m.to === person.email).at(-1)!.text)![0]);
    const done = await anon.post("/haslo/nowe", { token: link.searchParams.get("token")!, newPassword: "zielony-rower-nad-warta" });
    expect(await done.text()).toContain("Hasło zostało ustawione.");
    for (const { revoked, reason } of await Promise.all(gone)) {
      expect(revoked?.error.code).toBe("forbidden");
      expect(reason).toBe("io server disconnect");
    }
  });

  it("changing the password in /konto disconnects the account's other sockets; this session's socket still posts", async () => {
    const ev = await createLiveEvent(app);
    const person = await createPerson(app, "member");
    const browser = await person.client(app.url);
    const other = await app.services.auth.login(person.email, "haslo-osoby-testowej-1", { ip: "127.0.0.1", userAgent: "drugie urządzenie" });
    const mine = await liveSocket(app.url, person.cookie);
    const elsewhere = await liveSocket(app.url, `frl_session=${other.token}`);
    sockets.push(mine, elsewhere);
    const qa = await joinQa(mine, ev.id);
    await joinQa(elsewhere, ev.id);
    const gone = revocation(elsewhere);

    const changed = await browser.post("/konto", { intent: "password", currentPassword: "haslo-osoby-testowej-1", newPassword: "zielony-rower-nad-warta" });
    expect(await changed.text()).toContain("Hasło zostało zmienione");
    const { revoked, reason } = await gone;
    expect(revoked?.error.code).toBe("forbidden");
    expect(reason).toBe("io server disconnect");
    const posted = await ok<LiveMessage>(mine, "message:send", { threadId: qa, body: "Ta sesja nadal działa", kind: "comment" });
    expect(posted.body).toBe("Ta sesja nadal działa");
    expect(mine.connected).toBe(true);
  });

  it("a socket recovered after a short drop is authorised again (demoted and logged out while away)", async () => {
    const ev = await createLiveEvent(app);
    const mod = await createPerson(app, "moderator");
    const socket = await liveSocket(app.url, mod.cookie);
    sockets.push(socket);
    await joinQa(socket, ev.id);
    const q = await askQuestion(app, ev.id, "Pytanie w czasie przerwy");

    // Away for a moment; meanwhile the role changes without anyone announcing it (as if the announcement was lost).
    socket.io.reconnection(false);
    const dropped = new Promise<void>((r) => socket.once("disconnect", () => r()));
    expect(app.services.live.dropTransport(socket.id!)).toBe(true);
    await dropped;
    await updateRoleAndState(app.services.db.db, mod.userId, "member", false);
    socket.io.reconnection(true);
    const back = new Promise<void>((r) => socket.once("connect", () => r()));
    socket.connect();
    await back;
    expect(socket.recovered).toBe(true);
    const refused = await call(socket, "message:moderate", { messageId: q.id, action: "pin" });
    expect(refused).toMatchObject({ ok: false, error: { code: "forbidden" } });

    // And once the session is gone, a recovered socket is turned away.
    socket.io.reconnection(false);
    const dropped2 = new Promise<void>((r) => socket.once("disconnect", () => r()));
    app.services.live.dropTransport(socket.id!);
    await dropped2;
    await deleteUserSessions(app.services.db.db, mod.userId);
    const gone = new Promise<{ error: { code: string } }>((r) => socket.once("access:revoked", r));
    socket.connect();
    expect((await gone).error.code).toBe("forbidden");
  });
});

/** A shared database for two instances (one SQLite file, or one PostgreSQL database). */
async function sharedDatabase(dialect: Dialect): Promise<{ url: string; drop: () => Promise<void> }> {
  if (dialect === "postgres") return createTestDatabase();
  const dir = mkdtempSync(path.join(tmpdir(), "frl-access-db-"));
  return { url: `sqlite:${path.join(dir, "frl.db")}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
}

describe.each(await dialects())("live access changes across instances through Redis (%s)", (dialect) => {
  const cleanups: (() => Promise<void>)[] = [];
  const sockets: Socket[] = [];
  let a: TestServer;
  let b: TestServer;
  beforeAll(async () => {
    if (redisSkip) return;
    const shared = await sharedDatabase(dialect);
    cleanups.push(shared.drop);
    const tag = randomBytes(4).toString("hex");
    const env = { REDIS_URL: TEST_REDIS_URL, LIVE_REDIS_STREAM: `frl:live:test:${tag}`, ACCESS_REDIS_CHANNEL: `frl:access:test:${tag}` };
    a = await startTestServer({ dialect, databaseUrl: shared.url, env });
    b = await startTestServer({ dialect, databaseUrl: shared.url, env });
    cleanups.push(() => a.stop(), () => b.stop());
  });
  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    for (const c of cleanups.reverse()) await c();
  });

  it.skipIf(redisSkip !== null)("demoting on instance A takes moderation from a socket on instance B; blocking on A disconnects B's socket", async () => {
    const ev = await createLiveEvent(a);
    const mod = await createPerson(a, "moderator");
    const member = await createPerson(a, "member");
    const modSocket = await liveSocket(b.url, mod.cookie);
    const memberSocket = await liveSocket(b.url, member.cookie);
    sockets.push(modSocket, memberSocket);
    await joinQa(modSocket, ev.id);
    await joinQa(memberSocket, ev.id);
    const q = await askQuestion(b, ev.id, "Pytanie z instancji B");

    const told = next(modSocket, "room:state");
    await adminSets(a, mod.userId, "member");
    await told;
    const refused: Ack = await call(modSocket, "message:moderate", { messageId: q.id, action: "pin" });
    expect(refused).toMatchObject({ ok: false, error: { code: "forbidden" } });

    const gone = revocation(memberSocket);
    await adminSets(a, member.userId, "member", true);
    expect((await gone).revoked?.error.code).toBe("forbidden");
  });
});
