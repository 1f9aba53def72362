import WebSocket from "ws";
import { sql } from "kysely";
import * as Y from "yjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSessionMap, agendaRoots } from "../../domain/agenda-doc.js";
import { latestAgendaPlainText, saveAgendaSettings } from "../../db/repositories/agenda.js";
import { postgresUnavailableReason } from "../setup/postgres.js";
import { startTestServer, type Dialect, type TestServer } from "../setup/test-server.js";
import { connectAgenda, cookieOf, eventually, within, type AgendaClient } from "./agenda-clients.js";
import { createAgendaEvent } from "./agenda-fixtures.js";

const dialects: Dialect[] = ["sqlite", "postgres"];
const pgSkip = await postgresUnavailableReason();

describe.each(dialects)("agenda co-design endpoint (%s)", (dialect) => {
  const skip = dialect === "postgres" && pgSkip !== null;
  let app: TestServer;
  let cookies: Record<"admin" | "moderator" | "member" | "kalisz", string>;
  const clients: AgendaClient[] = [];
  const open = (docName: string, cookie: string, doc?: Y.Doc) => {
    const c = connectAgenda(app.url, docName, cookie, { doc });
    clients.push(c);
    return c;
  };

  beforeAll(async () => {
    if (skip) return;
    app = await startTestServer({ dialect });
    cookies = {
      admin: await cookieOf(app.url, "admin"),
      moderator: await cookieOf(app.url, "moderator"),
      member: await cookieOf(app.url, "member"),
      kalisz: await cookieOf(app.url, null, "kalisz@frl.test"),
    };
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await app?.stop();
  });

  it.skipIf(skip)("two editors converge on sessions and rich-text descriptions", async () => {
    const eventId = await createAgendaEvent(app.services.db);
    const a = open(`agenda:${eventId}`, cookies.member);
    const b = open(`agenda:${eventId}`, cookies.moderator);
    await Promise.all([a.synced, b.synced]);
    agendaRoots(a.doc).sessions.push([createSessionMap({ id: "s1", title: "Otwarcie", start: "10:00", end: "10:30", kind: "keynote" })]);
    await eventually(() => agendaRoots(b.doc).sessions.length === 1, "B sees A's session");
    const descB = agendaRoots(b.doc).sessions.get(0).get("description") as Y.XmlFragment;
    const p = new Y.XmlElement("paragraph");
    p.insert(0, [new Y.XmlText("Powitanie gości")]);
    descB.insert(0, [p]);
    agendaRoots(a.doc).sessions.get(0).set("title", "Otwarcie seminarium");
    await eventually(
      () => Y.encodeStateAsUpdate(a.doc).length === Y.encodeStateAsUpdate(b.doc).length && (agendaRoots(a.doc).sessions.get(0).get("description") as Y.XmlFragment).toString().includes("Powitanie"),
      "both sides converge",
    );
    expect(agendaRoots(b.doc).sessions.get(0).get("title")).toBe("Otwarcie seminarium");
    expect(agendaRoots(a.doc).sessions.toJSON()).toEqual(agendaRoots(b.doc).sessions.toJSON());
    // The server holds the same state (it is what a late joiner receives).
    const c = open(`agenda:${eventId}`, cookies.admin);
    await c.synced;
    expect(agendaRoots(c.doc).sessions.toJSON()).toEqual(agendaRoots(a.doc).sessions.toJSON());
  });

  it.skipIf(skip)("permission matrix over close codes", async () => {
    const eventId = await createAgendaEvent(app.services.db);
    const anonymous = "";
    const codeOf = async (docName: string, cookie: string) => {
      const c = open(docName, cookie);
      const r = await within(Promise.race([c.closed, c.synced.then(() => "synced" as const)]), 5000);
      c.destroy();
      return r;
    };
    // Co-design open to everyone signed in.
    expect(await codeOf(`agenda:${eventId}`, anonymous)).toBe(4401);
    expect(await codeOf(`agenda:${eventId}`, cookies.member)).toBe("synced");
    expect(await codeOf(`agenda:${eventId}`, cookies.moderator)).toBe("synced");
    expect(await codeOf(`agenda:${eventId}`, cookies.admin)).toBe("synced");
    // Limited to Kalisz: the Dzierżoniów member is refused, Kalisz and staff are in.
    const kaliszId = (await app.services.db.db.selectFrom("cities").select("id").where("slug", "=", "kalisz").executeTakeFirstOrThrow()).id;
    await saveAgendaSettings(app.services.db.db, { eventId, mode: "cities", cityIds: [kaliszId], open: true, dotsBudget: 5 }, null);
    expect(await codeOf(`agenda:${eventId}`, anonymous)).toBe(4401);
    expect(await codeOf(`agenda:${eventId}`, cookies.member)).toBe(4403);
    expect(await codeOf(`agenda:${eventId}`, cookies.kalisz)).toBe("synced");
    expect(await codeOf(`agenda:${eventId}`, cookies.moderator)).toBe("synced");
    expect(await codeOf(`agenda:${eventId}`, cookies.admin)).toBe("synced");
    // No such event, and names that are not agenda documents.
    expect(await codeOf(`agenda:99999999`, cookies.admin)).toBe(4404);
    expect(await codeOf(`agenda:abc`, cookies.admin)).toBe(4404);
    expect(await codeOf(`library:1`, cookies.admin)).toBe(4404);
    expect(await codeOf(`agenda:${eventId}/../1`, cookies.admin)).toBe(4404);
  });

  it.skipIf(skip)("read-only participants receive the document but their updates are dropped", async () => {
    const eventId = await createAgendaEvent(app.services.db);
    const editor = open(`agenda:${eventId}`, cookies.moderator);
    await editor.synced;
    agendaRoots(editor.doc).sessions.push([createSessionMap({ id: "keep", title: "Panel miast" })]);
    await saveAgendaSettings(app.services.db.db, { eventId, mode: "all", cityIds: [], open: false, dotsBudget: 5 }, null);
    const reader = open(`agenda:${eventId}`, cookies.member);
    await reader.synced;
    await eventually(() => agendaRoots(reader.doc).sessions.length === 1, "reader receives the document");
    // Awareness still flows both ways, under the name of the session, whatever the client claims.
    reader.provider.awareness.setLocalStateField("user", { name: "Ktoś Inny", city: "Nigdzie", color: "#123456" });
    await eventually(() => [...editor.provider.awareness.getStates().values()].some((s) => s.user?.name === "Maria Członkini"), "editor sees the reader's presence");
    const shown = [...editor.provider.awareness.getStates().values()].find((s) => s.user?.name === "Maria Członkini")?.user;
    expect(shown).toEqual({ id: expect.any(Number), name: "Maria Członkini", city: "Dzierżoniów", color: "#123456" });
    expect([...editor.provider.awareness.getStates().values()].some((s) => s.user?.name === "Ktoś Inny")).toBe(false);
    agendaRoots(reader.doc).sessions.push([createSessionMap({ id: "intruder", title: "Nie powinno przejść" })]);
    agendaRoots(editor.doc).sessions.push([createSessionMap({ id: "after", title: "Po" })]);
    await eventually(() => agendaRoots(reader.doc).sessions.length === 3, "reader still receives edits");
    await new Promise((r) => setTimeout(r, 300));
    const ids = (d: Y.Doc) => agendaRoots(d).sessions.toArray().map((m) => m.get("id"));
    expect(ids(editor.doc)).toEqual(["keep", "after"]);
    const serverIds = await app.services.agenda.current(eventId);
    expect(serverIds.sessions.map((s) => s.id)).toEqual(["keep", "after"]);
  });

  it.skipIf(skip)("an oversize update closes only that connection with 4413", async () => {
    const eventId = await createAgendaEvent(app.services.db);
    const big = open(`agenda:${eventId}`, cookies.member);
    const other = open(`agenda:${eventId}`, cookies.moderator);
    await Promise.all([big.synced, other.synced]);
    big.doc.getText("x").insert(0, "x".repeat(600 * 1024));
    expect(await within(big.closed, 5000)).toBe(4413);
    // The server and the other connection are fine.
    agendaRoots(other.doc).sessions.push([createSessionMap({ id: "still-ok" })]);
    const late = open(`agenda:${eventId}`, cookies.admin);
    await late.synced;
    await eventually(() => agendaRoots(late.doc).sessions.length === 1, "server still serves the doc");
    expect(late.doc.getText("x").length).toBe(0);
  });

  it.skipIf(skip)("a document that would grow past 8 MB closes its writer with 4414 and keeps what it had", async () => {
    const eventId = await createAgendaEvent(app.services.db);
    const writer = open(`agenda:${eventId}`, cookies.member);
    await writer.synced;
    let code: number | null = null;
    void writer.closed.then((c) => (code = c));
    // Updates under the 512 KB message limit, one after another, until the document limit is hit.
    const text = writer.doc.getText("x");
    for (let i = 0; i < 20 && code === null; i++) {
      text.insert(text.length, String(i % 10).repeat(480 * 1024));
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(await within(writer.closed, 10_000)).toBe(4414);
    const late = open(`agenda:${eventId}`, cookies.admin);
    await late.synced;
    const kept = late.doc.getText("x").length;
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThanOrEqual(8 * 1024 * 1024);
  });

  it.skipIf(skip)("a database that does not answer refuses with 4503 (try later), and the document opens once it does", async () => {
    const eventId = await createAgendaEvent(app.services.db);
    const { db } = app.services.db;
    await sql`ALTER TABLE agenda_updates RENAME TO agenda_updates_away`.execute(db);
    try {
      const first = open(`agenda:${eventId}`, cookies.moderator);
      expect(await within(Promise.race([first.closed, first.synced.then(() => "synced" as const)]), 5000)).toBe(4503);
      first.destroy();
    } finally {
      await sql`ALTER TABLE agenda_updates_away RENAME TO agenda_updates`.execute(db);
    }
    const again = open(`agenda:${eventId}`, cookies.moderator);
    await again.synced;
    agendaRoots(again.doc).sessions.push([createSessionMap({ id: "after-outage" })]);
    await eventually(async () => (await app.services.agenda.current(eventId)).sessions.length === 1, "server has the session");
  });

  it.skipIf(skip)("a malformed message and a flood are refused with their own codes", async () => {
    const eventId = await createAgendaEvent(app.services.db);
    const raw = (cookie: string) =>
      new Promise<WebSocket>((resolve, reject) => {
        const ws = new WebSocket(app.url.replace(/^http/, "ws") + `/collab/agenda:${eventId}`, { headers: { cookie, origin: app.url } });
        ws.once("open", () => resolve(ws));
        ws.once("error", reject);
      });
    const closeCode = (ws: WebSocket) => new Promise<number>((resolve) => ws.once("close", (code) => resolve(code)));
    const bad = await raw(cookies.member);
    const badClosed = closeCode(bad);
    bad.send(Uint8Array.from([7, 1, 2, 3]));
    expect(await within(badClosed, 5000)).toBe(4400);
    const flood = await raw(cookies.member);
    const floodClosed = closeCode(flood);
    // Empty awareness-free sync step 1 messages: valid, tiny, and far beyond the burst allowance.
    for (let i = 0; i < 400; i++) flood.send(Uint8Array.from([0, 0, 1, 0]));
    expect(await within(floodClosed, 5000)).toBe(4429);
  });

  it.skipIf(skip)("a corrupt stored update is refused with 4422, never served empty, never overwritten", async () => {
    const eventId = await createAgendaEvent(app.services.db);
    const writer = open(`agenda:${eventId}`, cookies.moderator);
    await writer.synced;
    agendaRoots(writer.doc).sessions.push([createSessionMap({ id: "precious", title: "Ważny blok" })]);
    writer.destroy();
    const { db } = app.services.db;
    await eventually(async () => (await db.selectFrom("agendaUpdates").select("id").where("docName", "=", `agenda:${eventId}`).execute()).length > 0, "update stored");
    // Let the idle room close so the next connection loads from the database.
    await new Promise((r) => setTimeout(r, 5600));
    await db.insertInto("agendaUpdates").values({ docName: `agenda:${eventId}`, data: Buffer.from("to nie jest aktualizacja Yjs"), createdAt: new Date().toISOString() }).execute();
    const before = await db.selectFrom("agendaUpdates").select(["id", "data"]).where("docName", "=", `agenda:${eventId}`).orderBy("id").execute();
    const snapshotsBefore = await db.selectFrom("agendaSnapshots").select("id").where("docName", "=", `agenda:${eventId}`).execute();
    const reader = open(`agenda:${eventId}`, cookies.moderator);
    const outcome = await within(Promise.race([reader.closed, reader.synced.then(() => "synced" as const)]), 5000);
    expect(outcome).toBe(4422);
    expect(agendaRoots(reader.doc).sessions.length).toBe(0);
    const after = await db.selectFrom("agendaUpdates").select(["id", "data"]).where("docName", "=", `agenda:${eventId}`).orderBy("id").execute();
    expect(after.map((r) => r.id)).toEqual(before.map((r) => r.id));
    expect((await db.selectFrom("agendaSnapshots").select("id").where("docName", "=", `agenda:${eventId}`).execute()).length).toBe(snapshotsBefore.length);
    // Publishing or any server-side read refuses too instead of working on an empty document.
    await expect(app.services.agenda.current(eventId)).rejects.toThrow(/cannot be decoded/);
  });

  it.skipIf(skip)("publishing stores a numbered, sanitised version and queues the event for search", async () => {
    const eventId = await createAgendaEvent(app.services.db);
    const editor = open(`agenda:${eventId}`, cookies.moderator);
    await editor.synced;
    agendaRoots(editor.doc).sessions.push([createSessionMap({ id: "p1", title: '<script>alert("x")</script>Panel', start: "11:00", end: "12:00", kind: "panel", description: "Opis <b>panelu</b>" })]);
    await eventually(async () => (await app.services.agenda.current(eventId)).sessions.length === 1, "server has the session");
    // The indexer drains (deletes) outbox rows; hold it so the rows this publish writes can be counted.
    await app.services.search.indexer.stop();
    const outboxCount = async () => (await app.services.db.db.selectFrom("searchOutbox").select("id").where("entity", "=", "event").where("entityId", "=", eventId).execute()).length;
    const outboxBefore = await outboxCount();
    const actor = { id: 2, role: "moderator" as const, cityId: null };
    const moderatorId = (await app.services.db.db.selectFrom("users").select("id").where("email", "=", "moderator@frl.test").executeTakeFirstOrThrow()).id;
    expect(await app.services.agenda.publish({ ...actor, id: moderatorId }, eventId)).toBe(1);
    expect(await app.services.agenda.publish({ ...actor, id: moderatorId }, eventId)).toBe(2);
    const v = await app.services.agenda.published(eventId);
    expect(v?.number).toBe(2);
    expect(v?.html).not.toContain("<script");
    expect(v?.html).toContain("&lt;script&gt;");
    expect(v?.html).toContain("Opis &lt;b&gt;panelu&lt;/b&gt;");
    expect(await outboxCount()).toBe(outboxBefore + 2);
    expect(await latestAgendaPlainText(app.services.db.db, eventId)).toContain("Opis <b>panelu</b>");
    await expect(app.services.agenda.publish({ id: 3, role: "member", cityId: null }, eventId)).rejects.toThrow(/forbidden/);
  });

  it.skipIf(skip)("a late joiner has the complete document at its first sync", async () => {
    const eventId = await createAgendaEvent(app.services.db);
    const editor = open(`agenda:${eventId}`, cookies.moderator);
    await editor.synced;
    for (let i = 0; i < 30; i++) agendaRoots(editor.doc).sessions.push([createSessionMap({ id: `r${i}`, title: `Blok ${i}` })]);
    await new Promise((r) => setTimeout(r, 200));
    editor.destroy();
    const late = open(`agenda:${eventId}`, cookies.member);
    await late.synced;
    // Synced means the server's state arrived with the first exchange: the doc is complete at that moment.
    expect(agendaRoots(late.doc).sessions.length).toBe(30);
  });
});
