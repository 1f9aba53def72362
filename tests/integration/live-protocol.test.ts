import type { Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postgresUnavailableReason } from "../setup/postgres.js";
import { startTestServer, type Dialect, type TestServer } from "../setup/test-server.js";
import { call, connectAs, createLiveEvent, joinQa, next, ok, type LiveMessage } from "./live-support.js";

const dialects: Dialect[] = ["sqlite", "postgres"];
const pgSkip = await postgresUnavailableReason();

describe.each(dialects)("live protocol (%s)", (dialect) => {
  const skip = dialect === "postgres" && pgSkip !== null;
  let app: TestServer;
  const open: Socket[] = [];
  const connect = async (...args: Parameters<typeof connectAs>) => {
    const s = await connectAs(...args);
    open.push(s);
    return s;
  };

  beforeAll(async () => {
    if (!skip) app = await startTestServer({ dialect });
  });
  afterAll(async () => {
    for (const s of open) s.disconnect();
    await app?.stop();
  });

  it.skipIf(skip)("acknowledges a committed message and broadcasts it to others", async () => {
    const ev = await createLiveEvent(app);
    const a = await connect(app, "member");
    const b = await connect(app, "kalisz");
    const anon = await connect(app, null);
    const qa = await joinQa(a, ev.id);
    await joinQa(b, ev.id);
    await joinQa(anon, ev.id);
    const seenByB = next<LiveMessage>(b, "message:new");
    const seenByAnon = next<LiveMessage>(anon, "message:new");
    const ack = await call<LiveMessage>(a, "message:send", { threadId: qa, body: "Jak finansować <b>rewitalizację</b>?", kind: "question" });
    expect(ack.ok).toBe(true);
    const sent = (ack as { data: LiveMessage }).data;
    expect(sent).toMatchObject({ threadId: qa, kind: "question", body: "Jak finansować <b>rewitalizację</b>?", author: { name: "Maria Członkini", city: "Dzierżoniów" } });
    expect((await seenByB).id).toBe(sent.id);
    expect((await seenByAnon).id).toBe(sent.id);
    // Committed before the ack: a fresh join sees it.
    const c = await connect(app, null);
    await ok(c, "room:join", { eventId: ev.id });
    const backlog = await ok<{ messages: LiveMessage[] }>(c, "thread:join", { threadId: qa });
    expect(backlog.messages.map((m) => m.id)).toContain(sent.id);
    // Ids and revisions only grow within the event.
    const second = await ok<LiveMessage>(b, "message:send", { threadId: qa, body: "Drugie", kind: "comment" });
    expect(second.id).toBeGreaterThan(sent.id);
    expect(second.rev).toBeGreaterThan(sent.rev);
  });

  it.skipIf(skip)("anonymous people read but cannot write; onsite events have no room", async () => {
    const ev = await createLiveEvent(app);
    const anon = await connect(app, null);
    const qa = await joinQa(anon, ev.id);
    const r = await call(anon, "message:send", { threadId: qa, body: "hej", kind: "comment" });
    expect(r).toMatchObject({ ok: false, error: { code: "unauthenticated" } });
    const onsite = await createLiveEvent(app, { format: "onsite" });
    expect(await call(anon, "room:join", { eventId: onsite.id })).toMatchObject({ ok: false, error: { code: "not_found" } });
  });

  it.skipIf(skip)("counts one vote per person, revocable, idempotent", async () => {
    const ev = await createLiveEvent(app);
    const asker = await connect(app, "member");
    const voter = await connect(app, "kalisz");
    const qa = await joinQa(asker, ev.id);
    await joinQa(voter, ev.id);
    const q = await ok<LiveMessage>(asker, "message:send", { threadId: qa, body: "Pytanie?", kind: "question" });
    const v1 = await ok<{ message: LiveMessage }>(voter, "message:vote", { messageId: q.id, value: 1 });
    const v2 = await ok<{ message: LiveMessage }>(voter, "message:vote", { messageId: q.id, value: 1 });
    expect(v1.message.votes).toBe(1);
    expect(v2.message.votes).toBe(1);
    expect(v2.message.rev).toBe(v1.message.rev); // nothing changed, nothing re-broadcast
    // Nobody lifts their own question: the server refuses in words, the count stays.
    expect(await call(asker, "message:vote", { messageId: q.id, value: 1 })).toMatchObject({ ok: false, error: { code: "bad_request", message: "Nie można głosować na własne pytanie." } });
    const joined = await ok<{ myVotes: number[] }>(voter, "thread:join", { threadId: qa });
    expect(joined.myVotes).toEqual([q.id]);
    expect((await ok<{ myVotes: number[] }>(asker, "thread:join", { threadId: qa })).myVotes).toEqual([]);
    const back = await ok<{ message: LiveMessage }>(voter, "message:vote", { messageId: q.id, value: 0 });
    expect(back.message.votes).toBe(0);
    const again = await ok<{ message: LiveMessage }>(voter, "message:vote", { messageId: q.id, value: 0 });
    expect(again.message.votes).toBe(0);
    const comment = await ok<LiveMessage>(asker, "message:send", { threadId: qa, body: "komentarz", kind: "comment" });
    expect(await call(voter, "message:vote", { messageId: comment.id, value: 1 })).toMatchObject({ ok: false, error: { code: "bad_request" } });
  });

  it.skipIf(skip)("moderation follows the permission matrix (anonymous, member, moderator, admin)", async () => {
    const ev = await createLiveEvent(app);
    const author = await connect(app, "ekspert");
    const qa = await joinQa(author, ev.id);
    const expected = { null: "unauthenticated", member: "forbidden", moderator: "ok", admin: "ok" } as const;
    for (const who of [null, "member", "moderator", "admin"] as const) {
      const s = await connect(app, who);
      await joinQa(s, ev.id);
      const q = await ok<LiveMessage>(author, "message:send", { threadId: qa, body: `Pytanie dla ${who}`, kind: "question" });
      for (const [action, extra] of [["answer", { answer: "Tak." }], ["pin", {}], ["unpin", {}], ["hide", { reason: "Poza tematem" }]] as const) {
        const r = await call<LiveMessage>(s, "message:moderate", { messageId: q.id, action, ...extra });
        if (expected[String(who) as keyof typeof expected] === "ok") expect(r.ok, `${who} ${action}`).toBe(true);
        else expect(r, `${who} ${action}`).toMatchObject({ ok: false, error: { code: expected[String(who) as keyof typeof expected] } });
      }
      for (const [event, payload] of [
        ["room:control", { eventId: ev.id, action: "open" }],
        ["thread:create", { eventId: ev.id, title: `Sesja ${who}` }],
      ] as const) {
        const r = await call(s, event, payload);
        if (expected[String(who) as keyof typeof expected] === "ok") expect(r.ok, `${who} ${event}`).toBe(true);
        else expect(r, `${who} ${event}`).toMatchObject({ ok: false, error: { code: expected[String(who) as keyof typeof expected] } });
      }
    }
    // Hidden text reaches moderators only.
    const mod = await connect(app, "moderator");
    const anon = await connect(app, null);
    await joinQa(mod, ev.id);
    await joinQa(anon, ev.id);
    const q = await ok<LiveMessage>(author, "message:send", { threadId: qa, body: "Spam spam", kind: "question" });
    const anonSees = next<LiveMessage>(anon, "message:updated", (m) => m.id === q.id);
    const modSees = next<LiveMessage>(mod, "message:updated", (m) => m.id === q.id);
    await ok(mod, "message:moderate", { messageId: q.id, action: "hide", reason: "Spam" });
    expect(await anonSees).toMatchObject({ hidden: true, body: "", hiddenReason: "Spam" });
    expect(await modSees).toMatchObject({ hidden: true, body: "Spam spam" });
  });

  it.skipIf(skip)("a moderator removes a participant, who can no longer write or rejoin", async () => {
    const ev = await createLiveEvent(app);
    const mod = await connect(app, "moderator");
    const bad = await connect(app, "kalisz");
    const qa = await joinQa(mod, ev.id);
    await joinQa(bad, ev.id);
    const me = await ok<{ me: { user: { id: number } } }>(bad, "room:join", { eventId: ev.id });
    const notice = next<{ removed?: boolean }>(bad, "room:state", (s) => s.removed === true);
    await ok(mod, "participant:remove", { eventId: ev.id, userId: me.me.user.id, reason: "Obraźliwe wpisy" });
    await notice;
    expect(await call(bad, "message:send", { threadId: qa, body: "jeszcze raz", kind: "comment" })).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect(await call(bad, "room:join", { eventId: ev.id })).toMatchObject({ ok: false, error: { code: "forbidden" } });
  });

  it.skipIf(skip)("closed and not-yet-open rooms refuse members but not moderators; archives refuse everyone", async () => {
    const later = await createLiveEvent(app, { startsInMs: 3 * 3600_000 });
    const member = await connect(app, "member");
    const mod = await connect(app, "moderator");
    const qa = await joinQa(member, later.id);
    await joinQa(mod, later.id);
    expect(await call(member, "message:send", { threadId: qa, body: "za wcześnie", kind: "comment" })).toMatchObject({ ok: false, error: { code: "room_closed" } });
    expect((await call(mod, "message:send", { threadId: qa, body: "Witamy wkrótce", kind: "comment" })).ok).toBe(true);
    const opened = next<{ status: string }>(member, "room:state");
    await ok(mod, "room:control", { eventId: later.id, action: "open" });
    expect((await opened).status).toBe("open");
    expect((await call(member, "message:send", { threadId: qa, body: "teraz można", kind: "comment" })).ok).toBe(true);
    const past = await createLiveEvent(app, { startsInMs: -5 * 3600_000, durationMs: 3600_000 });
    const qaPast = await joinQa(mod, past.id);
    expect(await call(mod, "message:send", { threadId: qaPast, body: "archiwum", kind: "comment" })).toMatchObject({ ok: false, error: { code: "room_closed" } });
  });

  it.skipIf(skip)("replies go one level deep; authors edit within the window and delete their own", async () => {
    const ev = await createLiveEvent(app);
    const a = await connect(app, "member");
    const b = await connect(app, "kalisz");
    const qa = await joinQa(a, ev.id);
    await joinQa(b, ev.id);
    const root = await ok<LiveMessage>(a, "message:send", { threadId: qa, body: "Główny", kind: "question" });
    const reply = await ok<LiveMessage>(b, "message:send", { threadId: qa, body: "Odpowiedź", kind: "question", parentId: root.id });
    expect(reply).toMatchObject({ parentId: root.id, kind: "comment" });
    expect(await call(a, "message:send", { threadId: qa, body: "Za głęboko", kind: "comment", parentId: reply.id })).toMatchObject({ ok: false, error: { code: "bad_request" } });
    expect(await call(b, "message:edit", { messageId: root.id, body: "cudze" })).toMatchObject({ ok: false, error: { code: "forbidden" } });
    const edited = await ok<LiveMessage>(a, "message:edit", { messageId: root.id, body: "Główny (poprawiony)" });
    expect(edited).toMatchObject({ body: "Główny (poprawiony)", edited: true });
    expect(await call(b, "message:delete", { messageId: root.id })).toMatchObject({ ok: false, error: { code: "forbidden" } });
    const seen = next<LiveMessage>(b, "message:updated", (m) => m.id === root.id);
    await ok(a, "message:delete", { messageId: root.id });
    expect(await seen).toMatchObject({ deleted: true, body: "" });
    // Past the five-minute window the edit is refused.
    await app.services.db.db.updateTable("liveMessages").set({ createdAt: new Date(Date.now() - 6 * 60_000).toISOString() }).where("id", "=", reply.id).execute();
    expect(await call(b, "message:edit", { messageId: reply.id, body: "późno" })).toMatchObject({ ok: false, error: { code: "edit_window_passed" } });
  });

  it.skipIf(skip)("rate-limits posting per user with code rate_limited", async () => {
    const ev = await createLiveEvent(app);
    const a = await connect(app, "admin");
    const qa = await joinQa(a, ev.id);
    const results = [];
    for (let i = 0; i < 12; i++) results.push(await call(a, "message:send", { threadId: qa, body: `flood ${i}`, kind: "comment" }));
    expect(results.filter((r) => r.ok)).toHaveLength(8);
    expect(results.at(-1)).toMatchObject({ ok: false, error: { code: "rate_limited" } });
    const other = await connect(app, "moderator");
    await joinQa(other, ev.id);
    expect((await call(other, "message:send", { threadId: qa, body: "inna osoba", kind: "comment" })).ok).toBe(true);
  });

  it.skipIf(skip)("answers malformed and unknown events with errors and keeps serving", async () => {
    const ev = await createLiveEvent(app);
    const a = await connect(app, "member");
    const qa = await joinQa(a, ev.id);
    const bad: [string, unknown][] = [
      ["message:send", { threadId: qa, body: "", kind: "comment" }],
      ["message:send", { threadId: qa, body: "x".repeat(2001), kind: "comment" }],
      ["message:send", { threadId: qa, body: "ok", kind: "shout" }],
      ["message:send", { threadId: "1; drop table", body: "ok", kind: "comment" }],
      ["message:send", { threadId: qa, body: "ok", kind: "comment", extra: true }],
      ["message:send", null],
      ["message:send", "text"],
      ["message:vote", { messageId: 1, value: 2 }],
      ["thread:join", { threadId: -1 }],
      ["room:join", [1, 2]],
    ];
    for (const [event, payload] of bad) expect(await call(a, event, payload), `${event} ${JSON.stringify(payload)}`).toMatchObject({ ok: false, error: { code: "bad_request" } });
    const body = await call(a, "message:send", { threadId: qa, body: " ", kind: "comment" });
    expect(body).toMatchObject({ ok: false, error: { message: "Wiadomość musi mieć od 1 do 2000 znaków." } });
    expect(await call(a, "nonsense:event", { x: 1 })).toMatchObject({ ok: false, error: { code: "unknown_event" } });
    const pushed = next<{ code: string; event: string }>(a, "live:error");
    a.emit("message:send", { nope: true }); // no ack: the error arrives as an event
    expect(await pushed).toMatchObject({ code: "bad_request", event: "message:send" });
    expect(await call(a, "message:send", { threadId: 999999, body: "gdzie?", kind: "comment" })).toMatchObject({ ok: false, error: { code: "not_found" } });
    expect((await call(a, "message:send", { threadId: qa, body: "x".repeat(2000), kind: "comment" })).ok).toBe(true);
  });

  it.skipIf(skip)("refuses foreign origins on polling and websocket handshakes", async () => {
    await expect(connectAs(app, null, { origin: "https://evil.example" })).rejects.toThrow();
    await expect(connectAs(app, null, { origin: "https://evil.example", transports: ["polling"] })).rejects.toThrow();
    const polling = await connect(app, "member", { transports: ["polling"] });
    const ev = await createLiveEvent(app);
    const qa = await joinQa(polling, ev.id);
    expect((await call(polling, "message:send", { threadId: qa, body: "przez polling", kind: "comment" })).ok).toBe(true);
  });

  it.skipIf(skip)("opens by itself at the set time before the start and says so to everyone in the room", async () => {
    const ev = await createLiveEvent(app, { startsInMs: 30 * 60_000 + 1500 });
    const anon = await connect(app, null);
    const joined = await ok<{ state: { status: string } }>(anon, "room:join", { eventId: ev.id });
    expect(joined.state.status).toBe("waiting");
    const opened = await next<{ status: string }>(anon, "room:state", (st) => st.status === "open", 6000);
    expect(opened.status).toBe("open");
  });

  it.skipIf(skip)("tracks presence with names and cities and relays typing per thread", async () => {
    const ev = await createLiveEvent(app);
    const a = await connect(app, "member");
    const b = await connect(app, "kalisz");
    const anon = await connect(app, null);
    const qa = await joinQa(a, ev.id);
    await joinQa(b, ev.id);
    const update = next<{ count: number; people: { name: string; city: string | null }[] }>(a, "presence:update", (p) => p.count === 3, 5000);
    await joinQa(anon, ev.id);
    const p = await update;
    expect(p.people).toEqual(expect.arrayContaining([{ id: expect.any(Number), name: "Maria Członkini", city: "Dzierżoniów" }, { id: expect.any(Number), name: "Piotr Kaliski", city: "Kalisz" }]));
    const typing = next<{ threadId: number; user: { name: string } }>(b, "typing");
    expect(await ok(a, "typing", { threadId: qa })).toEqual({ relayed: true });
    expect(await typing).toMatchObject({ threadId: qa, user: { name: "Maria Członkini" } });
    expect(await ok(a, "typing", { threadId: qa })).toEqual({ relayed: false }); // throttled
    expect(await ok(anon, "typing", { threadId: qa })).toEqual({ relayed: false }); // anonymous
    const left = next<{ count: number }>(a, "presence:update", (x) => x.count === 2, 5000);
    b.disconnect();
    expect((await left).count).toBe(2);
  });
});
